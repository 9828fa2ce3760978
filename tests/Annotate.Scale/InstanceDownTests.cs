using Annotate.E2E.Infrastructure;
using Annotate.Scale.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.Scale;

/// <summary>
/// Instance A is killed (kill -9) while people read on both instances: those on B carry on, those who
/// reached A through nginx go on on B, still signed in, and B's "Reading now" forgets those who read on A
/// within the presence expiry (issue 13). tests/scale.sh runs this class last: A
/// stays dead.
/// </summary>
[Trait("Phase", "InstanceDown")]
public sealed class InstanceDownTests(InstanceADown seminar, ITestOutputHelper output) : IClassFixture<InstanceADown>
{
    private static readonly TimeSpan MovingOver = TimeSpan.FromSeconds(60);

    /// <summary>Redis:PresenceExpirySeconds as tests/scale.sh leaves it (the default).</summary>
    private static readonly TimeSpan PresenceExpiry = TimeSpan.FromSeconds(30);

    /// <summary>For the page to hear of it and redraw on a busy machine.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    [ScaleFact]
    public async Task People_on_B_carry_on_page_and_hub()
    {
        var comment = $"Still here on B ({Guid.NewGuid():N})";
        var threadId = await seminar.Bea.Reading.AnnotateAsync("important theoretical system of Marxism-Leninism", comment);

        await seminar.BeaHub.WaitForCreatedAsync(threadId);
        Assert.True(await seminar.Bea.Page.EvaluateAsync<bool>($"() => {InstanceADown.BeforeTheKill} === true"), "Bea's page on B reloaded.");
    }

    [ScaleFact]
    public async Task A_reader_of_A_through_nginx_goes_on_on_B_signed_in_with_his_draft_page_and_hub()
    {
        var carl = seminar.Carl;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await LoadedAgainAsync(carl.Page);
        output.WriteLine($"Carl's page was loaded again (from B) {clock.Elapsed.TotalSeconds:F1} s after this test began");

        // Still signed in: the reading page, not the sign-in page, with Carl present on it (once it is interactive).
        Assert.EndsWith($"/documents/{carl.DocumentId}", carl.Page.Url);
        await Expect(carl.Reading.ReadingNow).ToContainTextAsync("Carl ThroughNginx (you)");
        await Expect(seminar.Bea.Reading.ReadingNow).ToContainTextAsync("Carl ThroughNginx");

        // His half-written comment is back in the editor, and live on B: posted now, it reaches Bea's page on B
        // and his own hub client, which reconnected too.
        await Expect(carl.Reading.CommentBox).ToHaveValueAsync(seminar.CarlsDraft);
        await seminar.CarlHub.Rejoined.WaitAsync(MovingOver);
        await carl.Reading.PostButton.ClickAsync();
        var threadId = await carl.Reading.ThreadIdAsync(seminar.CarlsDraft);
        await Expect(seminar.Bea.Reading.Thread(seminar.CarlsDraft)).ToHaveAccessibleNameAsync("Thread by Carl ThroughNginx");
        await Expect(seminar.Bea.Reading.Thread(seminar.CarlsDraft)).ToContainTextAsync("worldwide historical mission");
        await seminar.CarlHub.WaitForCreatedAsync(threadId);
        await Screenshots.SaveAsync(carl.Page, "scale-moved-to-b.png", output);
    }

    [ScaleFact]
    public async Task Presence_on_B_forgets_the_readers_of_A_within_the_expiry()
    {
        Assert.True(seminar.AnaListedOnB, "Before the kill, Bea's page on B did not list Ana, who reads on A: presence is not shared.");

        await Expect(seminar.Bea.Reading.ReadingNow).Not.ToContainTextAsync(seminar.Ana.DisplayName,
            new() { Timeout = (float)(PresenceExpiry + Slack).TotalMilliseconds });
        var gone = System.Diagnostics.Stopwatch.GetElapsedTime(seminar.KilledAt);
        output.WriteLine($"Ana left Bea's \"Reading now\" on B {gone.TotalSeconds:F1} s after A was killed (expiry {PresenceExpiry.TotalSeconds:F0} s)");
        Assert.True(gone <= PresenceExpiry + Slack, $"Ana was still listed {gone.TotalSeconds:F1} s after the kill.");
        await Expect(seminar.Bea.Reading.ReadingNow).ToContainTextAsync("Bea OnB (you)");
    }

    /// <summary>Waits until the page has been loaded again: the mark set before the kill is gone.</summary>
    private static async Task LoadedAgainAsync(IPage page)
    {
        var until = DateTime.UtcNow + MovingOver;
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<bool>($"() => {InstanceADown.BeforeTheKill} !== true"))
                    return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < until)
            {
                // Navigating: the old document's context is gone.
            }
            if (DateTime.UtcNow > until) Assert.Fail($"The page was not loaded again within {MovingOver.TotalSeconds} s; it shows: {await page.InnerTextAsync("body")}");
            await Task.Delay(250);
        }
    }
}
