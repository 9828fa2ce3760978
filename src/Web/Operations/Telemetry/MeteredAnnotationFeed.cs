using System.Diagnostics;
using System.Runtime.CompilerServices;
using Annotate.Web.Realtime;

namespace Annotate.Web.Operations.Telemetry;

/// <summary>
/// The feed, measured: every annotation write publishes exactly one event after its commit, so counting
/// events counts writes wherever they came from (API, pages, import); and each subscriber's handler is timed
/// from the moment its event was published. The feed itself is untouched, whichever it is.
/// </summary>
internal sealed class MeteredAnnotationFeed(IAnnotationFeed inner, AnnotateMetrics metrics) : IAnnotationFeed
{
    /// <summary>When each event still in flight was published; an event is dropped from here when collected.</summary>
    private readonly ConditionalWeakTable<FeedEvent, StrongBox<long>> published = new();

    public Task PublishAsync(FeedEvent feedEvent)
    {
        switch (feedEvent)
        {
            case AnnotationEvent { Kind: AnnotationEventKind.Created }:
                metrics.Written("created");
                break;
            case AnnotationEvent { Kind: AnnotationEventKind.Deleted }:
                metrics.Written("deleted");
                break;
            case AnnotationsImportedEvent imported:
                metrics.Written("imported", imported.Annotations.Count);
                break;
        }
        published.AddOrUpdate(feedEvent, new StrongBox<long>(Stopwatch.GetTimestamp()));
        return inner.PublishAsync(feedEvent);
    }

    public IDisposable Subscribe(int documentId, Func<FeedEvent, Task> handler) => inner.Subscribe(documentId, Timed(handler));

    public IDisposable SubscribeAll(Func<FeedEvent, Task> handler, int? queueLimit = null) => inner.SubscribeAll(Timed(handler), queueLimit);

    private Func<FeedEvent, Task> Timed(Func<FeedEvent, Task> handler) => async feedEvent =>
    {
        await handler(feedEvent);
        if (published.TryGetValue(feedEvent, out var start)) metrics.Delivered(Stopwatch.GetElapsedTime(start.Value));
    };
}
