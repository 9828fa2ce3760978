using Annotate.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Operations;

/// <summary>
/// What the app does with its schema before it serves. `Database:MigrateOnStart` (default true) migrates, as
/// one instance on its own SQLite file wants. Several instances on one database set it to false and run
/// `migrate` as a release step: each instance then waits for the schema it was built for instead of
/// migrating, so no two ever race a migration.
/// </summary>
internal static class SchemaStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var configuration = app.Configuration;
        if (configuration.GetValue("Database:MigrateOnStart", true))
            await app.Services.MigrateAnnotateDbAsync(app.Lifetime.ApplicationStopping);
        else
            await WaitForSchemaAsync(app.Services, app.Logger,
                TimeSpan.FromSeconds(configuration.GetValue("Database:SchemaWaitSeconds", 5.0)), app.Lifetime.ApplicationStopping);
        HoldDatabaseFile(app);
    }

    /// <summary>Returns once every migration this build knows has been applied; logs what it waits for at each look.</summary>
    public static async Task WaitForSchemaAsync(IServiceProvider services, ILogger logger, TimeSpan interval, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        while (true)
        {
            string waitingFor;
            try
            {
                await using var db = await factory.CreateDbContextAsync(cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0) return;
                waitingFor = $"{pending.Count} migration(s) not yet applied, the last {pending[^1]}";
            }
            catch (System.Data.Common.DbException e)
            {
                waitingFor = $"the database does not answer ({e.Message})";
            }
            logger.LogWarning("Database:MigrateOnStart is false and the schema is not ready: {WaitingFor}. " +
                "Run the migrate step (dotnet Annotate.Web.dll migrate); looking again in {Seconds} s.", waitingFor, interval.TotalSeconds);
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>So that `restore` can tell the app is running on this file (see <see cref="DatabaseFileHold"/>).</summary>
    private static void HoldDatabaseFile(WebApplication app)
    {
        using var db = app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContext();
        if (!db.Database.IsSqlite()) return;
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (file is "" or ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)) return;
        var hold = DatabaseFileHold.Shared(file);
        app.Lifetime.ApplicationStopped.Register(hold.Dispose);
    }
}
