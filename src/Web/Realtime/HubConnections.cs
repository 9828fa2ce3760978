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

    /// <summary>Each signed-in user's open connections, with the origin each was opened from (their IRIs are built on it).</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> byUser = new();

    /// <summary>How many are open now (a metric).</summary>
    public int Count => open.Count;

    public void Open(HubConnectionContext connection)
    {
        var limits = new QueueLimits(options.Value.ConnectionQueue, options.Value.ConnectionQueueBytes);
        var outbox = new HubOutbox(connection.ConnectionId, limits,
            (message, cancellationToken) => message.WriteAsync(connection, cancellationToken), connection.Abort, logger);
        open[connection.ConnectionId] = outbox;
        if (connection.User.UserIdOrNull() is { } userId)
        {
            var request = connection.GetHttpContext()?.Request;
            byUser.GetOrAdd(userId, _ => new())[connection.ConnectionId] = request is null ? "" : request.Origin();
        }
    }

    public void Close(string connectionId, string? userId = null)
    {
        if (open.TryRemove(connectionId, out var outbox)) outbox.Dispose();
        if (userId is not null && byUser.TryGetValue(userId, out var mine))
        {
            mine.TryRemove(connectionId, out _);
            // Removed only while empty, so a connection opening at this moment is not lost with it.
            if (mine.IsEmpty) byUser.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, string>>(userId, mine));
        }
    }

    /// <summary>The open connections of <paramref name="userId"/> with their origins (none when they have none here).</summary>
    public IReadOnlyList<(string ConnectionId, string Origin)> OfUser(string userId) =>
        byUser.TryGetValue(userId, out var mine) ? [.. mine.Select(pair => (pair.Key, pair.Value))] : [];

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
