using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A database of the test's own: a SQLite file in a temp folder, or, when <c>ANNOTATE_TEST_PROVIDER=Postgres</c>,
/// a fresh database on the server <c>ANNOTATE_TEST_POSTGRES</c> names (tests/postgres.sh starts one). It can
/// outlive one <see cref="AnnotateApp"/>, so a test can stop the app and start another on the same
/// database; whoever creates it disposes it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The engine every test database of this run uses (<c>Sqlite</c> unless the environment says otherwise).</summary>
    public static readonly string Provider = Environment.GetEnvironmentVariable("ANNOTATE_TEST_PROVIDER") is { Length: > 0 } provider ? provider : "Sqlite";

    public static bool OnPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    private readonly string? postgresName;

    public TestDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("annotate-tests-").FullName;
        FilePath = Path.Combine(Directory, "annotate.db");
        if (!OnPostgres) return;
        postgresName = $"annotate_test_{Guid.NewGuid():N}";
        AdministerPostgres($"CREATE DATABASE {postgresName}");
    }

    public string Directory { get; }

    /// <summary>The SQLite file (on Postgres: unused).</summary>
    public string FilePath { get; }

    /// <summary>What the app is given as <c>ConnectionStrings:Annotate</c>.</summary>
    public string ConnectionString => postgresName is null
        ? $"Data Source={FilePath}"
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = postgresName }.ConnectionString;

    private static string PostgresServer => Environment.GetEnvironmentVariable("ANNOTATE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ANNOTATE_TEST_PROVIDER=Postgres needs ANNOTATE_TEST_POSTGRES (a connection string of a user who may create databases); tests/postgres.sh run sets both.");

    /// <summary>
    /// Reads the database directly, bypassing the app, to prove what is really stored where. Write the SQL
    /// as for SQLite (bare table and column names, <c>$name</c> parameters); on Postgres names are quoted.
    /// </summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenReadOnlyAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = postgresName is null ? sql : PostgresSql.From(sql);
        foreach (var (name, value) in parameters) command.Parameters.Add(Parameter(command, name, value));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Runs SQL of the engine this run uses (<see cref="OnPostgres"/>) behind the app's back, e.g. a trigger that makes the database refuse a row.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using DbConnection connection = postgresName is null ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection of its own outside the app's pool, for reading only.</summary>
    internal async Task<DbConnection> OpenReadOnlyAsync()
    {
        DbConnection connection = postgresName is null
            ? new SqliteConnection($"Data Source={FilePath};Mode=ReadOnly;Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Options = "-c default_transaction_read_only=on" }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private DbParameter Parameter(DbCommand command, string name, object value)
    {
        if (postgresName is null) return new SqliteParameter(name, value);
        // Untyped text lets the server read it as the column's type: ids are uuid there, text in SQLite.
        return value is string text
            ? new NpgsqlParameter(name.TrimStart('$'), NpgsqlDbType.Unknown) { Value = text }
            : new NpgsqlParameter(name.TrimStart('$'), value);
    }

    public void Dispose()
    {
        if (postgresName is null)
            // The app's pooled connections keep the file open; let them go before removing it.
            SqliteConnection.ClearAllPools();
        else
        {
            using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
            AdministerPostgres($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static void AdministerPostgres(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
