// Anchoring and export benchmarks. `-- --filter '*'` runs the BenchmarkDotNet suites (add `--job short` for a
// quicker run); `-- --percentiles` runs the stopwatch distribution of single Locate calls and the
// outcome counts of re-anchoring.
using Annotate.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;


if (args.Contains("--percentiles"))
{
    Percentiles.Run();
    return;
}

// The export benchmarks build the web project too, which can take BenchmarkDotNet's default two minutes on a busy machine.
BenchmarkSwitcher.FromAssembly(typeof(ReanchorBenchmarks).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
