using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Operations;

/// <summary>
/// The published app serving HTTP as a child process (`dotnet Annotate.Web.dll --urls …`) on a test
/// database: the real program, so that it can be killed with SIGKILL and started again on the same file.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the app on a free loopback port and waits until /health/ready answers 200 (migrations applied).</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? environment = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = OperationsRun.ProgramStart(database, "--urls", address.ToString().TrimEnd('/'));
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["Demo__Enabled"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var app = new AppProcess(Process.Start(start)!, address);
        // Drained as they come, or a full pipe would stall the app; the tail explains a failure.
        app.process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        app.process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no checkpoint, exactly what a crash leaves behind.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>The last lines the app printed, for a failure message.</summary>
    public string Tail => string.Join('\n', log.TakeLast(40));

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        log.Enqueue(line);
        while (log.Count > 200) log.TryDequeue(out _);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode} before it was ready:\n{Tail}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer /health/ready within 90 s:\n{Tail}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
