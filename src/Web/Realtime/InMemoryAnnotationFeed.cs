using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Realtime;

/// <summary>
/// The feed for a single instance. Each subscription has its own <see cref="ReaderQueue{T}"/>: publishing
/// only queues, so a writer's request never waits for a page to render or a hub client to read, and each
/// subscriber takes its events in order; one failing handler does not stop the others.
/// </summary>
internal sealed class InMemoryAnnotationFeed(IOptions<RealtimeOptions> options, ILogger<InMemoryAnnotationFeed> logger) : IAnnotationFeed
{
    private const int AllDocuments = -1;
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, ReaderQueue<FeedEvent>>> subscribers = new();

    public Task PublishAsync(FeedEvent feedEvent)
    {
        foreach (var key in new[] { feedEvent.DocumentId, AllDocuments })
        {
            if (!subscribers.TryGetValue(key, out var queues)) continue;
            // A queue that is full hands its reader a FellBehindEvent instead: nothing to do here.
            foreach (var queue in queues.Values) queue.Offer(feedEvent);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Events may have been missed (the Redis link between instances was down): every subscriber is told it
    /// fell behind, in order after what it already has, and reloads what it shows.
    /// </summary>
    public void EveryoneFellBehind()
    {
        foreach (var (key, queues) in subscribers)
        {
            var fellBehind = new FellBehindEvent(key == AllDocuments ? FellBehindEvent.AnyDocument : key);
            foreach (var queue in queues.Values) queue.Offer(fellBehind);
        }
    }

    public IDisposable Subscribe(int documentId, Func<FeedEvent, Task> handler) =>
        Add(documentId, handler, options.Value.SubscriberQueue, $"A subscriber of document {documentId}", new FellBehindEvent(documentId));

    public IDisposable SubscribeAll(Func<FeedEvent, Task> handler, int? queueLimit = null) =>
        Add(AllDocuments, handler, queueLimit ?? options.Value.SubscriberQueue, "A subscriber of every document", new FellBehindEvent(FellBehindEvent.AnyDocument));

    private Subscription Add(int key, Func<FeedEvent, Task> handler, int limit, string reader, FellBehindEvent fellBehind)
    {
        var id = Guid.NewGuid();
        var queue = new ReaderQueue<FeedEvent>(reader, new QueueLimits(limit), _ => 0, (feedEvent, _) => handler(feedEvent), fellBehind, logger);
        subscribers.GetOrAdd(key, _ => new())[id] = queue;
        return new Subscription(() =>
        {
            if (subscribers.TryGetValue(key, out var queues)) queues.TryRemove(id, out _);
            queue.Dispose();
        });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) dispose();
        }
    }
}
