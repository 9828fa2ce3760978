using Annotate.Web.Realtime;
using Annotate.Web.Realtime.Redis;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Annotate.Web.Setup;

/// <summary>
/// Several instances share one Redis (<c>ConnectionStrings:Redis</c>, host:port): the feed's events go
/// between them (<see cref="RedisAnnotationFeed"/>), SignalR's own messages too (the backplane), and
/// /health/ready asks Redis. Without the setting, nothing here is registered and one instance works alone.
/// The channels of one installation start with <c>Redis:ChannelPrefix</c>, so that installations sharing a
/// Redis do not hear each other.
/// </summary>
internal static class RedisSetup
{
    public const string ConnectionStringName = "Redis";
    public const string PrefixSetting = "Redis:ChannelPrefix";
    private const string DefaultPrefix = "annotate";

    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The feeds: in memory always (each instance's own subscribers), over Redis when configured.</summary>
    public static void AddAnnotateFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InMemoryAnnotationFeed>();
        if (ConnectionString(configuration) is null) return;
        var channel = RedisChannel.Literal($"{Prefix(configuration)}:feed");
        services.AddSingleton(sp => new RedisAnnotationFeed(sp.GetRequiredService<InMemoryAnnotationFeed>(),
            sp.GetRequiredService<IConnectionMultiplexer>(), channel, sp.GetRequiredService<ILogger<RedisAnnotationFeed>>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisAnnotationFeed>());
    }

    /// <summary>The feed the app publishes to (the metered feed wraps it): Redis when configured, else in memory.</summary>
    public static IAnnotationFeed InnerFeed(IServiceProvider services) =>
        services.GetService<RedisAnnotationFeed>() ?? (IAnnotationFeed)services.GetRequiredService<InMemoryAnnotationFeed>();

    /// <summary>One multiplexer for the feed, the backplane and the health check; Redis being down at start-up does not stop the app.</summary>
    public static void AddAnnotateRedis(this IServiceCollection services, ISignalRServerBuilder signalR, IHealthChecksBuilder health, IConfiguration configuration)
    {
        if (ConnectionString(configuration) is not { } connectionString) return;
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "Annotate";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        var prefix = Prefix(configuration);
        signalR.AddStackExchangeRedis(backplane =>
        {
            backplane.Configuration.ChannelPrefix = RedisChannel.Literal($"{prefix}:signalr");
            backplane.ConnectionFactory = async _ => (IConnectionMultiplexer)await ConnectionMultiplexer.ConnectAsync(options.Clone());
        });
        health.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: [HealthEndpoints.Ready]);
    }

    private static string Prefix(IConfiguration configuration) =>
        configuration[PrefixSetting] is { Length: > 0 } prefix && !string.IsNullOrWhiteSpace(prefix) ? prefix.Trim() : DefaultPrefix;
}
