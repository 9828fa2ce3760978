using System.Net.WebSockets;
using System.Text;
using Annotate.Web.Setup;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// The circuit takes messages up to what the app needs (AppSetup.CircuitMessageLimit: a comment being typed),
/// not 8 MB. Shown on the circuit hub's first message, the handshake, which SignalR holds to the same limit.
/// </summary>
public sealed class CircuitMessageLimitTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_message_within_the_limit_is_taken()
    {
        var answer = await HandshakeAsync(padding: (int)AppSetup.CircuitMessageLimit - 1024);

        Assert.Equal("{}", answer);
    }

    [Fact]
    public async Task A_message_over_the_limit_is_refused()
    {
        var answer = await HandshakeAsync(padding: (int)AppSetup.CircuitMessageLimit + 1024);

        Assert.Equal("""{"error":"Handshake was canceled."}""", answer);
        Assert.True(AppSetup.CircuitMessageLimit <= 256 * 1024, "A circuit message needs no more than a comment's worth.");
    }

    /// <summary>SignalR's handshake for the circuit's protocol, made <paramref name="padding"/> bytes longer by a property it skips; the server's answer.</summary>
    private async Task<string> HandshakeAsync(int padding)
    {
        var client = app.Server.CreateWebSocketClient();
        using var socket = await client.ConnectAsync(new Uri(app.Server.BaseAddress, "_blazor"), CancellationToken.None);
        var handshake = $$"""{"protocol":"blazorpack","version":1,"padding":"{{new string('x', padding)}}"}""" + "\u001e";
        await socket.SendAsync(Encoding.UTF8.GetBytes(handshake), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received.Count).TrimEnd('\u001e');
    }
}
