using Microsoft.Data.Sqlite;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A SQLite database file in a temp folder of its own. It can outlive one <see cref="AnnotateApp"/>, so a
/// test can stop the app and start another on the same file; whoever creates it disposes it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("annotate-tests-").FullName;
        FilePath = Path.Combine(Directory, "annotate.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    /// <summary>What the app is given as <c>ConnectionStrings:Annotate</c>.</summary>
    public string ConnectionString => $"Data Source={FilePath}";

    /// <summary>Reads the file directly, bypassing the app, to prove what is really stored where.</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        // The app's pooled connections keep the file open; let them go before removing it.
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
