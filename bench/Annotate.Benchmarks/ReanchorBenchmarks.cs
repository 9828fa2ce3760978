// Re-anchoring 10,000 annotations on a ~100 KB text after a revision through the diff (what the app
// does). Locate alone, with the stale positions as hints, is LocateWithoutDiffBenchmarks.
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
}
