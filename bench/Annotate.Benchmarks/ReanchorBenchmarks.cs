// Re-anchoring 10,000 annotations on a ~100 KB text after a revision: through the diff (what the
// app does) and with every annotation through Locate (the engine alone, stale positions as hints).
using Annotate.Shared.Anchoring;
using BenchmarkDotNet.Attributes;

namespace Annotate.Benchmarks;

[MemoryDiagnoser]
public class ReanchorBenchmarks
{
    private BenchData data = null!;

    [GlobalSetup]
    public void Setup() => data = BenchData.Create();

    [Benchmark(Description = "diff: RevisionMap.Build only")]
    public object DiffOnly() => RevisionMap.Build(data.OldText, data.NewText);

    [Benchmark(Description = "diff path: Reanchor 10,000")]
    public IReadOnlyList<ReanchorResult> DiffPath() => Reanchoring.Reanchor(data.OldText, data.NewText, data.AnnotationList);

    [Benchmark(Description = "forced fuzzy: Locate 10,000, one core")]
    public int ForcedFuzzy()
    {
        var found = 0;
        foreach (var (quote, position) in data.AnnotationList)
            if (TextAnchor.Locate(data.NewText, quote, position) is not null) found++;
        return found;
    }

    [Benchmark(Description = "forced fuzzy: Locate 10,000, both cores")]
    public int ForcedFuzzyParallel()
    {
        var found = 0;
        Parallel.ForEach(data.AnnotationList, a =>
        {
            if (TextAnchor.Locate(data.NewText, a.Quote, a.Position) is not null) Interlocked.Increment(ref found);
        });
        return found;
    }
}
