using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>Waiting inside the browser, polled every 10 ms, so a measured latency is not inflated by retry back-off.</summary>
public static class BrowserWait
{
    /// <summary>How long an update took to reach another reader.</summary>
    /// <param name="Total">From starting the click in the test to the observer's page showing it (Playwright round trips included).</param>
    /// <param name="InBrowser">From the click event in the actor's page to the observer's page showing it (both browsers' clocks, one machine).</param>
    public sealed record Latency(TimeSpan Total, TimeSpan InBrowser)
    {
        public override string ToString() => $"{InBrowser.TotalMilliseconds:F0} ms click-to-screen ({Total.TotalMilliseconds:F0} ms as the test measures it)";
    }

    /// <summary>
    /// Clicks <paramref name="button"/> in one page and waits for <paramref name="condition"/> in <paramref name="observer"/>.
    /// The button is first checked for being clickable (visible, stable, enabled) so that a dialog's
    /// opening animation is not counted as latency.
    /// </summary>
    public static async Task<Latency> MeasureClickAsync(ILocator button, IPage actor, IPage observer, string condition, object? arg, TimeSpan timeout)
    {
        await button.ClickAsync(new() { Trial = true });
        var clock = Stopwatch.StartNew();
        await button.ClickAsync();
        var seen = await observer.WaitForFunctionAsync(
            $"arg => ({condition})(arg) ? Date.now() : null", arg,
            new PageWaitForFunctionOptions { PollingInterval = 10, Timeout = (float)Math.Max(1, (timeout - clock.Elapsed).TotalMilliseconds) });
        var total = clock.Elapsed;
        var seenAt = (await seen.JsonValueAsync<JsonElement>()).GetDouble();
        var clickedAt = await actor.EvaluateAsync<double>("() => window.__annotateE2E.lastClick");
        return new Latency(total, TimeSpan.FromMilliseconds(seenAt - clickedAt));
    }

    /// <summary>Presses <paramref name="key"/> until <paramref name="target"/> has focus, like a keyboard user would.</summary>
    public static async Task<int> PressUntilFocusedAsync(IPage page, ILocator target, string key = "Tab", int maxPresses = 100)
    {
        for (var presses = 1; presses <= maxPresses; presses++)
        {
            await page.Keyboard.PressAsync(key);
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement")) return presses;
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        throw new InvalidOperationException($"{key} pressed {maxPresses} times never reached the target; focus is on {focused}");
    }
}
