using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Annotate.Data;

public static class DataSetup
{
    /// <summary>The assembly that holds the PostgreSQL migrations; the SQLite ones live beside <see cref="AnnotateDb"/>.</summary>
    public const string PostgresMigrationsAssembly = "Annotate.Data.Postgres";

    /// <summary>
    /// Registers <see cref="AnnotateDb"/> (scoped, for Identity) and its factory (for components and
    /// services, one context per operation, from a pool) on the provider <c>Database:Provider</c> names:
    /// <c>Sqlite</c> (the default; with no connection string an embedded file under
    /// <paramref name="defaultDataDirectory"/>) or <c>Postgres</c> (<c>ConnectionStrings:Annotate</c> required).
    /// </summary>
    public static IServiceCollection AddAnnotateData(this IServiceCollection services, IConfiguration configuration, string defaultDataDirectory)
    {
        var provider = DatabaseProviders.Parse(configuration["Database:Provider"]);
        var configured = configuration.GetConnectionString("Annotate");
        Action<DbContextOptionsBuilder> useDatabase = provider switch
        {
            DatabaseProvider.Postgres => PostgresOptions(PostgresConnectionString(configured)),
            _ => SqliteOptions(SqliteConnectionString(configured, defaultDataDirectory)),
        };
        // Pooled: every request uses a few short-lived contexts, and setting up a new one each time (its internal
        // services) cost more than the queries they ran.
        services.AddPooledDbContextFactory<AnnotateDb>(useDatabase);
        // Identity's stores want a scoped context; give them one from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContext());
        return services;
    }

    private static Action<DbContextOptionsBuilder> SqliteOptions(string connectionString) =>
        options => options.UseSqlite(connectionString);

    private static Action<DbContextOptionsBuilder> PostgresOptions(string connectionString) =>
        options => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));

    internal static string SqliteConnectionString(string? configured, string defaultDataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={Path.Combine(defaultDataDirectory, "annotate.db")}");
        // Writers wait for each other instead of failing at once with "database is locked".
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (directory is not null) Directory.CreateDirectory(directory);
        }
        return builder.ToString();
    }

    internal static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException(
                "Database:Provider is 'Postgres' but ConnectionStrings:Annotate is not set. " +
                "Set it to the server and database, e.g. ConnectionStrings__Annotate=\"Host=db;Database=annotate;Username=annotate;Password=…\".");
        try
        {
            return new NpgsqlConnectionStringBuilder(configured).ConnectionString;
        }
        catch (ArgumentException exception)
        {
            // The builder's own message names the bad keyword but not which setting held it.
            throw new InvalidOperationException($"ConnectionStrings:Annotate is not a PostgreSQL connection string: {exception.Message.TrimEnd('.')}.", exception);
        }
    }

    /// <summary>
    /// Creates or upgrades the schema; on SQLite also switches the file to write-ahead logging. Then fills in what
    /// a migration could not compute in SQL (<see cref="DerivedColumnsBackfill"/>).
    /// </summary>
    public static async Task MigrateAnnotateDbAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
            // WAL lets readers go on while one writer writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await DerivedColumnsBackfill.RunAsync(db, cancellationToken);
    }
}
