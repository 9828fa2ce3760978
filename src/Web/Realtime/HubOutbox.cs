namespace Annotate.Web.Realtime;

/// <summary>
/// What waits to be sent to one hub connection, sent in order by a task of its own, so a connection that
/// stops reading holds up nobody but itself. One that falls more than its limits behind is closed, not
/// waited for: its client reconnects, joins again and reads the collection again.
/// </summary>
internal sealed class HubOutbox : IDisposable
{
    private readonly ReaderQueue<HubMessage> queue;
    private readonly Action abortConnection;

    /// <param name="send">Sends one message; its token is cancelled when the outbox closes (a send stuck on a full socket gives up).</param>
    /// <param name="abortConnection">Closes the connection (<c>HubCallerContext.Abort</c>).</param>
    public HubOutbox(string connectionId, QueueLimits limits, Func<HubMessage, CancellationToken, Task> send, Action abortConnection, ILogger logger)
    {
        this.abortConnection = abortConnection;
        queue = new ReaderQueue<HubMessage>($"Hub connection {connectionId}", limits, message => message.Size, send, fellBehind: null, logger);
    }

    /// <summary>Queues the message; a connection that has fallen too far behind is closed instead.</summary>
    public void Offer(HubMessage message)
    {
        // The queue has closed itself: what waited is dropped and a send stuck on the socket cancelled.
        if (!queue.Offer(message)) abortConnection();
    }

    /// <summary>Drops what waits and closes the connection.</summary>
    public void Abort()
    {
        queue.Dispose();
        abortConnection();
    }

    /// <summary>The connection has gone: stop sending.</summary>
    public void Dispose() => queue.Dispose();
}
