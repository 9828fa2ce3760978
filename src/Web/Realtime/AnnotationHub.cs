using Annotate.Web.Features.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Web.Realtime;

/// <summary>
/// The live feed for clients outside the app (the app's own pages subscribe to the feed directly).
/// A client joins a document; from then on it receives annotationCreated / annotationUpdated /
/// annotationDeleted for exactly what its user may see.
/// </summary>
[Authorize]
internal sealed class AnnotationHub(ReaderAccess access, HubReaders readers) : Hub
{
    public async Task Join(int documentId)
    {
        var userId = Context.User?.UserIdOrNull();
        if (await access.ForDocumentAsync(userId, documentId, Context.ConnectionAborted) is not { } reader)
            throw new HubException(ReaderAccess.NoSuchDocument);
        var request = Context.GetHttpContext()?.Request;
        var origin = request is null ? "" : request.Origin();
        readers.Add(new HubReaders.Reader(Context.ConnectionId, documentId, reader.Viewer, origin));
    }

    public Task Leave(int documentId)
    {
        readers.Remove(Context.ConnectionId, documentId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        readers.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
