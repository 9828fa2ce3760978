using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>axe-core on what a page shows now: every violation in the test output, none serious or critical allowed.</summary>
public static class Axe
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
            output.WriteLine($"axe {what}: [{violation.Impact}] {violation.Id}: {violation.Help}: {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
    }
}
