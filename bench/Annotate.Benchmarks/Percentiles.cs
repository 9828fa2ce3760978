// Stopwatch runs that BenchmarkDotNet's per-iteration means cannot give: the distribution of single
// Locate calls (p50/p95/p99/max over 2,000 different 1,000-char quotes, each edited in place in a text
// of its own, so that each call also builds that text's index), and
// the outcome counts of the 10,000-annotation re-anchoring on both paths next to their times.
using System.Diagnostics;
using Annotate.Shared.Anchoring;

namespace Annotate.Benchmarks;

internal static class Percentiles
{
    public static void Run()
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        LocateDistribution(hinted: true);
        LocateDistribution(hinted: false);
        Reanchoring();
    }

    private static void LocateDistribution(bool hinted)
    {
        var original = BenchData.HundredKilobytes();
        var random = new Random(7);
        var cases = Enumerable.Range(0, 2000).Select(_ =>
        {
            var start = random.Next(0, original.Length - 1000);
            var (quote, position) = TextAnchor.Describe(original, new TextSpan(start, start + 1000));
            return (start, quote, position);
        }).ToList();
        // Two edits inside the quote: a word inserted and three chars dropped. Each call gets its own
        // text, made just before it (and its index with it, inside the time measured), so that no more
        // than one edited text is alive at a time.
        string Edited(int start) => original.Remove(start + 600, 3).Insert(start + 300, "new words ");

        foreach (var (start, quote, position) in cases.Take(50)) TextAnchor.Locate(Edited(start), quote, hinted ? position : null); // warm-up

        var times = new List<double>();
        var found = 0;
        foreach (var (start, quote, position) in cases)
        {
            var text = Edited(start);
            var clock = Stopwatch.StartNew();
            var span = TextAnchor.Locate(text, quote, hinted ? position : null);
            clock.Stop();
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (span is not null) found++;
        }
        times.Sort();
        double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine($"Locate, 1,000-char quote edited in place, {(hinted ? "hinted" : "no hint")}: n={times.Count} found={found} " +
            $"p50={P(0.50):F2} ms p95={P(0.95):F2} ms p99={P(0.99):F2} ms max={times[^1]:F2} ms");
    }

    private static void Reanchoring()
    {
        var data = BenchData.Create();
        Console.WriteLine($"text {data.OldText.Length:N0} -> {data.NewText.Length:N0} chars, {data.AnnotationList.Count:N0} annotations");
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var results = Annotate.Shared.Anchoring.Reanchoring.Reanchor(data.OldText, data.NewText, data.AnnotationList);
            var diffTime = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var located = 0;
            foreach (var (quote, position) in data.AnnotationList)
                if (TextAnchor.Locate(data.NewText, quote, position) is not null) located++;
            var fuzzyTime = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var locatedParallel = 0;
            Parallel.ForEach(data.AnnotationList, a =>
            {
                if (TextAnchor.Locate(data.NewText, a.Quote, a.Position) is not null) Interlocked.Increment(ref locatedParallel);
            });
            var parallelTime = clock.Elapsed.TotalMilliseconds;

            var counts = string.Join(", ", results.GroupBy(r => r.How).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine($"run {run + 1}: diff path (both cores) {diffTime:F0} ms ({counts}); forced fuzzy one core {fuzzyTime:F0} ms, both cores {parallelTime:F0} ms ({located} located, {data.AnnotationList.Count - located} orphaned)");
        }
    }
}
