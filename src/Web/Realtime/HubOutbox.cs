namespace Annotate.Web.Realtime;

/// <summary>
/// What waits to be sent to one hub connection, sent in order, so a connection that stops reading holds up
/// nobody but itself. A message offered while nothing is being sent is written at once, on the offering
/// thread: to a connection that keeps up, that write completes at once (it lands in the connection's pipe),
/// so the relay fans out to a thousand connections without a thousand thread-pool hops. Only a write that
/// has to wait (a full pipe) leaves the offering thread; what is offered meanwhile waits here and is sent
/// when that write completes. A connection that falls more than its limits behind is closed, not waited
/// for: its client reconnects, joins again and reads the collection again. As in <see cref="ReaderQueue{T}"/>,
/// a message alone in the queue is never too large.
/// </summary>
internal sealed class HubOutbox : IDisposable
{
    private readonly Lock gate = new();
    private readonly Queue<HubMessage> waiting = new();
    private readonly CancellationTokenSource closing = new();
    private readonly string connectionId;
    private readonly QueueLimits limits;
    private readonly Func<HubMessage, CancellationToken, ValueTask> send;
    private readonly Action abortConnection;
    private readonly ILogger logger;
    private long waitingBytes;
    private bool sending;
    private bool closed;

    /// <param name="send">Writes one message; its token is cancelled when the outbox closes (a write stuck on a full socket gives up).</param>
    /// <param name="abortConnection">Closes the connection (<c>HubConnectionContext.Abort</c>).</param>
    public HubOutbox(string connectionId, QueueLimits limits, Func<HubMessage, CancellationToken, ValueTask> send, Action abortConnection, ILogger logger)
    {
        this.connectionId = connectionId;
        this.limits = limits;
        this.send = send;
        this.abortConnection = abortConnection;
        this.logger = logger;
    }

    /// <summary>Sends the message, or queues it behind the one being sent; a connection too far behind is closed instead.</summary>
    public void Offer(HubMessage message)
    {
        bool idle;
        lock (gate)
        {
            if (closed) return;
            idle = !sending;
            sending = true;
            // A message with nothing waiting before it is queued whatever its size (an import's batch can be larger
            // than the byte budget): a connection that keeps up gets it, and whatever comes while it still waits
            // counts it whole, so one that does not keep up holds at most it and the write under way.
            if (!idle && waiting.Count < limits.Items && (waiting.Count == 0 || waitingBytes + message.Size <= limits.Bytes))
            {
                waiting.Enqueue(message);
                waitingBytes += message.Size;
                return;
            }
        }
        if (idle)
        {
            SendFrom(message);
            return;
        }
        logger.LogWarning("Hub connection {ConnectionId} fell more than {Items} messages or {Bytes} bytes behind and is let go",
            connectionId, limits.Items, limits.Bytes);
        Abort();
    }

    /// <summary>Drops what waits and closes the connection.</summary>
    public void Abort()
    {
        Dispose();
        abortConnection();
    }

    /// <summary>The connection has gone (or is being closed): drop what waits and cancel a write stuck on its socket.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (closed) return;
            closed = true;
            waiting.Clear();
            waitingBytes = 0;
        }
        closing.Cancel();
    }

    /// <summary>Writes messages in order while their writes complete at once; a write that waits finishes elsewhere.</summary>
    private void SendFrom(HubMessage message)
    {
        for (HubMessage? next = message; next is not null; next = Next())
        {
            var write = Start(next);
            if (!write.IsCompletedSuccessfully)
            {
                _ = FinishAsync(write);
                return;
            }
        }
    }

    private async Task FinishAsync(ValueTask write)
    {
        try
        {
            await write;
        }
        catch (Exception exception)
        {
            // One failed write does not stop the ones after it; once closed, failing is how it ends.
            if (!closing.IsCancellationRequested) logger.LogWarning(exception, "Hub connection {ConnectionId} failed to take a message", connectionId);
        }
        if (Next() is { } next) SendFrom(next);
    }

    private ValueTask Start(HubMessage message)
    {
        try
        {
            return send(message, closing.Token);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    /// <summary>The next waiting message, or null: then nothing is being sent any more.</summary>
    private HubMessage? Next()
    {
        lock (gate)
        {
            if (closed || !waiting.TryDequeue(out var message))
            {
                sending = false;
                return null;
            }
            waitingBytes -= message.Size;
            return message;
        }
    }
}
