using System.Globalization;

namespace Annotate.Bench.Load;

/// <summary>
/// Issue 13's measurements (bench/scale.sh): the issue 12 fan-out and writes, in the same run, against one
/// instance on SQLite, one instance on PostgreSQL + Redis (A alone) and two instances on PostgreSQL + Redis
/// (A and B). Each set-up has its own seminar and documents. In the fan-out the three take turns post by post;
/// with two instances half the hub clients are on B and the writer posts to A, so B's deliveries travel through
/// Redis and A's do not: their difference is what Redis costs a delivery. The writes run in rounds, the three
/// set-ups in turn, and with two instances half the writers post to each.
/// </summary>
internal sealed class ScaleHarness(ScaleSettings settings, Server sqlite, Server a, Uri b, ScaleReport report)
{
    public async Task RunAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await sqlite.WaitUntilHealthyAsync(http);
        await a.WaitUntilHealthyAsync(http);
        var sites = new[] { new AnnotateSite(http, sqlite.Url), new AnnotateSite(http, a.Url), new AnnotateSite(http, a.Url) };
        foreach (var site in sites) await site.CreateAsync(settings.ReaderAccounts);
        var (onSqlite, onOne, onTwo) = (sites[0], sites[1], sites[2]);

        Uri Half(int client) => client % 2 == 0 ? a.Url : b;
        var targets = new[]
        {
            Target(sqlite, onSqlite),
            Target(a, onOne),
            Target(a, onTwo) with { ClientServer = Half },
        };
        await FanOutAsync(http, targets);
        await WritesAsync([new ApiWriteRun(http, onSqlite, () => onSqlite.CountAnnotationsAsync(onSqlite.WritesDocument)),
            new ApiWriteRun(http, onOne, () => onOne.CountAnnotationsAsync(onOne.WritesDocument)),
            new ApiWriteRun(http, onTwo, () => onTwo.CountAnnotationsAsync(onTwo.WritesDocument), Half)]);
    }

    private static FanOutTarget Target(Server server, AnnotateSite site) => new(server, site.FanOutDocument,
        client => site.ReaderTokens[client % site.ReaderTokens.Count], post => site.NewAnnotation(site.FanOutDocument, site.TeacherToken, post));

    private async Task FanOutAsync(HttpClient http, FanOutTarget[] targets)
    {
        var run = new FanOutRun(http);
        Console.WriteLine("Warming up the three set-ups");
        await run.MeasureAsync(targets, 5, 0, 5, measureMemory: false);
        var measured = new List<(int Clients, FanOutResult[] Results)>();
        foreach (var clients in settings.FanOutClients)
        {
            Console.WriteLine($"Hub fan-out, {clients} clients per set-up");
            measured.Add((clients, await run.MeasureAsync(targets, clients, settings.WarmUpPosts, settings.Posts, measureMemory: false)));
        }

        foreach (var (clients, results) in measured.OrderBy(m => m.Clients))
        {
            var size = clients.ToString("#,0", CultureInfo.InvariantCulture);
            foreach (var percentile in new[] { 50, 95, 99 })
                Add($"hub fan-out, {size} clients, p{percentile}", "ms", results.Select(r => P(r.Latencies, percentile)));
            Add($"hub fan-out, {size} clients, first delivery p50", "ms", results.Select(r => P(r.FirstDeliveries, 50)));
            Add($"hub fan-out, {size} clients, delivered", "%", results.Select(r => r.DeliveredPercent));
            Add($"writer's POST, {size} clients, p50", "ms", results.Select(r => P(r.PostTimes, 50)));

            // Two instances: the writer's instance against the other one, whose deliveries came through Redis.
            var byServer = results[2].ByServer!;
            var (onA, onB) = (byServer[a.Url], byServer[b]);
            foreach (var percentile in new[] { 50, 95 })
            {
                report.Add(new ScaleRow($"hub fan-out, {size} clients, p{percentile} of A's half (the writer's instance)", "ms", null, null, P(onA.Latencies, percentile)));
                report.Add(new ScaleRow($"hub fan-out, {size} clients, p{percentile} of B's half (through Redis)", "ms", null, null, P(onB.Latencies, percentile)));
            }
            report.Add(new ScaleRow($"Redis per delivery, {size} clients: B's first delivery p50 − A's", "ms", null, null,
                P(onB.FirstDeliveries, 50) - P(onA.FirstDeliveries, 50)));
        }
    }

    private async Task WritesAsync(ApiWriteRun[] runs)
    {
        Console.WriteLine($"Writes, {settings.Writers} concurrent writers");
        foreach (var run in runs) await run.MeasureAsync(2, 5); // warm-up
        var perRound = settings.WritesPerWriter / settings.Rounds;
        var seconds = new double[runs.Length];
        var latencies = runs.Select(_ => new List<double>()).ToArray();
        var (errors, lost) = (new double[runs.Length], new double[runs.Length]);
        for (var round = 0; round < settings.Rounds; round++)
            for (var turn = 0; turn < runs.Length; turn++)
            {
                // Who goes first turns round, so that a busier moment of the shared machine falls on each in turn.
                var i = (turn + round) % runs.Length;
                var result = await runs[i].MeasureAsync(settings.Writers, perRound);
                seconds[i] += settings.Writers * perRound / result.PerSecond;
                latencies[i].AddRange(result.Latencies);
                errors[i] += result.Locked + result.OtherErrors;
                lost[i] += result.Lost;
            }
        var writes = settings.Writers * perRound * settings.Rounds;
        Add($"API writes, {settings.Writers} concurrent writers, one document", "/s", seconds.Select(s => writes / s));
        Add("API writes, p50", "ms", latencies.Select(l => P(Percentiles.Sorted(l), 50)));
        Add("API writes, p99", "ms", latencies.Select(l => P(Percentiles.Sorted(l), 99)));
        Add("API writes refused", "", errors);
        Add("API writes lost (answered 201, not stored)", "", lost);
    }

    private void Add(string measure, string unit, IEnumerable<double> figures)
    {
        var values = figures.ToArray();
        report.Add(new ScaleRow(measure, unit, values[0], values[1], values[2]));
    }

    private static double P(List<double> sorted, double percentile) => Percentiles.Of(sorted, percentile);
}
