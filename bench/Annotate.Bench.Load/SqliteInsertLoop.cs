using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Annotate.Bench.Load;

/// <summary>
/// The writes baseline: the same number of writers inserting rows shaped like an annotation into a SQLite file,
/// each on its own connection, one INSERT per transaction, with nothing else around. SQLite as its authors
/// advise for concurrent writers: WAL with synchronous=NORMAL (a commit is durable once the WAL is checkpointed;
/// a crash loses no committed data, a power cut may lose the last commits), and SQLite's own busy handler
/// (busy_timeout), which retries within a millisecond or two, where Microsoft.Data.Sqlite's retry sleeps 150 ms.
/// </summary>
internal static class SqliteInsertLoop
{
    private const int Busy = 5, LockedTable = 6;

    public static WriteResult Measure(string databasePath, int writers, int insertsPerWriter)
    {
        var connectionString = $"Data Source={databasePath}";
        using (var setup = new SqliteConnection(connectionString))
        {
            setup.Open();
            Execute(setup, "PRAGMA journal_mode=WAL;");
            Execute(setup, """
                CREATE TABLE Annotations (Id TEXT NOT NULL PRIMARY KEY, DocumentId INTEGER NOT NULL, AuthorId TEXT, Motivation TEXT NOT NULL,
                  Visibility INTEGER NOT NULL, Body TEXT NOT NULL, Tags TEXT NOT NULL, Exact TEXT, Prefix TEXT, Suffix TEXT, Start INTEGER, "End" INTEGER,
                  Created TEXT NOT NULL, Modified TEXT NOT NULL);
                CREATE INDEX IX_Annotations_DocumentId ON Annotations (DocumentId);
                """);
        }

        var latencies = new ConcurrentBag<double>();
        int succeeded = 0, locked = 0, otherErrors = 0;
        var body = (string)AnnotateSite.Annotation(0)["body"]![0]!["value"]!;
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, writers).Select(writer => new Thread(() =>
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;");
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO Annotations (Id, DocumentId, AuthorId, Motivation, Visibility, Body, Tags, Exact, Prefix, Suffix, Start, "End", Created, Modified)
                VALUES ($id, 1, $author, 'commenting', 3, $body, '', 'the passage every bench annotation marks', 'Here is ', ', once and only once.', 10, 50, $now, $now)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            insert.Parameters.AddWithValue("$author", $"writer-{writer}");
            insert.Parameters.AddWithValue("$body", body);
            var now = insert.Parameters.Add("$now", SqliteType.Text);
            for (var i = 0; i < insertsPerWriter; i++)
            {
                var started = Stopwatch.GetTimestamp();
                id.Value = Guid.NewGuid().ToString();
                now.Value = DateTimeOffset.UtcNow.ToString("O");
                try
                {
                    insert.ExecuteNonQuery();
                    Interlocked.Increment(ref succeeded);
                }
                catch (SqliteException exception) when (exception.SqliteErrorCode is Busy or LockedTable)
                {
                    Interlocked.Increment(ref locked);
                }
                catch (SqliteException)
                {
                    Interlocked.Increment(ref otherErrors);
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var perSecond = writers * insertsPerWriter / clock.Elapsed.TotalSeconds;

        using var count = new SqliteConnection(connectionString);
        count.Open();
        using var rows = count.CreateCommand();
        rows.CommandText = "SELECT COUNT(*) FROM Annotations";
        return new WriteResult(perSecond, Percentiles.Sorted(latencies), succeeded, (long)rows.ExecuteScalar()!, locked, otherErrors);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
