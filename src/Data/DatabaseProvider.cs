namespace Annotate.Data;

/// <summary>The database engines the app runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
