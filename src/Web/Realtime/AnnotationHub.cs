using Annotate.Web.Features.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Web.Realtime;

/// <summary>
/// The live feed for clients outside the app (the app's own pages subscribe to the feed directly).
/// A client joins a document; from then on it receives annotationCreated / annotationUpdated /
/// annotationDeleted for exactly what its user may see. A connection that cannot keep up is closed.
/// </summary>
[Authorize]
internal sealed class AnnotationHub(ReaderAccess access, HubReaders readers) : Hub
{
    public async Task Join(int documentId)
    {
        var userId = Context.User?.UserIdOrNull();
        var request = Context.GetHttpContext()?.Request;
        var origin = request is null ? "" : request.Origin();
        var aborted = Context.ConnectionAborted;
        // Entered before access is asked, so that a removal handled meanwhile cannot be outlived (see JoinAsync).
        var joined = await readers.JoinAsync(new HubReaders.Reader(Context.ConnectionId, documentId, userId ?? "", origin),
            async () => (await access.ForDocumentAsync(userId, documentId, aborted))?.Viewer);
        if (!joined) throw new HubException(ReaderAccess.NoSuchDocument);
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
