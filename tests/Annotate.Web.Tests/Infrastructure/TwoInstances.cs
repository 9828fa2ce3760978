namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// Two instances of one installation: one database, one Redis (<see cref="RedisServer"/>), each instance an
/// <see cref="AnnotateApp"/> of its own, as behind a proxy. Each use gets a channel prefix of its own, so that
/// the tests of a class share their Redis and not their installations.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly TestDatabase database = new();

    public TwoInstances(RedisServer redis, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Redis:ChannelPrefix"] = $"test-{Guid.NewGuid():N}",
        };
        A = AnnotateApp.On(database, all);
        B = AnnotateApp.On(database, all);
    }

    public AnnotateApp A { get; }

    public AnnotateApp B { get; }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        database.Dispose();
    }
}
