using System.Collections.Concurrent;
using System.Globalization;
using Annotate.Web.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Tests.Realtime;

/// <summary>Publishing hands each subscriber its events through a queue of its own: the writer waits for none of them.</summary>
public sealed class InMemoryAnnotationFeedTests
{
    private const int Document = 7;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Publishing_does_not_wait_for_a_subscriber_that_never_finishes()
    {
        var feed = Feed();
        var stuck = new TaskCompletionSource();
        using var subscription = feed.Subscribe(Document, _ => stuck.Task);
        using var all = feed.SubscribeAll(_ => stuck.Task);

        var published = Enumerable.Range(1, 50).Select(i => feed.PublishAsync(new DocumentRevisedEvent(Document, i))).ToList();

        Assert.All(published, task => Assert.True(task.IsCompletedSuccessfully));
        await Task.WhenAll(published);
    }

    [Fact]
    public async Task Each_subscriber_takes_its_events_in_the_language_it_subscribed_in()
    {
        var feed = Feed();
        var seen = new ConcurrentDictionary<string, (string Culture, string UiCulture)>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable SubscribeIn(string language) => InCulture(language, () => feed.Subscribe(Document, _ =>
        {
            seen[language] = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
            if (seen.Count == 2) done.TrySetResult();
            return Task.CompletedTask;
        }));
        using var vietnamese = SubscribeIn("vi");
        using var english = SubscribeIn("en");

        // Published by a reader of a third language, whose culture the publishing flow carries.
        await InCulture("de", () => feed.PublishAsync(new DocumentRevisedEvent(Document, 1)));

        await done.Task.WaitAsync(Timeout);
        Assert.Equal(("vi", "vi"), seen["vi"]);
        Assert.Equal(("en", "en"), seen["en"]);
    }

    private static T InCulture<T>(string name, Func<T> work)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new CultureInfo(name), new CultureInfo(name));
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task A_slow_subscriber_does_not_hold_up_another_and_each_takes_its_events_in_order()
    {
        var feed = Feed();
        var stuck = new TaskCompletionSource();
        var received = new ConcurrentQueue<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = feed.Subscribe(Document, _ => stuck.Task);
        using var quick = feed.Subscribe(Document, feedEvent =>
        {
            received.Enqueue(((DocumentRevisedEvent)feedEvent).Revision);
            if (received.Count == 100) done.SetResult();
            return Task.CompletedTask;
        });

        for (var i = 1; i <= 100; i++) await feed.PublishAsync(new DocumentRevisedEvent(Document, i));

        await done.Task.WaitAsync(Timeout);
        Assert.Equal(Enumerable.Range(1, 100), received);
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_is_told_so_before_what_comes_next()
    {
        var feed = Feed(subscriberQueue: 5);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new ConcurrentQueue<FeedEvent>();
        using var subscription = feed.Subscribe(Document, async feedEvent =>
        {
            received.Enqueue(feedEvent);
            if (received.Count == 1) await release.Task;
        });

        // The reader holds the first event before the rest come. Were its task to start only after some of them, it
        // could fall behind twice, and a second marker would rightly stand for event 21 too (the reload covers it).
        await feed.PublishAsync(new DocumentRevisedEvent(Document, 1));
        await WaitUntilAsync(() => received.Count == 1);
        for (var i = 2; i <= 20; i++) await feed.PublishAsync(new DocumentRevisedEvent(Document, i));
        release.SetResult();
        await WaitUntilAsync(() => received.Any(e => e is FellBehindEvent));
        await feed.PublishAsync(new DocumentRevisedEvent(Document, 21));
        await WaitUntilAsync(() => received.Any(e => e is DocumentRevisedEvent { Revision: 21 }));

        var events = received.ToList();
        var behind = events.FindIndex(e => e is FellBehindEvent);
        Assert.Equal(new FellBehindEvent(Document), events[behind]);
        Assert.True(events.Count < 21, "Nothing was dropped.");
        Assert.IsType<DocumentRevisedEvent>(events[^1]);
        Assert.True(behind < events.Count - 1);
    }

    [Fact]
    public async Task A_disposed_subscription_gets_nothing_more()
    {
        var feed = Feed();
        var received = 0;
        var subscription = feed.Subscribe(Document, _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        });
        subscription.Dispose();

        await feed.PublishAsync(new DocumentRevisedEvent(Document, 1));

        Assert.Equal(0, received);
    }

    private static InMemoryAnnotationFeed Feed(int subscriberQueue = 1_000) =>
        new(Options.Create(new RealtimeOptions { SubscriberQueue = subscriberQueue }), NullLogger<InMemoryAnnotationFeed>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition()) await Task.Delay(10, timeout.Token);
    }
}
