using Microsoft.AspNetCore.SignalR;

namespace Annotate.Bench.BareServer;

/// <summary>A hub whose readers join a document's group; no accounts, no visibility rule, no queues.</summary>
internal sealed class BareHub : Hub
{
    public static string GroupOf(int documentId) => $"document-{documentId}";

    public Task Join(int documentId) => Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(documentId));
}
