using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A hub client that speaks SignalR's JSON protocol by hand over a real WebSocket, so that a test can do
/// what the SignalR client never does: join a document, then stop reading its socket while it keeps
/// sending pings (so the server does not time it out). What the server sends piles up in the socket
/// buffers and then on the server.
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly StringBuilder unread = new();
    private readonly byte[] buffer = new byte[64 * 1024];
    private readonly Decoder utf8 = Encoding.UTF8.GetDecoder();
    private readonly char[] chars = new char[64 * 1024];
    private Task? pinging;

    private RawHubClient()
    {
    }

    /// <summary>Opens /hubs/annotations without negotiating (WebSockets only), signed in by <c>access_token</c>, and shakes hands.</summary>
    public static async Task<RawHubClient> ConnectAsync(Uri root, string token)
    {
        var client = new RawHubClient();
        var uri = new UriBuilder(root)
        {
            Scheme = root.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = "/hubs/annotations",
            Query = $"access_token={Uri.EscapeDataString(token)}",
        }.Uri;
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        await client.socket.ConnectAsync(uri, timeout.Token);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        var handshake = await client.ReadRecordAsync(timeout.Token);
        Assert.True(handshake == "{}", $"The hub refused the handshake: {handshake}");
        return client;
    }

    /// <summary>Invokes <c>Join(documentId)</c> and reads until its completion; fails the test if the hub answered an error.</summary>
    public async Task JoinAsync(int documentId)
    {
        await SendAsync($$"""{"type":1,"invocationId":"join","target":"Join","arguments":[{{documentId}}]}""");
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        while (true)
        {
            using var message = JsonDocument.Parse(await ReadRecordAsync(timeout.Token));
            var root = message.RootElement;
            if (root.GetProperty("type").GetInt32() != 3 || root.GetProperty("invocationId").GetString() != "join") continue;
            Assert.False(root.TryGetProperty("error", out var error), $"Join failed: {error}");
            return;
        }
    }

    /// <summary>From now on: a ping every second, and not one byte read.</summary>
    public void StopReadingButKeepPinging() => pinging = Task.Run(async () =>
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await SendAsync("""{"type":6}""");
                await Task.Delay(TimeSpan.FromSeconds(1), stopping.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Stopped, or the server closed the connection: nothing left to ping.
        }
    });

    /// <summary>
    /// Stops pinging and reads what piled up, until the server closes the connection or <paramref name="within"/>
    /// passes. Returns how many hub invocations (events) arrived and whether the connection ended.
    /// </summary>
    public async Task<(int Invocations, bool Closed)> ReadUntilClosedAsync(TimeSpan within)
    {
        await stopping.CancelAsync();
        if (pinging is not null) await pinging;
        using var timeout = new CancellationTokenSource(within);
        var invocations = 0;
        try
        {
            while (true)
            {
                var record = await ReadRecordAsync(timeout.Token);
                if (record.StartsWith("""{"type":1,""", StringComparison.Ordinal)) invocations++;
                if (record.StartsWith("""{"type":7""", StringComparison.Ordinal)) return (invocations, true);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or EndOfStreamException)
        {
            return (invocations, true);
        }
        catch (OperationCanceledException)
        {
            return (invocations, false);
        }
    }

    private Task SendAsync(string record) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(record + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next record (one JSON message without its separator), reading frames as needed.</summary>
    private async Task<string> ReadRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = unread.ToString();
            var end = text.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                unread.Remove(0, end + 1);
                return text[..end];
            }
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close) throw new EndOfStreamException("The server closed the WebSocket.");
            // A character may be split between frames: the decoder keeps its first bytes for the next one.
            unread.Append(chars, 0, utf8.GetChars(buffer, 0, received.Count, chars, 0));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (pinging is not null) await pinging;
        socket.Abort();
        socket.Dispose();
        stopping.Dispose();
    }
}
