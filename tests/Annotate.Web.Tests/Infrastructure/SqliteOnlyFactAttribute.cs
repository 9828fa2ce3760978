namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A test of SQLite itself (its file, journal, pragmas or trigger syntax): skipped when the run is on
/// another engine (<see cref="TestDatabase.Provider"/>), where it has nothing to check.
/// </summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabase.OnPostgres) Skip = $"Checks SQLite itself; this run is on {TestDatabase.Provider}.";
    }
}
