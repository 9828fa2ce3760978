using System.Collections.Concurrent;

namespace Annotate.Web.Realtime;

/// <summary>The feed for a single instance: handlers are called in turn; one failing handler does not stop the others.</summary>
internal sealed class InMemoryAnnotationFeed(ILogger<InMemoryAnnotationFeed> logger) : IAnnotationFeed
{
    private const int AllDocuments = -1;
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<FeedEvent, Task>>> subscribers = new();

    public async Task PublishAsync(FeedEvent feedEvent)
    {
        foreach (var key in new[] { feedEvent.DocumentId, AllDocuments })
        {
            if (!subscribers.TryGetValue(key, out var handlers)) continue;
            foreach (var handler in handlers.Values)
            {
                try
                {
                    await handler(feedEvent);
                }
                catch (Exception exception)
                {
                    logger.LogWarning(exception, "A subscriber of document {DocumentId} failed to handle an event", feedEvent.DocumentId);
                }
            }
        }
    }

    public IDisposable Subscribe(int documentId, Func<FeedEvent, Task> handler) => Add(documentId, handler);

    public IDisposable SubscribeAll(Func<FeedEvent, Task> handler) => Add(AllDocuments, handler);

    private Subscription Add(int key, Func<FeedEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(key, _ => new())[id] = handler;
        return new Subscription(() =>
        {
            if (subscribers.TryGetValue(key, out var handlers)) handlers.TryRemove(id, out _);
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
