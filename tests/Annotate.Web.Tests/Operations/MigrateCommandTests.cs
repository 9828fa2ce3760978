using Annotate.Web.Operations;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Annotate.Web.Tests.Operations;

/// <summary>`migrate` as a release step, the start-up that waits for it, and the program's answer to a wrong command.</summary>
[EngineSpecific]
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_on_an_empty_file_creates_the_schema_and_exits_0()
    {
        using var database = new TestDatabase();

        var result = await OperationsRun.RunProgramAsync(database, "migrate");

        Assert.True(result.ExitCode == 0, result.Error);
        // Every migration of this engine's set (a new one must not break this test).
        var set = TestDatabase.OnPostgres ? System.Reflection.Assembly.Load("Annotate.Data.Postgres") : typeof(Annotate.Data.AnnotateDb).Assembly;
        var migrations = set.GetTypes().Count(t => t.IsDefined(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false));
        Assert.Contains($"Applied {migrations} migration(s)", result.Output);
        Assert.Equal(migrations, await database.CountAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM Annotations"));
        Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM AspNetUsers"));

        var again = await OperationsRun.RunAsync(database, "migrate");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("up to date", again.Output);
    }

    [Fact]
    public async Task An_unknown_command_prints_the_usage_and_exits_2_without_touching_the_database()
    {
        using var database = new TestDatabase();

        var result = await OperationsRun.RunProgramAsync(database, "migrat");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'migrat' is not a command.", result.Error);
        Assert.Contains("backup <file> [--force]", result.Error);
        Assert.False(File.Exists(database.FilePath));
    }

    [Fact]
    public async Task A_command_given_the_wrong_arguments_prints_the_usage_and_exits_2()
    {
        using var database = new TestDatabase();

        var result = await OperationsRun.RunAsync(database, "backup");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Error);
    }

    [Fact]
    public void Settings_before_any_command_word_run_the_web_app()
    {
        Assert.Null(OperationsCommands.Parse([]));
        Assert.Null(OperationsCommands.Parse(["--urls", "http://127.0.0.1:5000"]));
        Assert.Null(OperationsCommands.Parse(["Demo:Enabled=false"]));
        var (command, hostArgs) = OperationsCommands.Parse(["backup", "--ConnectionStrings:Annotate", "Data Source=x.db", "b.db", "--force"])!.Value;
        Assert.NotNull(command);
        Assert.Equal(["--ConnectionStrings:Annotate", "Data Source=x.db"], hostArgs);
    }

    [Fact]
    public async Task Start_up_without_migrating_waits_for_the_schema_until_migrate_has_run()
    {
        using var database = new TestDatabase();
        await using var app = OperationsRun.AppServices(database);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var waiting = SchemaStartup.WaitForSchemaAsync(app.Services, NullLogger.Instance, TimeSpan.FromMilliseconds(20), stop.Token);
        // Several looks at the empty database, and still waiting.
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        Assert.Equal(0, (await OperationsRun.RunAsync(database, "migrate")).ExitCode);
        await waiting;
    }
}
