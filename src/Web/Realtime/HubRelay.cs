using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Web.Realtime;

/// <summary>
/// Forwards feed events to hub connections, one connection at a time, after asking the visibility
/// rule for that connection's user. Nothing goes to a SignalR group: a group send cannot check each reader.
/// </summary>
internal sealed class HubRelay(IAnnotationFeed feed, HubReaders readers, ReaderAccess access, IHubContext<AnnotationHub> hub, ILogger<HubRelay> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = feed.SubscribeAll(RelayAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task RelayAsync(FeedEvent feedEvent)
    {
        if (feedEvent is DocumentRevisedEvent revised)
        {
            // Clients reload the text and the annotations (their selectors now refer to the new revision).
            foreach (var reader in readers.Of(revised.DocumentId))
                await SendAsync(reader, "documentRevised", revised.DocumentId, revised.Revision);
            return;
        }
        if (feedEvent is AccessChangedEvent changed)
        {
            // Removed or moved: the connection keeps only what its user may see now, from the next event on.
            foreach (var reader in readers.Of(changed.DocumentId).Where(r => changed.UserId is null || r.Viewer.UserId == changed.UserId).ToList())
            {
                if (await access.ForDocumentAsync(reader.Viewer.UserId, changed.DocumentId) is { } now)
                    readers.Add(reader with { Viewer = now.Viewer });
                else
                    readers.Remove(reader.ConnectionId, reader.DocumentId);
            }
            return;
        }
        if (feedEvent is not AnnotationEvent annotationEvent) return;
        foreach (var reader in readers.Of(annotationEvent.DocumentId))
        {
            var client = hub.Clients.Client(reader.ConnectionId);
            try
            {
                switch (annotationEvent.KindFor(reader.Viewer))
                {
                    case AnnotationEventKind.Created:
                        await client.SendAsync("annotationCreated", AnnotationJsonWriter.Write(annotationEvent.Annotation, reader.Origin));
                        break;
                    case AnnotationEventKind.Updated:
                        await client.SendAsync("annotationUpdated", AnnotationJsonWriter.Write(annotationEvent.Annotation, reader.Origin));
                        break;
                    case AnnotationEventKind.Deleted:
                        await client.SendAsync("annotationDeleted", AnnotationJsonWriter.AnnotationIri(reader.Origin, annotationEvent.Annotation.Id));
                        break;
                }
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not relay an event to hub connection {ConnectionId}", reader.ConnectionId);
            }
        }
    }

    private async Task SendAsync(HubReaders.Reader reader, string method, params object[] arguments)
    {
        try
        {
            await hub.Clients.Client(reader.ConnectionId).SendCoreAsync(method, arguments);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not relay an event to hub connection {ConnectionId}", reader.ConnectionId);
        }
    }
}
