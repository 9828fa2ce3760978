namespace Annotate.Web.Tests.Infrastructure;

/// <summary>The <see cref="SqliteOnlyFactAttribute"/> of a theory: skipped when the run is on another engine.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute()
    {
        if (TestDatabase.OnPostgres) Skip = $"Checks SQLite itself; this run is on {TestDatabase.Provider}.";
    }
}
