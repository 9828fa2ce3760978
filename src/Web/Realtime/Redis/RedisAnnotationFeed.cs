using StackExchange.Redis;

namespace Annotate.Web.Realtime.Redis;

/// <summary>
/// The feed for several instances. Each instance delivers to its own subscribers through its in-memory feed,
/// at once, as on one machine; what it publishes also goes to one Redis channel, fire and forget, and what
/// other instances publish arrives from there and is delivered the same way. An instance skips its own
/// messages on the channel, so each event reaches each subscriber once. Publishing never waits on Redis:
/// when Redis is away, local delivery goes on, other instances miss what is published meanwhile, and when the
/// link comes back every instance is asked to reload (subscribers get a <see cref="FellBehindEvent"/>).
/// </summary>
internal sealed class RedisAnnotationFeed(InMemoryAnnotationFeed local, IConnectionMultiplexer redis, RedisChannel channel, ILogger<RedisAnnotationFeed> logger)
    : IAnnotationFeed, IHostedService
{
    /// <summary>This process on the channel; new at every start, so a restarted instance is another one.</summary>
    private readonly string instance = Guid.NewGuid().ToString("N");
    private ChannelMessageQueue? messages;
    private int linkDown;

    public async Task PublishAsync(FeedEvent feedEvent)
    {
        await local.PublishAsync(feedEvent);
        Send(FeedEventJson.Write(instance, feedEvent));
    }

    public IDisposable Subscribe(int documentId, Func<FeedEvent, Task> handler) => local.Subscribe(documentId, handler);

    public IDisposable SubscribeAll(Func<FeedEvent, Task> handler, int? queueLimit = null) => local.SubscribeAll(handler, queueLimit);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        try
        {
            messages = await redis.GetSubscriber().SubscribeAsync(channel);
            messages.OnMessage(Receive);
        }
        catch (RedisException exception)
        {
            // Redis is not there yet: the multiplexer keeps trying and re-subscribes when it connects; readiness says so meanwhile.
            logger.LogWarning(exception, "Could not subscribe to {Channel} on Redis; this instance will not see other instances' events until it can", channel);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        if (messages is null || !redis.IsConnected) return;
        try
        {
            await messages.UnsubscribeAsync();
        }
        catch (Exception exception) when (exception is RedisException or ObjectDisposedException)
        {
            // Going away in any case: Redis drops the subscription with the connection.
            logger.LogDebug(exception, "Could not unsubscribe from {Channel} on the way out", channel);
        }
    }

    /// <summary>Hands the message to the multiplexer and returns: a slow or absent Redis never holds up a writer.</summary>
    private void Send(byte[] message)
    {
        try
        {
            redis.GetSubscriber().Publish(channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            if (Interlocked.Exchange(ref linkDown, 1) == 0)
                logger.LogError(exception, "Publishing to Redis failed: other instances miss this instance's events until Redis is back");
        }
    }

    private void Receive(ChannelMessage message)
    {
        try
        {
            var envelope = FeedEventJson.ReadEnvelope(((ReadOnlyMemory<byte>)message.Message).Span);
            if (envelope.Instance == instance) return;
            if (envelope.Type == FeedEventJson.Resync)
            {
                local.EveryoneFellBehind();
                return;
            }
            if (FeedEventJson.ReadEvent(envelope) is { } feedEvent) _ = local.PublishAsync(feedEvent);
            else logger.LogWarning("An event of unknown type {Type} arrived from Redis and was skipped", envelope.Type);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException)
        {
            logger.LogError(exception, "A message on {Channel} could not be read and was skipped", channel);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs args)
    {
        if (Interlocked.Exchange(ref linkDown, 1) == 0)
            logger.LogError(args.Exception, "The link to Redis failed ({FailureType}): live events reach only this instance's readers until it is back", args.FailureType);
    }

    /// <summary>
    /// Events were missed both ways while the link was down: this instance's readers reload, and so do the
    /// other instances' (they may not have noticed anything, if only this link broke).
    /// </summary>
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs args)
    {
        if (Interlocked.Exchange(ref linkDown, 0) == 0) return;
        logger.LogWarning("The link to Redis is back: every reader reloads what it shows");
        local.EveryoneFellBehind();
        Send(FeedEventJson.WriteResync(instance));
    }
}
