using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Realtime;

/// <summary>
/// Every open hub connection with its <see cref="HubOutbox"/>, handed over by <see cref="AnnotationHubLifetimeManager"/>
/// as SignalR opens and closes it. The relay only offers messages here; each outbox writes them to its own
/// connection (the prepared bytes of <see cref="HubMessage.Serialized"/>) at the connection's pace, and closes a
/// connection that cannot keep up.
/// </summary>
internal sealed class HubConnections(IOptions<RealtimeOptions> options, ILogger<HubConnections> logger)
{
    private readonly ConcurrentDictionary<string, HubOutbox> open = new();

    /// <summary>How many are open now (a metric).</summary>
    public int Count => open.Count;

    public void Open(HubConnectionContext connection)
    {
        var limits = new QueueLimits(options.Value.ConnectionQueue, options.Value.ConnectionQueueBytes);
        var outbox = new HubOutbox(connection.ConnectionId, limits,
            (message, cancellationToken) => message.WriteAsync(connection, cancellationToken), connection.Abort, logger);
        open[connection.ConnectionId] = outbox;
    }

    public void Close(string connectionId)
    {
        if (open.TryRemove(connectionId, out var outbox)) outbox.Dispose();
    }

    /// <summary>Queues <paramref name="message"/> for the connection, if it is still open.</summary>
    public void Send(string connectionId, HubMessage message)
    {
        if (open.TryGetValue(connectionId, out var outbox)) outbox.Offer(message);
    }

    /// <summary>The relay itself fell behind: every connection may have missed something, so each is closed and reads again.</summary>
    public void AbortAll()
    {
        foreach (var outbox in open.Values) outbox.Abort();
    }
}
