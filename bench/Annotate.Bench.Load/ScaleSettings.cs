namespace Annotate.Bench.Load;

/// <summary>How big a bench/scale.sh run is: hub clients per set-up, posts, writers (writes split over rounds).</summary>
internal sealed record ScaleSettings(int[] FanOutClients, int WarmUpPosts, int Posts, int ReaderAccounts, int Writers, int WritesPerWriter, int Rounds)
{
    public static ScaleSettings Full { get; } = new([1000, 100], WarmUpPosts: 5, Posts: 40, ReaderAccounts: 10, Writers: 20, WritesPerWriter: 150, Rounds: 3);

    public static ScaleSettings Quick { get; } = new([50], WarmUpPosts: 3, Posts: 10, ReaderAccounts: 3, Writers: 10, WritesPerWriter: 10, Rounds: 1);
}
