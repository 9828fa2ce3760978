using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway redis-server on a free port of 127.0.0.1, nothing saved to disk, stopped with the fixture;
/// one per test class (<c>IClassFixture&lt;RedisServer&gt;</c>). <see cref="StopAsync"/> and
/// <see cref="StartAgainAsync"/> take it away and bring it back on the same port (an outage).
/// Tests that need it are <see cref="RedisFactAttribute"/>s: skipped, saying why, where the binary is
/// missing — except in CI (<c>CI=true</c>), where a missing binary fails them: ./test.sh installs it.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string DefaultBinary = "/usr/bin/redis-server";
    private readonly string binary;
    private readonly bool required;
    private Process? process;

    public RedisServer() : this(DefaultBinary, Required)
    {
    }

    /// <summary>A server from another binary (a test of this helper itself).</summary>
    internal RedisServer(string binary, bool required)
    {
        this.binary = binary;
        this.required = required;
    }

    public static bool Installed => File.Exists(DefaultBinary);

    /// <summary>Whether this run must have Redis: on CI (the CI variable is "true" or "1", as CI services set it).</summary>
    public static bool Required => IsCi(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why a Redis test is skipped here, or null when it runs (the binary is there, or CI requires it and it fails).</summary>
    public static string? SkipReason(bool installed, string? ci) =>
        installed || IsCi(ci) ? null : $"Needs {DefaultBinary} (apt-get install redis-server; ./test.sh installs it) to run instances over Redis.";

    public int Port { get; private set; }

    /// <summary>What ConnectionStrings:Redis holds to reach it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(binary))
        {
            if (required) throw new InvalidOperationException($"{binary} is missing, and CI must run the Redis tests: install redis-server (./test.sh does).");
            return;
        }
        Port = FreePort();
        await StartAgainAsync();
    }

    /// <summary>The server goes away (killed, as a crash or a network cut looks to the app); the port stays this fixture's.</summary>
    public async Task StopAsync()
    {
        if (process is null) return;
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>Starts the server (again) on <see cref="Port"/>, empty, and waits until it takes connections.</summary>
    public async Task StartAgainAsync()
    {
        process = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{binary} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync() => StopAsync();

    private static bool IsCi(string? ci) => ci is not null && (ci.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) || ci.Trim() == "1");

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
