using System.Globalization;

namespace Annotate.Bench.Load;

/// <summary>
/// Runs every measure of issue 12 this program owns against Annotate and its baseline in the same run, and
/// adds their rows to the results file: hub fan-out (bare SignalR server), API writes (a raw SQLite insert
/// loop), memory per hub connection, and the export and overview of a large discussion (against one indexed
/// GET). Baseline and Annotate take turns, post by post for the fan-out, so that a change in the shared machine's
/// load falls on both.
/// </summary>
internal sealed class Harness(BenchSettings settings, Server annotate, string annotateDatabase, Server bare, string workFolder, ResultsFile results)
{
    public async Task RunAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await annotate.WaitUntilHealthyAsync(http);
        await bare.WaitUntilHealthyAsync(http);
        var site = new AnnotateSite(http, annotate.Url);
        await site.CreateAsync(settings.ReaderAccounts);

        var annotateTarget = new FanOutTarget(annotate, site.FanOutDocument,
            client => site.ReaderTokens[client % site.ReaderTokens.Count],
            post => site.NewAnnotation(site.FanOutDocument, site.TeacherToken, post));
        var bareTarget = new FanOutTarget(bare, site.FanOutDocument, _ => null,
            post => AnnotateSite.NewAnnotation(bare.Url, site.FanOutDocument, null, post));
        await FanOutAsync(http, bareTarget, annotateTarget);
        await WritesAsync(http, site);
        await ExportMeasure.RunAsync(http, annotate, settings.ExportAnnotations, settings.ExportRounds, results);
        // Search is measured by bench/run.sh after every other measure (the `search` command): importing its hundred
        // thousand annotations leaves the process releasing memory for minutes, which the reading page's memory rows
        // would count against their first pages.
    }

    private async Task FanOutAsync(HttpClient http, FanOutTarget bareTarget, FanOutTarget annotateTarget)
    {
        var run = new FanOutRun(http);
        Console.WriteLine("Warming up both servers");
        await run.MeasureAsync(bareTarget, annotateTarget, 5, 0, 5, measureMemory: false);

        var measured = new List<(int Clients, FanOutResult Bare, FanOutResult Annotate)>();
        foreach (var clients in settings.FanOutClients)
        {
            // The first (largest) size also reads memory, before later connections have grown the heaps.
            var first = measured.Count == 0;
            Console.WriteLine($"Hub fan-out, {clients} clients");
            var (bareResult, annotateResult) = await run.MeasureAsync(bareTarget, annotateTarget, clients, settings.WarmUpPosts, settings.Posts, first);
            measured.Add((clients, bareResult, annotateResult));
        }

        foreach (var (clients, bareResult, annotateResult) in measured.OrderBy(m => m.Clients))
        {
            var size = clients.ToString("#,0", CultureInfo.InvariantCulture);
            results.Add(new ResultRow($"hub fan-out, {size} clients, p50", "ms", P(bareResult.Latencies, 50), P(annotateResult.Latencies, 50)));
            results.Add(new ResultRow($"hub fan-out, {size} clients, p95", "ms", P(bareResult.Latencies, 95), P(annotateResult.Latencies, 95), "≤ 1.2× bare", RatioAtMost: 1.2));
            results.Add(new ResultRow($"hub fan-out, {size} clients, p99", "ms", P(bareResult.Latencies, 99), P(annotateResult.Latencies, 99)));
            results.Add(new ResultRow($"hub fan-out, {size} clients, first delivery p50", "ms", P(bareResult.FirstDeliveries, 50), P(annotateResult.FirstDeliveries, 50)));
            results.Add(new ResultRow($"hub fan-out, {size} clients, p95 after the first delivery", "ms", P(bareResult.Spreads, 95), P(annotateResult.Spreads, 95)));
            results.Add(new ResultRow($"hub fan-out, {size} clients, delivered", "%", bareResult.DeliveredPercent, annotateResult.DeliveredPercent, "every delivery", AtLeast: 100));
            results.Add(new ResultRow($"writer's POST, {size} clients, p50", "ms", P(bareResult.PostTimes, 50), P(annotateResult.PostTimes, 50)));
        }
        var (fewest, most) = (measured.MinBy(m => m.Clients), measured.MaxBy(m => m.Clients));
        results.Add(new ResultRow($"writer's POST p50, {most.Clients:#,0} ÷ {fewest.Clients:#,0} clients", "×",
            P(most.Bare.PostTimes, 50) / P(fewest.Bare.PostTimes, 50), P(most.Annotate.PostTimes, 50) / P(fewest.Annotate.PostTimes, 50),
            "flat: ≤ 1.5", AtMost: 1.5));
        results.Add(new ResultRow($"server memory per hub connection ({most.Clients:#,0})", "KB", most.Bare.KilobytesPerConnection, most.Annotate.KilobytesPerConnection));
        results.Add(new ResultRow("hub message, bytes of JSON", "", most.Bare.PayloadBytes, most.Annotate.PayloadBytes));
    }

    private async Task WritesAsync(HttpClient http, AnnotateSite site)
    {
        Console.WriteLine($"Writes, {settings.Writers} concurrent writers");
        var baseline = SqliteInsertLoop.Measure(Path.Combine(workFolder, "baseline.db"), settings.Writers, settings.SqliteInsertsPerWriter);
        // The first thousands of writes after a start pay for the runtime compiling and recompiling the hot code
        // (on two busy cores its background compiler gets little time: about 15,000 writes, docs/performance.md). The
        // target is the app as it runs, so the measured round follows a warm-up on a document of a seminar of its own,
        // deleted afterwards; the warm-up's first round is reported as the cold figure beside it.
        var warmUpDocument = await site.CreateWarmUpDocumentAsync();
        var warmUp = new ApiWriteRun(http, site, () => ApiWriteRun.SqliteRowsAsync(annotateDatabase, warmUpDocument), documentId: warmUpDocument);
        var cold = await warmUp.MeasureAsync(settings.Writers, settings.WritesPerWriter);
        for (var round = 1; round < settings.WarmUpWriteRounds; round++) await warmUp.MeasureAsync(settings.Writers, settings.WritesPerWriter);
        var run = new ApiWriteRun(http, site, () => ApiWriteRun.SqliteRowsAsync(annotateDatabase, site.WritesDocument));
        var api = await run.MeasureAsync(settings.Writers, settings.WritesPerWriter);
        await site.DeleteWarmUpAsync();
        results.Add(new ResultRow($"API writes, the first {settings.Writers * settings.WritesPerWriter:#,0} after start (cold)", "/s", baseline.PerSecond, cold.PerSecond));

        var writers = $"{settings.Writers} concurrent writers, one document";
        results.Add(new ResultRow($"API writes, {writers}", "/s", baseline.PerSecond, api.PerSecond, "≥ 2,000/s", AtLeast: 2000));
        results.Add(new ResultRow("API writes, p99", "ms", P(baseline.Latencies, 99), P(api.Latencies, 99), "< 100 ms", AtMost: 100));
        results.Add(new ResultRow("API writes lost (answered, not stored)", "", baseline.Lost, api.Lost, "0", AtMost: 0));
        results.Add(new ResultRow("API writes refused: database is locked", "", baseline.Locked, api.Locked, "0", AtMost: 0));
        results.Add(new ResultRow("API writes refused: other errors", "", baseline.OtherErrors, api.OtherErrors, "0", AtMost: 0));
    }

    private static double P(List<double> sorted, double percentile) => Percentiles.Of(sorted, percentile);
}
