using Annotate.Web.Tests.Infrastructure;
using Npgsql;

namespace Annotate.Web.Tests.Operations;

/// <summary>
/// `migrate` where it cannot work: the operator gets one sentence on standard error naming the database and
/// what stopped it, and exit code 1; no stack trace, no pages of EF's logs.
/// </summary>
[EngineSpecific]
public sealed class MigrateFailureTests
{
    [Fact]
    public async Task Migrate_against_a_PostgreSQL_server_that_does_not_answer_says_so_in_one_sentence_and_exits_1()
    {
        using var database = new TestDatabase();
        var port = TestSmtpServer.FreePort();

        var result = await MigrateAsync(database, $"Host=127.0.0.1;Port={port};Username=annotate;Database=annotate");

        AssertOneSentence(result, $"The migrations could not be applied to the PostgreSQL database 'annotate' on 127.0.0.1:{port} as 'annotate': the server cannot be reached (");
    }

    [Fact]
    public async Task Migrate_with_settings_the_app_refuses_says_which_in_one_sentence_and_exits_1()
    {
        using var database = new TestDatabase();

        var malformed = await MigrateAsync(database, "Hots=127.0.0.1;Database=annotate");
        var unknown = await OperationsRun.RunProgramAsync(database, "migrate", "--Database:Provider", "Oracle");

        AssertOneSentence(malformed, "ConnectionStrings:Annotate is not a PostgreSQL connection string: Couldn't set hots");
        AssertOneSentence(unknown, "Database:Provider 'Oracle' is not supported. Use 'Sqlite' (the default) or 'Postgres'.");
    }

    [PostgresOnlyFact]
    public async Task Migrate_as_a_role_that_does_not_exist_says_so_in_one_sentence_and_exits_1()
    {
        using var database = new TestDatabase();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var role = $"nobody_{Guid.NewGuid():N}";

        var result = await MigrateAsync(database, new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ConnectionString);

        AssertOneSentence(result, $"The migrations could not be applied to the PostgreSQL database '{server.Database}' on {server.Host}:{server.Port} as '{role}': role \"{role}\" does not exist.");
    }

    [PostgresOnlyFact]
    public async Task Migrate_to_a_database_that_does_not_exist_as_a_role_that_may_not_create_it_says_so_and_exits_1()
    {
        using var database = new TestDatabase();
        var role = $"reader_{Guid.NewGuid():N}";
        var missing = $"missing_{Guid.NewGuid():N}";
        await database.ExecuteAsync($"CREATE ROLE {role} LOGIN NOCREATEDB");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Database = missing };

            var result = await MigrateAsync(database, connection.ConnectionString);

            AssertOneSentence(result, $"The migrations could not be applied to the PostgreSQL database '{missing}' on {connection.Host}:{connection.Port} as '{role}': permission denied to create database.");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await database.ExecuteAsync($"DROP ROLE {role}");
        }
    }

    /// <summary>The real program, its settings pointing at <paramref name="connectionString"/> on PostgreSQL whatever engine this run uses.</summary>
    private static Task<CommandResult> MigrateAsync(TestDatabase database, string connectionString) =>
        OperationsRun.RunProgramAsync(database, "migrate", "--Database:Provider", "Postgres", "--ConnectionStrings:Annotate", connectionString);

    private static void AssertOneSentence(CommandResult result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected one line on standard error, got {lines.Length}:\n{result.Error}");
        Assert.StartsWith(expected, lines[0]);
        Assert.EndsWith(".", lines[0]);
    }
}
