using System.Diagnostics;
using Annotate.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Annotate.Web.Tests.Infrastructure.ImportJson;

namespace Annotate.Web.Tests;

/// <summary>
/// An import of 10,000 annotations (the limit) made on another edition of the sample article, through the
/// API on a real SQLite file: every one is placed or kept as an orphan, and a classmate's hub connection
/// gets each of them. The time is printed for docs/performance.md ("Import at scale"); the bound asserted
/// is only a sanity check, the machine is shared.
/// </summary>
public sealed class ImportAtScaleTests(AnnotateApp app, ITestOutputHelper output) : IClassFixture<AnnotateApp>
{
    private static readonly string Text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "proletarian-internationalism.txt"))
        .ReplaceLineEndings("\n").Trim('\n');

    [Fact]
    public async Task Ten_thousand_annotations_are_imported_whole_each_placed_or_kept_as_an_orphan()
    {
        // A warm-up import elsewhere, so the time is that of a server that has imported before (compiled queries, JIT).
        var warmUp = await app.CreateClassroomAsync(Text);
        await warmUp.StudentA.ImportAsync(warmUp.DocumentId, LargeImportFile.Create(Text, 200, seed: 3).File);
        var room = await app.CreateClassroomAsync(Text);
        var (file, expected) = LargeImportFile.Create(Text, 10_000);
        var body = file.ToJsonString();
        var listener = await app.ConnectHubAsync(room.StudentB);
        await listener.JoinAsync(room.DocumentId);

        var clock = Stopwatch.StartNew();
        var report = await (await room.StudentA.PostImportAsync(room.DocumentId, body)).JsonAsync(System.Net.HttpStatusCode.OK);
        var elapsed = clock.Elapsed;

        output.WriteLine($"{body.Length:N0} bytes, {expected}: {report.Counts()} in {elapsed.TotalMilliseconds:N0} ms (load average {LoadAverage()})");
        var counts = (Placed: report.GetProperty("placed").GetInt32(), Fuzzy: report.GetProperty("fuzzy").GetInt32(), Orphaned: report.GetProperty("orphaned").GetInt32());
        Assert.Equal(10_000, counts.Placed + counts.Fuzzy + counts.Orphaned);
        Assert.Equal(0, report.GetProperty("rejected").GetArrayLength());
        Assert.True(counts.Orphaned >= expected.Orphans, $"Only {counts.Orphaned} orphans; the file has {expected.Orphans} passages that are not in the text.");
        Assert.Equal(10_000, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", room.DocumentId)));
        Assert.Equal(counts.Orphaned - CountRepliesOfOrphans(report), await app.Database.CountAsync(
            "SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id AND ParentId IS NULL AND Start IS NULL", ("$id", room.DocumentId)));
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"The import took {elapsed}.");

        // The classmate's hub connection stays open and gets every annotation, threads before their replies.
        var imported = report.ImportedIris();
        var arrived = await CollectCreatedAsync(listener, imported.Count);
        Assert.Equal(imported, arrived);
    }

    [Fact]
    [EngineSpecific]
    public async Task A_failure_half_way_through_storing_stores_nothing_and_announces_nothing()
    {
        var room = await app.CreateClassroomAsync(Text);
        var (file, _) = LargeImportFile.Create(Text, 2_000);
        var listener = await app.ConnectHubAsync(room.StudentB);
        await listener.JoinAsync(room.DocumentId);
        // The database refuses the 1,001st annotation of the file, after a thousand were written in the transaction.
        await app.Database.ExecuteAsync(TestDatabase.OnPostgres
            ? "CREATE FUNCTION fail_half_way() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
              "IF NEW.\"ImportKey\" = 'https://edition.example.org/anno/1000' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$; " +
              "CREATE TRIGGER fail_half_way BEFORE INSERT ON \"Annotations\" FOR EACH ROW EXECUTE FUNCTION fail_half_way();"
            : "CREATE TRIGGER fail_half_way BEFORE INSERT ON Annotations WHEN NEW.ImportKey = 'https://edition.example.org/anno/1000' " +
              "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;");
        HttpResponseMessage failed;
        try
        {
            failed = await room.StudentA.PostImportAsync(room.DocumentId, file.ToJsonString());
        }
        finally
        {
            await app.Database.ExecuteAsync(TestDatabase.OnPostgres
                ? "DROP TRIGGER fail_half_way ON \"Annotations\"; DROP FUNCTION fail_half_way();"
                : "DROP TRIGGER fail_half_way;");
        }

        Assert.StartsWith("Nothing was imported: the database could not store the annotations.", await failed.ProblemDetailAsync(System.Net.HttpStatusCode.InternalServerError));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", room.DocumentId)));
        // The person's import slot is free again, and the next import is the first thing the classmate hears of.
        var after = await room.StudentA.ImportAsync(room.DocumentId, new System.Text.Json.Nodes.JsonArray(
            W3c("urn:x:after", Text, Text[..Text.IndexOf(' ', 20)], "After the failure.")));
        await listener.WaitForAsync(HubListener.Created, after.ImportedIris()[0]);
        Assert.Single(listener.Received);
    }

    /// <summary>Orphans listed in the report that are replies (they hang under an orphaned thread, no position of their own).</summary>
    private static int CountRepliesOfOrphans(System.Text.Json.JsonElement report) =>
        report.GetProperty("orphans").EnumerateArray().Count(o => o.GetProperty("reason").GetString()!.StartsWith("It answers", StringComparison.Ordinal));

    private static async Task<List<string>> CollectCreatedAsync(HubListener listener, int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (listener.TakeArrived().Count(e => e.Name == HubListener.Created) < count && !deadline.IsCancellationRequested)
            await Task.Delay(50, CancellationToken.None);
        return listener.Received.Where(e => e.Name == HubListener.Created).Select(e => e.AnnotationIri!).ToList();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
