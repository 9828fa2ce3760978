using System.Text;
using Microsoft.Data.Sqlite;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Every row of every table as text, read from the file directly: equal snapshots mean nothing was stored or changed.</summary>
public static class DatabaseSnapshot
{
    public static async Task<string> SnapshotAsync(this TestDatabase database)
    {
        await using var connection = new SqliteConnection($"Data Source={database.FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            snapshot.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
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
