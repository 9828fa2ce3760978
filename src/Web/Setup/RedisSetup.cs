using Annotate.Web.RateLimiting;
using Annotate.Web.Realtime;
using Annotate.Web.Realtime.Redis;
using StackExchange.Redis;

namespace Annotate.Web.Setup;

/// <summary>
/// Several instances share one Redis (<c>ConnectionStrings:Redis</c>, host:port): the feed's events go
/// between them (<see cref="RedisAnnotationFeed"/>), "Reading now" is shared (<see cref="RedisPresence"/>),
/// rate limits are counted there (<see cref="RedisWindows"/>), and /health/ready asks Redis. Without the
/// setting, nothing here is registered and one instance works alone, in memory. The channels and keys of one
/// installation start with <c>Redis:ChannelPrefix</c>, so that installations sharing a Redis do not meet.
/// </summary>
internal static class RedisSetup
{
    public const string ConnectionStringName = "Redis";

    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The feeds: in memory always (each instance's own subscribers), over Redis when configured.</summary>
    public static void AddAnnotateFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InMemoryAnnotationFeed>();
        if (ConnectionString(configuration) is null) return;
        var channel = RedisChannel.Literal($"{Options(configuration).Prefix}:feed");
        services.AddSingleton(sp => new RedisAnnotationFeed(sp.GetRequiredService<InMemoryAnnotationFeed>(),
            sp.GetRequiredService<IConnectionMultiplexer>(), channel, sp.GetRequiredService<ILogger<RedisAnnotationFeed>>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisAnnotationFeed>());
    }

    /// <summary>The feed the app publishes to (the metered feed wraps it): Redis when configured, else in memory.</summary>
    public static IAnnotationFeed InnerFeed(IServiceProvider services) =>
        services.GetService<RedisAnnotationFeed>() ?? (IAnnotationFeed)services.GetRequiredService<InMemoryAnnotationFeed>();

    /// <summary>
    /// One multiplexer for the feed, presence, rate limits and the health check; Redis being down at start-up
    /// does not stop the app. Settings that cannot work stop it, with a sentence.
    /// </summary>
    /// <remarks>
    /// No SignalR backplane: no hub sends through SignalR to connections of another instance. The annotation
    /// hub's messages are the feed's, relayed by each instance to its own connections (HubRelay), and a Blazor
    /// circuit only ever talks to the instance it started on (sticky sessions). A backplane would carry nothing,
    /// and it would subscribe every new circuit in Redis, so that during an outage no page could get its circuit.
    /// </remarks>
    public static void AddAnnotateRedis(this IServiceCollection services, IHealthChecksBuilder health, IConfiguration configuration)
    {
        if (ConnectionString(configuration) is not { } connectionString) return;
        var settings = Options(configuration);
        if (settings.Check() is { } problem) throw new InvalidOperationException(problem);
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.Section));
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "Annotate";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddHostedService<RedisPresence>();
        services.AddSingleton<RedisWindows>();
        health.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: [HealthEndpoints.Ready]);
    }

    private static RedisOptions Options(IConfiguration configuration) =>
        configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
}
