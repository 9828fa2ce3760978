using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway redis-server on a free port of 127.0.0.1, nothing saved to disk, stopped with the fixture.
/// Tests that need it are <see cref="RedisFactAttribute"/>s: skipped, saying why, where the binary is missing.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string Binary = "/usr/bin/redis-server";
    private Process? process;

    public static bool Installed => File.Exists(Binary);

    public int Port { get; private set; }

    /// <summary>What ConnectionStrings:Redis holds to reach it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!Installed) return;
        Port = FreePort();
        process = Process.Start(new ProcessStartInfo(Binary)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{Binary} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false }) process.Kill();
        process?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until && process is { HasExited: false })
            {
                await Task.Delay(50);
            }
        }
    }
}

/// <summary>A test that needs a real Redis (<see cref="RedisServer"/>): skipped when redis-server is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!RedisServer.Installed) Skip = $"Needs {RedisServer.Binary} (apt-get install redis-server) to run two instances over Redis.";
    }
}
