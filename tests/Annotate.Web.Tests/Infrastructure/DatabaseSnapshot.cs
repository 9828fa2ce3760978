using System.Text;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Every row of every table as text, read from the database directly: equal snapshots mean nothing was stored or changed.</summary>
public static class DatabaseSnapshot
{
    public static async Task<string> SnapshotAsync(this TestDatabase database)
    {
        await using var connection = await database.OpenReadOnlyAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.OnPostgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            snapshot.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            // PostgreSQL has no rowid: a row's text sorts the rows the same way every time.
            select.CommandText = TestDatabase.OnPostgres
                ? $"SELECT t::text FROM \"{table}\" t ORDER BY 1"
                : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++) snapshot.Append(reader.GetValue(i)).Append('|');
                snapshot.AppendLine();
            }
        }
        return snapshot.ToString();
    }
}
