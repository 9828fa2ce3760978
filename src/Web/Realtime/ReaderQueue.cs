using System.Threading.Channels;

namespace Annotate.Web.Realtime;

/// <summary>
/// Hands items to one reader in the order they were offered, from a task of its own, so whoever offers
/// them never waits for the reader (house rule: readers never slow writers). Bounded: when more than
/// <see cref="QueueLimits.Items"/> items or <see cref="QueueLimits.Bytes"/> bytes wait, the offer fails
/// and the reader has fallen behind (an item alone in the queue is never too large). Then either everything waiting is dropped and the reader is handed
/// <c>fellBehind</c> before anything newer (an open page reloads what it shows, which covers what was
/// dropped: every event is published after its change committed), or, without one, the queue closes
/// and its owner lets the reader go (a hub connection is closed; its client reconnects and reads again).
/// A reader is never silently left with a gap.
/// </summary>
internal sealed class ReaderQueue<T> : IDisposable where T : class
{
    /// <summary>An item and its size; no item: a wake-up after an overflow.</summary>
    private readonly record struct Entry(T? Item, long Size);

    private readonly Channel<Entry> channel = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource closing = new();
    private readonly string reader;
    private readonly QueueLimits limits;
    private readonly Func<T, long> sizeOf;
    private readonly Func<T, CancellationToken, Task> deliver;
    private readonly T? fellBehind;
    private readonly ILogger logger;
    private int waiting;
    private long waitingBytes;
    private int behind;
    private int closed;

    /// <param name="reader">Who reads, for the log ("hub connection abc").</param>
    /// <param name="deliver">Called for one item at a time, in order; its token is cancelled when the queue closes.</param>
    /// <param name="fellBehind">Handed to the reader in place of what was dropped; null: a queue that overflows closes.</param>
    public ReaderQueue(string reader, QueueLimits limits, Func<T, long> sizeOf, Func<T, CancellationToken, Task> deliver, T? fellBehind, ILogger logger)
    {
        this.reader = reader;
        this.limits = limits;
        this.sizeOf = sizeOf;
        this.deliver = deliver;
        this.fellBehind = fellBehind;
        this.logger = logger;
        Drained = Task.Run(DrainAsync);
    }

    /// <summary>Completes once the queue is closed and nothing is being delivered any more.</summary>
    public Task Drained { get; }

    public bool IsClosed => Volatile.Read(ref closed) == 1;

    /// <summary>
    /// Queues <paramref name="item"/> without waiting. False when the reader has fallen behind (this item and
    /// everything waiting are dropped); true otherwise, also after the queue was closed (nothing to do then).
    /// </summary>
    public bool Offer(T item)
    {
        if (IsClosed) return true;
        var size = sizeOf(item);
        var items = Interlocked.Increment(ref waiting);
        var bytes = Interlocked.Add(ref waitingBytes, size);
        // An item with nothing waiting before it is taken whatever its size (a batch of an import's messages can
        // be larger than the byte budget): a reader that keeps up gets it, and whatever arrives while it still
        // waits counts it whole, so a reader that does not keep up holds at most this one and the one it is taking.
        if (items > limits.Items || (bytes > limits.Bytes && items > 1))
        {
            Release(size);
            Overflow();
            return false;
        }
        if (!channel.Writer.TryWrite(new Entry(item, size))) Release(size);
        return true;
    }

    /// <summary>Stops delivering: what waits is dropped and a delivery under way is cancelled.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref closed, 1) == 1) return;
        closing.Cancel();
        channel.Writer.TryComplete();
    }

    private void Overflow()
    {
        if (fellBehind is null)
        {
            if (!IsClosed) logger.LogWarning("{Reader} fell more than {Items} items or {Bytes} bytes behind and is let go", reader, limits.Items, limits.Bytes);
            Dispose();
            return;
        }
        if (Interlocked.Exchange(ref behind, 1) == 1) return;
        logger.LogWarning("{Reader} fell more than {Items} items or {Bytes} bytes behind: what waited is dropped and it reloads", reader, limits.Items, limits.Bytes);
        // Wakes the drain loop even if what waited has been taken meanwhile.
        channel.Writer.TryWrite(default);
    }

    private void Release(long size)
    {
        Interlocked.Decrement(ref waiting);
        Interlocked.Add(ref waitingBytes, -size);
    }

    /// <summary>An entry leaves the queue; a wake-up was never counted.</summary>
    private void Release(Entry entry)
    {
        if (entry.Item is not null) Release(entry.Size);
    }

    private async Task DrainAsync()
    {
        var entries = channel.Reader;
        try
        {
            while (true)
            {
                // Asked before every item and before waiting, so that a fall behind signalled while the last
                // marker was being delivered is not left waiting for an item that may never come.
                if (Interlocked.Exchange(ref behind, 0) == 1)
                {
                    // Whatever waits now was published before this moment, so the reload that follows covers it.
                    while (entries.TryRead(out var dropped)) Release(dropped);
                    await DeliverAsync(fellBehind!);
                    continue;
                }
                if (!await entries.WaitToReadAsync(closing.Token)) return;
                if (!entries.TryRead(out var entry) || entry.Item is not { } item) continue;
                Release(entry);
                await DeliverAsync(item);
            }
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            // Closed.
        }
        finally
        {
            closing.Dispose();
        }
    }

    private async Task DeliverAsync(T item)
    {
        try
        {
            await deliver(item, closing.Token);
        }
        catch (Exception exception)
        {
            // One failed delivery does not stop the ones after it; once closed, failing is how it ends.
            if (!closing.IsCancellationRequested) logger.LogWarning(exception, "{Reader} failed to take an item", reader);
        }
    }
}
