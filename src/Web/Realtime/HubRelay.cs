using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Realtime;

/// <summary>
/// Forwards feed events to hub connections. It runs on its own queue of the feed, never in a writer's
/// request: for each event it asks the visibility rule per connection and queues the message in that
/// connection's <see cref="HubOutbox"/>, which sends it at the connection's own pace. Each message is made
/// once per event, kind and origin and shared by everyone it goes to. Nothing goes to a SignalR group: a
/// group send cannot check each reader.
/// </summary>
/// <remarks>
/// Every <see cref="ConnectionsBetweenTurns"/> connections the relay lets other work have its turn (<see cref="Turns"/>):
/// the writer's answer must not wait for the socket sends to every reader (issue 12).
/// </remarks>
internal sealed class HubRelay(IAnnotationFeed feed, HubReaders readers, HubConnections connections, ReaderAccess access,
    NotificationService notifications, IOptions<RealtimeOptions> options, ILogger<HubRelay> logger) : IHostedService
{
    private const int ConnectionsBetweenTurns = 64;
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
                await RelayAsync(annotationEvent);
                break;
            case AnnotationsImportedEvent imported:
                await RelayAsync(imported);
                break;
            case DocumentRevisedEvent revised:
                // Clients reload the text and the annotations (their selectors now refer to the new revision).
                var message = HubMessage.Revised(revised.DocumentId, revised.Revision);
                await SendAsync(revised.DocumentId, _ => message);
                break;
            case TagsChangedEvent tags:
                // Clients read the vocabulary again (GET /api/seminars/{id}/tags).
                var tagsMessage = HubMessage.TagsChanged(tags.SeminarId);
                await SendAsync(tags.DocumentId, _ => tagsMessage);
                break;
            case AccessChangedEvent changed:
                // Removed or moved: the connection keeps only what its user may see now, from the next event on
                // (this queue is in order, so no later event is relayed before the refresh is done).
                await readers.RefreshAsync(changed.DocumentId, changed.UserId,
                    async userId => (await access.ForDocumentAsync(userId, changed.DocumentId))?.Viewer);
                break;
            case NotificationEvent { NotificationId: { } notificationId } created:
                await RelayAsync(created.UserId, notificationId);
                break;
            case FellBehindEvent:
                logger.LogWarning("The hub relay fell behind the feed: every hub connection is closed and its client reads again");
                connections.AbortAll();
                break;
        }
    }

    private Task RelayAsync(AnnotationEvent annotationEvent)
    {
        // Usually one origin, one or two kinds, and the few readers who reacted themselves: a handful of messages
        // per event, whatever the readers.
        var messages = new Dictionary<(AnnotationEventKind, string, string), HubMessage>();
        return SendAsync(annotationEvent.DocumentId, reader =>
        {
            if (annotationEvent.KindFor(reader.Viewer!) is not { } kind) return null;
            var shown = annotationEvent.Annotation.For(reader.Viewer!);
            var key = (kind, reader.Origin, kind == AnnotationEventKind.Deleted ? "" : shown.ViewerKey);
            if (!messages.TryGetValue(key, out var message))
                messages[key] = message = kind switch
                {
                    AnnotationEventKind.Created => HubMessage.Annotation("annotationCreated", shown, reader.Origin),
                    AnnotationEventKind.Updated => HubMessage.Annotation("annotationUpdated", shown, reader.Origin),
                    _ => HubMessage.Deleted(annotationEvent.Annotation.Id, reader.Origin),
                };
            return message;
        });
    }

    /// <summary>
    /// A new notification goes to every open connection of its user, joined to a document or not. It is read as
    /// they may see it now (created for them only if they could, it may be hidden since), once per origin.
    /// </summary>
    private async Task RelayAsync(string userId, Guid notificationId)
    {
        var open = connections.OfUser(userId);
        if (open.Count == 0 || await notifications.GetAsync(userId, notificationId) is not { Available: true } item) return;
        foreach (var byOrigin in open.GroupBy(c => c.Origin))
        {
            var message = HubMessage.Notification(NotificationJson.Write(item, byOrigin.Key));
            foreach (var (connectionId, _) in byOrigin) connections.Send(connectionId, message);
        }
    }

    /// <summary>Offers each reader of the document its message (null: nothing for this one), giving other work turns.</summary>
    private Task SendAsync(int documentId, Func<HubReaders.Reader, HubMessage?> messageFor) =>
        Turns.ForEachAsync(readers.Of(documentId), ConnectionsBetweenTurns, reader =>
        {
            if (messageFor(reader) is { } message) connections.Send(reader.ConnectionId, message);
        });

    /// <summary>
    /// Each connection gets an <c>annotationCreated</c> for every imported annotation its user may see, as one
    /// batch in its queue; each message is made (and framed) once per origin and shared by every batch it is in.
    /// </summary>
    private Task RelayAsync(AnnotationsImportedEvent imported)
    {
        var messages = new Dictionary<(Guid, string), HubMessage>();
        return SendAsync(imported.DocumentId, reader =>
        {
            var parts = new List<HubMessage>();
            foreach (var annotation in imported.VisibleTo(reader.Viewer!))
            {
                // Just imported: no reactions yet, so one message per annotation and origin serves every reader.
                if (!messages.TryGetValue((annotation.Id, reader.Origin), out var message))
                    messages[(annotation.Id, reader.Origin)] = message = HubMessage.Annotation("annotationCreated", annotation, reader.Origin);
                parts.Add(message);
            }
            return parts.Count > 0 ? HubMessage.Batch(parts) : null;
        });
    }
}
