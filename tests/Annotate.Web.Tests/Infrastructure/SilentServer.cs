using System.Net;
using System.Net.Sockets;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A server on 127.0.0.1 that accepts connections and never says a word: an SMTP server that hangs. A
/// client waits on it until its own timeout, so whoever talks to it must not be holding up a person.
/// </summary>
public sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task accepting;

    public SilentServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Completes when a client has connected (and is now waiting for a greeting that never comes).</summary>
    public Task FirstConnection => firstConnection.Task;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                lock (held) held.Add(client);
                firstConnection.TrySetResult();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        lock (held) held.ForEach(client => client.Dispose());
        stop.Dispose();
    }
}
