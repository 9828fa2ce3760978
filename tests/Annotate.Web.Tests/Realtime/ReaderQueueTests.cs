using System.Collections.Concurrent;
using Annotate.Web.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Annotate.Web.Tests.Realtime;

/// <summary>The bounded queue between a writer and one reader: in order, never waited for, and a reader that falls behind is told.</summary>
public sealed class ReaderQueueTests
{
    private const string Behind = "fell behind";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> delivered = new();
    private readonly TaskCompletionSource firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource releaseFirst = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Items_reach_the_reader_in_the_order_they_were_offered()
    {
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var queue = Queue(new QueueLimits(1_000), async (item, _) =>
        {
            await Task.Yield();
            delivered.Enqueue(item);
            if (delivered.Count == 500) all.SetResult();
        });

        var offered = Enumerable.Range(1, 500).Select(i => i.ToString()).ToList();
        foreach (var item in offered) Assert.True(queue.Offer(item));

        await all.Task.WaitAsync(Timeout);
        Assert.Equal(offered, delivered);
    }

    [Fact]
    public async Task A_reader_that_falls_behind_gets_the_marker_in_place_of_what_was_dropped_and_then_what_is_newer()
    {
        using var queue = await BusyQueueAsync(new QueueLimits(3));

        Assert.True(queue.Offer("a"));
        Assert.True(queue.Offer("b"));
        Assert.True(queue.Offer("c"));
        Assert.False(queue.Offer("d"));
        Assert.False(queue.Offer("e"));
        releaseFirst.SetResult();
        await WaitUntilDeliveredAsync(Behind);
        Assert.True(queue.Offer("after"));
        await WaitUntilDeliveredAsync("after");

        Assert.Equal(["first", Behind, "after"], delivered);
        Assert.False(queue.IsClosed);
    }

    [Fact]
    public async Task The_byte_budget_bounds_the_queue_too()
    {
        using var queue = await BusyQueueAsync(new QueueLimits(100, Bytes: 10));

        Assert.True(queue.Offer("aaaa"));
        Assert.True(queue.Offer("bbbb"));
        Assert.True(queue.Offer("cc"));
        Assert.False(queue.Offer("d"));
    }

    [Fact]
    public async Task An_item_with_nothing_waiting_before_it_is_taken_whatever_its_size_and_what_comes_behind_it_counts_it_whole()
    {
        using var queue = await BusyQueueAsync(new QueueLimits(100, Bytes: 10));

        // An import's messages for one connection, larger than the whole budget: a reader that keeps up must get them.
        Assert.True(queue.Offer("a batch of twenty"));
        Assert.False(queue.Offer("b"));
        releaseFirst.SetResult();

        await WaitUntilDeliveredAsync(Behind);
        Assert.Equal(["first", Behind], delivered);
    }

    [Fact]
    public async Task Without_a_marker_a_queue_that_overflows_closes_and_cancels_the_delivery_under_way()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var queue = Queue(new QueueLimits(1), async (item, cancellationToken) =>
        {
            delivered.Enqueue(item);
            firstStarted.TrySetResult();
            try
            {
                await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }
        });
        queue.Offer("stuck");
        await firstStarted.Task.WaitAsync(Timeout);

        Assert.True(queue.Offer("waiting"));
        Assert.False(queue.Offer("one too many"));

        Assert.True(queue.IsClosed);
        await cancelled.Task.WaitAsync(Timeout);
        await queue.Drained.WaitAsync(Timeout);
        Assert.True(queue.Offer("after closing"));
        Assert.Equal(["stuck"], delivered);
    }

    [Fact]
    public async Task A_failing_delivery_does_not_stop_the_ones_after_it()
    {
        using var queue = Queue(new QueueLimits(10), (item, _) =>
        {
            if (item == "bad") throw new InvalidOperationException("The reader broke.");
            delivered.Enqueue(item);
            return Task.CompletedTask;
        });

        queue.Offer("bad");
        queue.Offer("good");

        await WaitUntilDeliveredAsync("good");
    }

    private ReaderQueue<string> Queue(QueueLimits limits, Func<string, CancellationToken, Task> deliver, string? fellBehind = null) =>
        new("A test reader", limits, item => item.Length, deliver, fellBehind, NullLogger.Instance);

    /// <summary>A queue with a marker whose reader is busy with its first item until the test lets it go.</summary>
    private async Task<ReaderQueue<string>> BusyQueueAsync(QueueLimits limits)
    {
        var queue = Queue(limits, BlockFirstAsync, fellBehind: Behind);
        queue.Offer("first");
        await firstStarted.Task.WaitAsync(Timeout);
        return queue;
    }

    /// <summary>Takes items as they come, except that the first one holds the reader until the test lets it go.</summary>
    private async Task BlockFirstAsync(string item, CancellationToken cancellationToken)
    {
        delivered.Enqueue(item);
        if (!firstStarted.TrySetResult()) return;
        await releaseFirst.Task.WaitAsync(cancellationToken);
    }

    private async Task WaitUntilDeliveredAsync(string item)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!delivered.Contains(item)) await Task.Delay(10, timeout.Token);
    }
}
