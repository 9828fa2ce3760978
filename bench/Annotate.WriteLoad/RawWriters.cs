using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Annotate.WriteLoad;

/// <summary>
/// The baseline: what this machine's SQLite takes when nothing else is in the way. Each writer has its
/// own connection and inserts one annotation-sized row per transaction (autocommit), on a database file
/// set up like the app's (WAL, the library's default synchronous=FULL, 30 s busy timeout).
/// </summary>
internal static class RawWriters
{
    public static async Task<string> RunAsync(string file, int writers, int count, string synchronous)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Pooling = false }.ToString();
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE IF NOT EXISTS Annotations (Id TEXT PRIMARY KEY, DocumentId INTEGER NOT NULL, AuthorId TEXT,
                  Motivation TEXT NOT NULL, Visibility TEXT NOT NULL, Body TEXT NOT NULL, Exact TEXT, Prefix TEXT, Suffix TEXT,
                  Start INTEGER, "End" INTEGER, Created TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS IX_Annotations_DocumentId_Start ON Annotations (DocumentId, Start);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var latencies = new Latencies();
        var next = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA synchronous={synchronous};";
                await pragma.ExecuteNonQueryAsync();
            }
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO Annotations (Id, DocumentId, AuthorId, Motivation, Visibility, Body, Exact, Prefix, Suffix, Start, "End", Created)
                VALUES ($id, 1, $author, 'commenting', 'Seminar', $body, 'the working class', 'historic mission of ', ' and its allies', $start, $start + 17, $created)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            insert.Parameters.AddWithValue("$author", $"writer-{w}");
            insert.Parameters.AddWithValue("$body", "Is *this* still true today? Compare the next paragraph.");
            var start = insert.Parameters.Add("$start", SqliteType.Integer);
            var created = insert.Parameters.Add("$created", SqliteType.Text);
            while (Interlocked.Increment(ref next) <= count)
            {
                id.Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                start.Value = Random.Shared.Next(20_000);
                created.Value = DateTimeOffset.UtcNow.ToString("O");
                var began = Stopwatch.GetTimestamp();
                await insert.ExecuteNonQueryAsync();
                latencies.Add(began);
            }
        })));
        wall.Stop();
        return latencies.Report($"bare SQLite inserts (sync={synchronous})", wall.Elapsed);
    }
}
