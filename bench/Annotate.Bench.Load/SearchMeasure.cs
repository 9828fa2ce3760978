using System.Globalization;

namespace Annotate.Bench.Load;

/// <summary>
/// The search rows of the table (issue 14: p99 under 50 ms at 100,000 annotations; issue 12: under 100 ms at
/// 10,000), each size a seminar of its own, against the baseline timed in turn with every search. Each kind of
/// search is printed with its own p50 and p99; the word in most comments (a stop word: "the") is timed apart from
/// the mix and has a row of its own.
/// </summary>
internal static class SearchMeasure
{
    public static async Task RunAsync(HttpClient http, Server annotate, IReadOnlyList<int> sizes, int rounds, ResultsFile results)
    {
        var run = new SearchRun(http, annotate.Url, ArticleText());
        foreach (var size in sizes)
        {
            var label = size.ToString("#,0", CultureInfo.InvariantCulture);
            Console.WriteLine($"Search: importing {label} annotations");
            var seminar = await run.SeedAsync(size, seed: 14);
            Console.WriteLine($"Search: {seminar.Searches.Count} searches × {rounds} rounds at {label} annotations");
            var timings = await run.MeasureAsync(seminar, rounds);
            var cpu = await run.CpuPerRequestAsync(seminar, annotate, Math.Max(10, rounds));
            var mix = Percentiles.Sorted(timings.Mix);
            var baseline = Percentiles.Sorted(timings.Baseline);
            foreach (var (search, times) in timings.BySearch)
            {
                var sorted = Percentiles.Sorted(times);
                Console.WriteLine($"  {search.Kind,-40} {search.Query,-32} p50 {Percentiles.Of(sorted, 50),7:0.0} ms  p99 {Percentiles.Of(sorted, 99),7:0.0} ms" +
                    $"  server CPU {cpu[search.Kind],6:0.0} ms");
            }
            Console.WriteLine($"  {"baseline: GET /api/annotations/{id}",-73} server CPU {cpu[""],6:0.0} ms");
            var target = size >= 100_000 ? 50 : 100;
            results.Add(new ResultRow($"search, {label} annotations, p50", "ms", Percentiles.Of(baseline, 50), Percentiles.Of(mix, 50)));
            results.Add(new ResultRow($"search, {label} annotations, p99", "ms", Percentiles.Of(baseline, 99), Percentiles.Of(mix, 99),
                $"< {target} ms", AtMost: target));
            results.Add(new ResultRow($"search, {label} annotations, server CPU per search (mean of the mix)", "ms", cpu[""],
                seminar.Searches.Where(s => s.InMix).Average(s => cpu[s.Kind])));
            var (slowest, slowestTimes) = timings.BySearch.Where(s => s.Key.InMix).MaxBy(s => Percentiles.Of(Percentiles.Sorted(s.Value), 99));
            results.Add(new ResultRow($"search, {label} annotations, slowest of the mix p99 ({slowest.Kind})", "ms", Percentiles.Of(baseline, 99),
                Percentiles.Of(Percentiles.Sorted(slowestTimes), 99)));
            foreach (var (search, times) in timings.BySearch.Where(s => !s.Key.InMix))
                results.Add(new ResultRow($"search, {label} annotations, {search.Kind} p99", "ms", Percentiles.Of(baseline, 99),
                    Percentiles.Of(Percentiles.Sorted(times), 99)));
        }
    }

    /// <summary>The sample article the app ships, as the text read and annotated.</summary>
    public static string ArticleText() => File.ReadAllText(ArticlePath());

    private static string ArticlePath()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "Annotate.sln")))
                    return Path.Combine(directory.FullName, "src", "Web", "Content", "proletarian-internationalism.txt");
        }
        throw new InvalidOperationException("Run from the repository: Annotate.sln was not found above here.");
    }
}
