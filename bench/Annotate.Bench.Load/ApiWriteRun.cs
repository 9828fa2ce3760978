using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;

namespace Annotate.Bench.Load;

/// <summary>
/// Concurrent writers post annotations to one document through the API, each its next one as soon as the last
/// is answered. Afterwards the rows are counted (<paramref name="countRows"/>: in the app's SQLite file, or
/// through the API): every 201 must be a row. <paramref name="serverOf"/>, when given, says which instance each
/// writer posts to (instances of one installation); otherwise all post to the site's. They post to the site's
/// writes document unless given <paramref name="documentId"/>.
/// </summary>
internal sealed class ApiWriteRun(HttpClient http, AnnotateSite site, Func<Task<long>> countRows, Func<int, Uri>? serverOf = null, int? documentId = null)
{
    public async Task<WriteResult> MeasureAsync(int writers, int writesPerWriter)
    {
        var rowsBefore = await countRows();
        var latencies = new ConcurrentBag<double>();
        int succeeded = 0, locked = 0, otherErrors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            var token = writer % 2 == 0 ? site.TeacherToken : site.ReaderTokens[writer % site.ReaderTokens.Count];
            for (var i = 0; i < writesPerWriter; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var number = writer * writesPerWriter + i;
                    using var request = serverOf is null
                        ? site.NewAnnotation(documentId ?? site.WritesDocument, token, number)
                        : AnnotateSite.NewAnnotation(serverOf(writer), documentId ?? site.WritesDocument, token, number);
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref succeeded);
                    else if (body.Contains("database is locked", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref locked);
                    else Count(ref otherErrors, $"{(int)response.StatusCode} {body}");
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    Count(ref otherErrors, exception.Message);
                }
            }
        }));
        var perSecond = writers * writesPerWriter / clock.Elapsed.TotalSeconds;
        return new WriteResult(perSecond, Percentiles.Sorted(latencies), succeeded, await countRows() - rowsBefore, locked, otherErrors);
    }

    /// <summary>The annotations of <paramref name="documentId"/> in an app's SQLite file, read beside the app.</summary>
    public static async Task<long> SqliteRowsAsync(string databasePath, int documentId)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Annotations WHERE DocumentId = $document";
        command.Parameters.AddWithValue("$document", documentId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void Count(ref int errors, string what)
    {
        // The first few are worth reading; the rest only counting.
        if (Interlocked.Increment(ref errors) <= 3) Console.WriteLine($"  write failed: {what[..Math.Min(what.Length, 300)]}");
    }
}
