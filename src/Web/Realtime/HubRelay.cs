using Annotate.Web.Features.Documents;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Realtime;

/// <summary>
/// Forwards feed events to hub connections. It runs on its own queue of the feed, never in a writer's
/// request: for each event it asks the visibility rule per connection and queues the message in that
/// connection's <see cref="HubOutbox"/>, which sends it at the connection's own pace. Each message is made
/// once per event, kind and origin and shared by everyone it goes to. Nothing goes to a SignalR group: a
/// group send cannot check each reader.
/// </summary>
internal sealed class HubRelay(IAnnotationFeed feed, HubReaders readers, HubConnections connections, ReaderAccess access,
    IOptions<RealtimeOptions> options, ILogger<HubRelay> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = feed.SubscribeAll(RelayAsync, options.Value.RelayQueue);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task RelayAsync(FeedEvent feedEvent)
    {
        switch (feedEvent)
        {
            case AnnotationEvent annotationEvent:
                Relay(annotationEvent);
                break;
            case AnnotationsImportedEvent imported:
                Relay(imported);
                break;
            case DocumentRevisedEvent revised:
                // Clients reload the text and the annotations (their selectors now refer to the new revision).
                var message = HubMessage.Revised(revised.DocumentId, revised.Revision);
                foreach (var reader in readers.Of(revised.DocumentId)) connections.Send(reader.ConnectionId, message);
                break;
            case AccessChangedEvent changed:
                // Removed or moved: the connection keeps only what its user may see now, from the next event on
                // (this queue is in order, so no later event is relayed before the refresh is done).
                await readers.RefreshAsync(changed.DocumentId, changed.UserId,
                    async userId => (await access.ForDocumentAsync(userId, changed.DocumentId))?.Viewer);
                break;
            case FellBehindEvent:
                logger.LogWarning("The hub relay fell behind the feed: every hub connection is closed and its client reads again");
                connections.AbortAll();
                break;
        }
    }

    private void Relay(AnnotationEvent annotationEvent)
    {
        // Usually one origin, and one or two kinds: a handful of messages per event, whatever the readers.
        var messages = new Dictionary<(AnnotationEventKind, string), HubMessage>();
        foreach (var reader in readers.Of(annotationEvent.DocumentId))
        {
            if (annotationEvent.KindFor(reader.Viewer!) is not { } kind) continue;
            if (!messages.TryGetValue((kind, reader.Origin), out var message))
                messages[(kind, reader.Origin)] = message = kind switch
                {
                    AnnotationEventKind.Created => HubMessage.Annotation("annotationCreated", annotationEvent.Annotation, reader.Origin),
                    AnnotationEventKind.Updated => HubMessage.Annotation("annotationUpdated", annotationEvent.Annotation, reader.Origin),
                    _ => HubMessage.Deleted(annotationEvent.Annotation.Id, reader.Origin),
                };
            connections.Send(reader.ConnectionId, message);
        }
    }

    /// <summary>
    /// Each connection gets an <c>annotationCreated</c> for every imported annotation its user may see, as one
    /// batch in its queue; each message is made once per origin and shared by every batch it is in.
    /// </summary>
    private void Relay(AnnotationsImportedEvent imported)
    {
        var messages = new Dictionary<(Guid, string), HubMessage>();
        foreach (var reader in readers.Of(imported.DocumentId))
        {
            var parts = new List<HubMessage>();
            foreach (var annotation in imported.VisibleTo(reader.Viewer!))
            {
                if (!messages.TryGetValue((annotation.Id, reader.Origin), out var message))
                    messages[(annotation.Id, reader.Origin)] = message = HubMessage.Annotation("annotationCreated", annotation, reader.Origin);
                parts.Add(message);
            }
            if (parts.Count > 0) connections.Send(reader.ConnectionId, HubMessage.Batch(parts));
        }
    }
}
