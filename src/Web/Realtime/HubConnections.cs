using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Realtime;

/// <summary>
/// Every open hub connection with its <see cref="HubOutbox"/>. The relay only queues messages here; each
/// connection's own task sends them, and a connection that cannot keep up is closed through the
/// <see cref="HubCallerContext"/> kept from when it connected.
/// </summary>
internal sealed class HubConnections(IHubContext<AnnotationHub> hub, IOptions<RealtimeOptions> options, ILogger<HubConnections> logger)
{
    private readonly ConcurrentDictionary<string, HubOutbox> open = new();

    public void Open(HubCallerContext connection)
    {
        var limits = new QueueLimits(options.Value.ConnectionQueue, options.Value.ConnectionQueueBytes);
        var client = hub.Clients.Client(connection.ConnectionId);
        var outbox = new HubOutbox(connection.ConnectionId, limits,
            (message, cancellationToken) => message.SendAsync(client, cancellationToken), connection.Abort, logger);
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
