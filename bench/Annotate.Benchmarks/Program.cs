// Anchoring benchmarks. `-- --filter '*'` runs the BenchmarkDotNet suites (add `--job short` for a
// quicker run); `-- --percentiles` runs the stopwatch distribution of single Locate calls and the
// outcome counts of re-anchoring.
using Annotate.Benchmarks;
using BenchmarkDotNet.Running;


if (args.Contains("--percentiles"))
{
    Percentiles.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ReanchorBenchmarks).Assembly).Run(args);
