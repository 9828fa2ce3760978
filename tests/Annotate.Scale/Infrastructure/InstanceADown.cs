using System.Diagnostics;
using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.Scale.Infrastructure;

/// <summary>
/// One seminar reading one article on both instances, then instance A killed with SIGKILL (no shutdown, what a
/// crash leaves). Its people: the teacher and Bea on B directly; Ana on A directly (her browser has nowhere
/// else to go); Carl through nginx, kept on A by its cookie, halfway through writing a comment; hub clients of
/// Bea on B and of Carl through nginx.
/// The tests of the class each look at one consequence.
/// </summary>
public sealed class InstanceADown : IAsyncLifetime
{
    /// <summary>Set on the pages open before the kill: a page that lost it has been loaded again.</summary>
    public const string BeforeTheKill = "window.__beforeTheKill";

    /// <summary>When A was killed (a <see cref="Stopwatch"/> timestamp).</summary>
    public long KilledAt { get; private set; }

    /// <summary>Whether Bea's page on B listed Ana, who reads on A, in "Reading now" before the kill.</summary>
    public bool AnaListedOnB { get; private set; }

    /// <summary>What Carl was writing (not yet posted) on A when it died.</summary>
    public string CarlsDraft { get; } = $"Half written on A ({Guid.NewGuid():N})";

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
        await Carl.Reading.SelectAsync("worldwide historical mission");
        await Carl.Reading.ComposeAsync(CarlsDraft);
        // Kept once the browser has stored it (each keystroke goes through the circuit, a moment later).
        await Carl.Page.WaitForFunctionAsync(
            "text => Object.keys(localStorage).some(k => k.startsWith('annotate:draft:') && localStorage.getItem(k).includes(text))", CarlsDraft);
        BeaHub = await HubClient.ConnectAsync(setUp.B, Bea.Email);
        await BeaHub.JoinAsync(Teacher.DocumentId);
        CarlHub = await HubClient.ConnectAsync(setUp.Proxy, Carl.Email, node: "a", reconnect: true);
        await CarlHub.JoinAsync(Teacher.DocumentId);

        // Presence is shared between instances: Bea on B sees Ana, who reads on A.
        AnaListedOnB = await ListedAsync(Bea, Ana.DisplayName);

        using var a = Process.GetProcessById(setUp.APid);
        a.Kill();
        KilledAt = Stopwatch.GetTimestamp();
        await a.WaitForExitAsync();
    }

    private static async Task<bool> ListedAsync(Reader reader, string name)
    {
        try
        {
            await Expect(reader.Reading.ReadingNow).ToContainTextAsync(name);
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
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
