// Anchoring without a diff (issue: "Locate alone"): 10,000 annotations of the ~100 KB benchmark text
// placed on its revision by TextAnchor.Locate alone, each with its old position as a stale hint, as
// annotations arrive that come without their old text (an import, another edition). The baseline is
// the least any anchoring must do: one ordinal IndexOf of each quote in the same text.
using Annotate.Shared.Anchoring;
using BenchmarkDotNet.Attributes;

namespace Annotate.Benchmarks;

[MemoryDiagnoser]
public class LocateWithoutDiffBenchmarks
{
    private BenchData data = null!;

    [GlobalSetup]
    public void Setup()
    {
        data = BenchData.Create();
        // The text's index is built on the first call and kept with the text: not part of what is measured.
        TextAnchor.Locate(data.NewText, data.AnnotationList[0].Quote, data.AnnotationList[0].Position);
    }

    [Benchmark(Baseline = true, Description = "baseline: IndexOf of 10,000 quotes")]
    public int IndexOf()
    {
        var found = 0;
        foreach (var (quote, _) in data.AnnotationList)
            if (data.NewText.IndexOf(quote.Exact, StringComparison.Ordinal) >= 0) found++;
        return found;
    }

    [Benchmark(Description = "Locate 10,000, stale hints, one core")]
    public int LocateOneCore()
    {
        var found = 0;
        foreach (var (quote, position) in data.AnnotationList)
            if (TextAnchor.Locate(data.NewText, quote, position) is not null) found++;
        return found;
    }

    [Benchmark(Description = "Locate 10,000, stale hints, both cores")]
    public int LocateBothCores()
    {
        var found = 0;
        Parallel.ForEach(data.AnnotationList, a =>
        {
            if (TextAnchor.Locate(data.NewText, a.Quote, a.Position) is not null) Interlocked.Increment(ref found);
        });
        return found;
    }
}
