using Microsoft.Data.Sqlite;

namespace Annotate.Web.Operations;

/// <summary>
/// Opening, checking and counting SQLite files for the backup and restore commands. Connections here are
/// never pooled, so the command lets go of each file as soon as it is done with it.
/// </summary>
internal static class SqliteFiles
{
    /// <summary>The migrations table EF Core keeps: a file without it is not an Annotate database.</summary>
    public const string MigrationsTable = "__EFMigrationsHistory";

    public static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());

    /// <summary>"ok", or the first problem PRAGMA integrity_check reports.</summary>
    public static async Task<string> IntegrityAsync(SqliteConnection connection) =>
        Convert.ToString(await ScalarAsync(connection, "PRAGMA integrity_check")) ?? "no answer";

    /// <summary>The migrations applied to this file, oldest first; null when it has no migrations table.</summary>
    public static async Task<IReadOnlyList<string>?> AppliedMigrationsAsync(SqliteConnection connection)
    {
        var hasTable = Convert.ToInt64(await ScalarAsync(connection,
            $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{MigrationsTable}'")) > 0;
        if (!hasTable) return null;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MigrationId FROM \"{MigrationsTable}\" ORDER BY MigrationId";
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync()) applied.Add(reader.GetString(0));
        return applied;
    }

    /// <summary>What a person checks a backup by: how many accounts, seminars, documents and annotations it holds.</summary>
    public static async Task<DatabaseCounts> CountAsync(SqliteConnection connection) => new(
        await CountRowsAsync(connection, "AspNetUsers"),
        await CountRowsAsync(connection, "Seminars"),
        await CountRowsAsync(connection, "Documents"),
        await CountRowsAsync(connection, "Annotations"));

    private static async Task<long> CountRowsAsync(SqliteConnection connection, string table) =>
        Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""));

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
