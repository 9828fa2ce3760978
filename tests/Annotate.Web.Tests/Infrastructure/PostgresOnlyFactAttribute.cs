namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A test that needs the run's PostgreSQL server itself (its roles, its refusals): skipped on a SQLite run.
/// Mark it <see cref="EngineSpecificAttribute"/> too, so that ./test.sh runs it on PostgreSQL every time.
/// </summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (!TestDatabase.OnPostgres) Skip = $"Needs a PostgreSQL server; this run is on {TestDatabase.Provider} (./test.sh runs it on PostgreSQL).";
    }
}
