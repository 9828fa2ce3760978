using Microsoft.AspNetCore.SignalR;

namespace Annotate.Web.Realtime;

/// <summary>
/// SignalR's own bookkeeping of the hub's connections, which also hands each connection to
/// <see cref="HubConnections"/> as it opens and closes. The relay then writes a message's prepared bytes to
/// each connection it may reach, through that connection's outbox, instead of asking SignalR to find the
/// connection and frame the message again for every recipient. Nothing is sent to groups or to all: each
/// recipient is chosen by the visibility rule (see <see cref="HubRelay"/>).
/// </summary>
internal sealed class AnnotationHubLifetimeManager(HubConnections connections, ILogger<DefaultHubLifetimeManager<AnnotationHub>> logger)
    : DefaultHubLifetimeManager<AnnotationHub>(logger)
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        connections.Open(connection);
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.Close(connection.ConnectionId, connection.User.UserIdOrNull());
        return base.OnDisconnectedAsync(connection);
    }
}
