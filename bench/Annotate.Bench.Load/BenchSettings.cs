namespace Annotate.Bench.Load;

/// <summary>How big a run is: the sizes, or small ones for CI's <c>--quick</c> (numbers, not verdicts).</summary>
internal sealed record BenchSettings(
    int[] FanOutClients,
    int WarmUpPosts,
    int Posts,
    int ReaderAccounts,
    int Writers,
    int WritesPerWriter,
    int WarmUpWriteRounds,
    int SqliteInsertsPerWriter,
    int[] SearchSizes,
    int SearchRounds,
    int ExportAnnotations,
    int ExportRounds)
{
    public static BenchSettings Full { get; } = new([1000, 500, 100], WarmUpPosts: 5, Posts: 60, ReaderAccounts: 10,
        Writers: 20, WritesPerWriter: 150, WarmUpWriteRounds: 5, SqliteInsertsPerWriter: 1000, SearchSizes: [10_000, 100_000], SearchRounds: 30,
        ExportAnnotations: 10_000, ExportRounds: 20);

    public static BenchSettings Quick { get; } = new([100, 20], WarmUpPosts: 3, Posts: 10, ReaderAccounts: 3,
        Writers: 20, WritesPerWriter: 10, WarmUpWriteRounds: 1, SqliteInsertsPerWriter: 100, SearchSizes: [10_000], SearchRounds: 5,
        ExportAnnotations: 1_000, ExportRounds: 3);
}
