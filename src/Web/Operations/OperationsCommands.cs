using Annotate.Data;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Operations;

/// <summary>
/// The operator's commands: `migrate`, `backup &lt;file&gt;`, `restore &lt;file&gt;`, run instead of the web
/// host when the first argument is a command word (`dotnet run --project src/Web -- migrate`). They read the
/// same configuration as the app (appsettings, environment, the remaining arguments), so they act on the
/// database the app would use. Exit codes: 0 done, 1 failed (the reason on standard error), 2 usage.
/// </summary>
internal sealed class OperationsCommands(string name, IReadOnlyList<string> arguments)
{
    public const string Usage = """
        Usage: Annotate.Web [command] [settings]
          (no command)           run the web app
          migrate                apply the database migrations, then exit
          backup <file> [--force]
                                 copy the SQLite database to <file>, consistent even while the app writes;
                                 --force replaces an existing <file>
          restore <file> [--force]
                                 replace the SQLite database with the backup <file>, with every instance
                                 stopped; the database as it was is kept as <database>.before-restore
                                 (--force replaces an earlier one)
        Settings are the app's own, e.g. --ConnectionStrings:Annotate "Data Source=annotate.db".
        For PostgreSQL, back up and restore with pg_dump and pg_restore (docs/deploy.md).
        """;

    /// <summary>
    /// The command in <paramref name="args"/> and the arguments left for the configuration, or null when the
    /// first argument is a setting (`--urls …`, `Key=Value`) or there is none: then the web app runs.
    /// </summary>
    public static (OperationsCommands Command, string[] HostArgs)? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].StartsWith('/') || args[0].Contains('=')) return null;
        var own = new List<string>();
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            // A setting takes the next word as its value unless it holds one ("--key=value").
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i] != "--force")
            {
                rest.Add(args[i]);
                if (!args[i].Contains('=') && i + 1 < args.Length) rest.Add(args[++i]);
            }
            else own.Add(args[i]);
        }
        return (new OperationsCommands(args[0], own), rest.ToArray());
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var force = arguments.Contains("--force");
        var files = arguments.Where(a => a != "--force").ToList();
        switch (name)
        {
            case "migrate" when files.Count == 0:
                return await MigrateAsync(services, output, error);
            case "backup" or "restore" when files.Count == 1:
                var factory = services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
                await using (var db = await factory.CreateDbContextAsync())
                {
                    if (!db.Database.IsSqlite())
                    {
                        error.WriteLine($"{name} copies SQLite databases. This one is on {db.Database.ProviderName}: use pg_dump and pg_restore (see docs/deploy.md, \"Backups\").");
                        return 1;
                    }
                    var sqlite = new SqliteBackup(db, output, error);
                    return name == "backup" ? await sqlite.BackupAsync(files[0], force) : await sqlite.RestoreAsync(files[0], force);
                }
            default:
                error.WriteLine(name is "migrate" or "backup" or "restore"
                    ? $"'{string.Join(' ', arguments)}' is not what {name} takes."
                    : $"'{name}' is not a command.");
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        await using var db = await factory.CreateDbContextAsync();
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await services.MigrateAnnotateDbAsync();
            output.WriteLine(pending.Count == 0
                ? "The database schema is up to date; nothing to apply."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            error.WriteLine(DatabaseFailure.Sentence("The migrations", db.Database.GetDbConnection(), e));
            return 1;
        }
    }
}
