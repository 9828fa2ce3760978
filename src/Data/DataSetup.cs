using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Data;

public static class DataSetup
{
    /// <summary>
    /// Registers <see cref="AnnotateDb"/> (scoped, for Identity) and its factory (for components and
    /// services, one context per operation, from a pool). With no connection string the app uses an embedded
    /// SQLite file under <paramref name="defaultDataDirectory"/>.
    /// </summary>
    public static IServiceCollection AddAnnotateData(this IServiceCollection services, IConfiguration configuration, string defaultDataDirectory)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not supported by this build. Use 'Sqlite' (the default).");

        var connectionString = SqliteConnectionString(configuration.GetConnectionString("Annotate"), defaultDataDirectory);
        // Pooled: every request uses a few short-lived contexts, and setting up a new one each time (its internal
        // services) cost more than the queries they ran.
        services.AddPooledDbContextFactory<AnnotateDb>(options => options.UseSqlite(connectionString));
        // Identity's stores want a scoped context; give them one from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContext());
        return services;
    }

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

    /// <summary>Creates or upgrades the schema and switches SQLite to write-ahead logging.</summary>
    public static async Task MigrateAnnotateDbAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
            // WAL lets readers go on while one writer writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
