using System.Text;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Every row of every table as text, read from the database directly: equal snapshots mean nothing was stored or changed.</summary>
public static class DatabaseSnapshot
{
    public static async Task<string> SnapshotAsync(this TestDatabase database)
    {
        await using var connection = await database.OpenReadOnlyAsync();
        var tables = new List<(string Name, bool Rowid)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.OnPostgres
                ? "SELECT tablename, FALSE FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
                : "SELECT name, COALESCE(sql, '') NOT LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetBoolean(1)));
        }

        var snapshot = new StringBuilder();
        foreach (var (table, rowid) in tables)
        {
            snapshot.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            // PostgreSQL has no rowid, nor do SQLite's WITHOUT ROWID tables (the search index's own): their rows are sorted as text.
            select.CommandText = TestDatabase.OnPostgres ? $"SELECT t::text FROM \"{table}\" t"
                : rowid ? $"SELECT * FROM \"{table}\" ORDER BY rowid" : $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++) row.Append(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i)).Append('|');
                rows.Add(row.ToString());
            }
            if (!rowid) rows.Sort(StringComparer.Ordinal);
            foreach (var row in rows) snapshot.AppendLine(row);
        }
        return snapshot.ToString();
    }
}
