using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>axe-core on what a page shows now: every violation in the test output, none serious or critical allowed.</summary>
public static class Axe
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what, ITestOutputHelper output)
    {
        await ParkPointerAsync(page);
        Report(await page.RunAxe(), what, output);
    }

    /// <summary>The same for one part of the page (a dialog, a panel): what the rest of it owes axe is another story.</summary>
    public static async Task AssertNoSeriousViolationsAsync(ILocator part, string what, ITestOutputHelper output)
    {
        await ParkPointerAsync(part.Page);
        Report(await part.RunAxe(), what, output);
    }

    private static void Report(AxeResult result, string what, ITestOutputHelper output)
    {
        foreach (var violation in result.Violations)
            output.WriteLine($"axe {what}: [{violation.Impact}] {violation.Id}: {violation.Help}: {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
    }

    /// <summary>Every violation on what the page shows now, the pointer parked first (<see cref="ParkPointerAsync"/>); for a test that gathers them over many pages.</summary>
    public static async Task<AxeResultItem[]> ViolationsAsync(IPage page)
    {
        await ParkPointerAsync(page);
        return (await page.RunAxe()).Violations;
    }

    /// <summary>
    /// The pointer is left wherever the last click was, and what lies there now may show a tooltip; axe would then
    /// judge it halfway through its fade (white on a half-transparent grey). Park the pointer and let it go.
    /// </summary>
    public static async Task ParkPointerAsync(IPage page)
    {
        await page.Mouse.MoveAsync(1, 1);
        await Assertions.Expect(page.Locator(".mud-popover.mud-tooltip.mud-popover-open")).ToHaveCountAsync(0);
        await page.WaitForTimeoutAsync(400);
    }
}
