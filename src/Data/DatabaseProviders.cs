namespace Annotate.Data;

/// <summary>Reads <c>Database:Provider</c>: a wrong value stops the start with a sentence naming the valid ones.</summary>
public static class DatabaseProviders
{
    public static DatabaseProvider Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return DatabaseProvider.Sqlite;
        // Enum.TryParse would also take "1" or " sqlite, postgres"; only the two names are settings.
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
            if (configured.Trim().Equals(provider.ToString(), StringComparison.OrdinalIgnoreCase))
                return provider;
        throw new InvalidOperationException(
            $"Database:Provider '{configured}' is not supported. Use 'Sqlite' (the default) or 'Postgres'.");
    }
}
