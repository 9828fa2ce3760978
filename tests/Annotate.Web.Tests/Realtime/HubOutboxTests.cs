using System.Collections.Concurrent;
using Annotate.Web.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Annotate.Web.Tests.Realtime;

/// <summary>One hub connection's queue: sent in order, and a connection that stops reading is closed rather than waited for.</summary>
public sealed class HubOutboxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> sent = new();
    private int aborts;

    [Fact]
    public async Task Messages_go_out_in_order()
    {
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var outbox = Outbox(new QueueLimits(500), (message, _) =>
        {
            sent.Enqueue(message.Method);
            if (sent.Count == 300) all.SetResult();
            return ValueTask.CompletedTask;
        });

        var methods = Enumerable.Range(1, 300).Select(i => $"m{i}").ToList();
        foreach (var method in methods) outbox.Offer(Message(method));

        await all.Task.WaitAsync(Timeout);
        Assert.Equal(methods, sent);
        Assert.Equal(0, aborts);
    }

    [Fact]
    public void A_connection_that_keeps_up_is_written_to_at_once_on_the_offering_thread()
    {
        // Issue 12: a thread-pool hop per connection and message made the fan-out to many readers slower than a group send.
        var threads = new ConcurrentQueue<int>();
        using var outbox = Outbox(new QueueLimits(500), (message, _) =>
        {
            sent.Enqueue(message.Method);
            threads.Enqueue(Environment.CurrentManagedThreadId);
            return ValueTask.CompletedTask;
        });

        outbox.Offer(Message("one"));
        outbox.Offer(Message("two"));

        Assert.Equal(["one", "two"], sent);
        Assert.All(threads, thread => Assert.Equal(Environment.CurrentManagedThreadId, thread));
    }

    [Fact]
    public async Task Messages_offered_while_a_write_waits_follow_it_in_order()
    {
        var socketFull = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var four = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var outbox = Outbox(new QueueLimits(500), (message, _) =>
        {
            sent.Enqueue(message.Method);
            if (sent.Count == 3) three.SetResult();
            if (sent.Count == 4) four.SetResult();
            return message.Method == "waits" ? new ValueTask(socketFull.Task) : ValueTask.CompletedTask;
        });

        outbox.Offer(Message("waits"));
        outbox.Offer(Message("a"));
        outbox.Offer(Message("b"));
        Assert.Equal(["waits"], sent);

        socketFull.SetResult();
        await three.Task.WaitAsync(Timeout);
        Assert.Equal(["waits", "a", "b"], sent);

        // And it goes on once the queue has drained.
        outbox.Offer(Message("c"));
        await four.Task.WaitAsync(Timeout);
        Assert.Equal(["waits", "a", "b", "c"], sent);
        Assert.Equal(0, aborts);
    }

    [Fact]
    public async Task A_failed_write_does_not_stop_the_ones_after_it()
    {
        var failing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var after = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var outbox = Outbox(new QueueLimits(500), (message, _) =>
        {
            sent.Enqueue(message.Method);
            if (message.Method == "after") after.SetResult();
            return message.Method == "fails" ? new ValueTask(failing.Task) : ValueTask.CompletedTask;
        });

        outbox.Offer(Message("fails"));
        outbox.Offer(Message("after"));
        failing.SetException(new IOException("The socket went away."));

        await after.Task.WaitAsync(Timeout);
        Assert.Equal(["fails", "after"], sent);
        Assert.Equal(0, aborts);
    }

    [Fact]
    public async Task A_connection_that_stops_reading_is_closed_once_its_queue_is_full_and_its_stuck_send_gives_up()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gaveUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var outbox = Outbox(new QueueLimits(2), async (message, cancellationToken) =>
        {
            // A socket nobody reads: the send never completes on its own.
            sent.Enqueue(message.Method);
            started.TrySetResult();
            try
            {
                await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                gaveUp.TrySetResult();
                throw;
            }
        });

        outbox.Offer(Message("stuck"));
        await started.Task.WaitAsync(Timeout);
        outbox.Offer(Message("one"));
        outbox.Offer(Message("two"));
        Assert.Equal(0, aborts);
        outbox.Offer(Message("three"));
        outbox.Offer(Message("four"));

        Assert.Equal(1, aborts);
        await gaveUp.Task.WaitAsync(Timeout);
        Assert.Equal(["stuck"], sent);
    }

    [Fact]
    public async Task Its_byte_budget_closes_it_too()
    {
        using var outbox = await StuckOutboxAsync(new QueueLimits(500, Bytes: 1_000));

        outbox.Offer(Message("big", 600));
        Assert.Equal(0, aborts);
        outbox.Offer(Message("bigger", 600));

        Assert.Equal(1, aborts);
    }

    [Fact]
    public async Task A_message_with_nothing_waiting_before_it_is_queued_whatever_its_size_and_what_comes_behind_it_counts_it_whole()
    {
        // An import's messages for one connection are one batch, which can be larger than the whole byte budget:
        // a connection whose pipe is momentarily full must still get it (the rule of ReaderQueue, kept here).
        var socketFull = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batchSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var outbox = Outbox(new QueueLimits(500, Bytes: 1_000), (message, _) =>
        {
            sent.Enqueue(message.Method);
            if (message.Method == "batch") batchSent.SetResult();
            return message.Method == "waits" ? new ValueTask(socketFull.Task) : ValueTask.CompletedTask;
        });

        outbox.Offer(Message("waits"));
        outbox.Offer(Message("batch", 5_000));
        Assert.Equal(0, aborts);

        socketFull.SetResult();
        await batchSent.Task.WaitAsync(Timeout);
        Assert.Equal(["waits", "batch"], sent);
        Assert.Equal(0, aborts);
    }

    [Fact]
    public async Task What_comes_behind_a_queued_batch_larger_than_the_budget_closes_the_connection()
    {
        using var outbox = await StuckOutboxAsync(new QueueLimits(500, Bytes: 1_000));

        outbox.Offer(Message("batch", 5_000));
        Assert.Equal(0, aborts);
        outbox.Offer(Message("small", 1));

        Assert.Equal(1, aborts);
    }

    /// <summary>An outbox whose first write ("stuck", already under way) never completes: a socket nobody reads.</summary>
    private async Task<HubOutbox> StuckOutboxAsync(QueueLimits limits)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outbox = Outbox(limits, async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, cancellationToken);
        });
        outbox.Offer(Message("stuck"));
        await started.Task.WaitAsync(Timeout);
        return outbox;
    }

    private HubOutbox Outbox(QueueLimits limits, Func<HubMessage, CancellationToken, ValueTask> send) =>
        new("test", limits, send, () => Interlocked.Increment(ref aborts), NullLogger.Instance);

    private static HubMessage Message(string method, long size = 10) => new(method, [], size);
}
