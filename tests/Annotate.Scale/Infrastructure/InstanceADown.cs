using System.Diagnostics;
using Annotate.E2E.Infrastructure;

namespace Annotate.Scale.Infrastructure;

/// <summary>
/// One seminar reading one article on both instances, then instance A killed with SIGKILL (no shutdown, what a
/// crash leaves). Its people: the teacher and Bea on B directly; Ana on A directly (her browser has nowhere
/// else to go); Carl through nginx, kept on A by its cookie; hub clients of Bea on B and of Carl through nginx.
/// The tests of the class each look at one consequence.
/// </summary>
public sealed class InstanceADown : IAsyncLifetime
{
    /// <summary>Set on the pages open before the kill: a page that lost it has been loaded again.</summary>
    public const string BeforeTheKill = "window.__beforeTheKill";

    private readonly ScaleBrowsers browsers = new();

    public Reader Teacher { get; private set; } = null!;
    public Reader Ana { get; private set; } = null!;
    public Reader Bea { get; private set; } = null!;
    public Reader Carl { get; private set; } = null!;
    public HubClient BeaHub { get; private set; } = null!;
    public HubClient CarlHub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (ScaleSetUp.Current is not { } setUp) return;
        await browsers.InitializeAsync();
        Teacher = await browsers.NewReaderAsync("Tilda Teacher", setUp.B);
        Ana = await browsers.NewReaderAsync("Ana OnA", setUp.A, joining: Teacher);
        Bea = await browsers.NewReaderAsync("Bea OnB", setUp.B, joining: Teacher);
        Carl = await browsers.NewReaderThroughProxyAsync("Carl ThroughNginx", "a", joining: Teacher);
        foreach (var reader in new[] { Ana, Bea, Carl })
        {
            await reader.Reading.OpenAsync();
            await reader.Page.EvaluateAsync($"() => {{ {BeforeTheKill} = true; }}");
        }
        BeaHub = await HubClient.ConnectAsync(setUp.B, Bea.Email);
        await BeaHub.JoinAsync(Teacher.DocumentId);
        CarlHub = await HubClient.ConnectAsync(setUp.Proxy, Carl.Email, node: "a", reconnect: true);
        await CarlHub.JoinAsync(Teacher.DocumentId);

        using var a = Process.GetProcessById(setUp.APid);
        a.Kill();
        await a.WaitForExitAsync();
    }

    public async Task DisposeAsync()
    {
        if (ScaleSetUp.Current is null) return;
        await BeaHub.DisposeAsync();
        await CarlHub.DisposeAsync();
        foreach (var reader in new[] { Teacher, Ana, Bea, Carl }) await reader.DisposeAsync();
        await browsers.DisposeAsync();
    }
}
