using Annotate.E2E.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>axe-core over the reading page in its busiest state: highlights in the text and the editor open.</summary>
[Collection(SeminarCollection.Name)]
public sealed class AccessibilityTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Reading_page_with_annotations_and_open_editor_has_no_serious_axe_violations(ColorScheme scheme)
    {
        await using var reader = await app.NewReaderAsync($"Fatima Axe {scheme}");
        await reader.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
        await reader.Reading.OpenAsync();
        var comment = $"Large industry as the common ground ({Guid.NewGuid():N})";
        var threadId = await reader.Reading.AnnotateAsync("large industry creates everywhere the same relations", comment);
        await Expect(reader.Reading.MarksOf(threadId).First).ToBeVisibleAsync();
        await reader.Reading.SelectAsync("the objective cause of this attribute");
        await reader.Reading.ComposeAsync("Half-written thought");

        await Axe.ParkPointerAsync(reader.Page);
        var result = await reader.Page.RunAxe();

        foreach (var violation in result.Violations)
        {
            output.WriteLine($"[{violation.Impact}] {violation.Id}: {violation.Help}, {violation.Nodes.Length} element(s) ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(5))
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message);
                output.WriteLine($"    {node.Target}  {node.Html}  {string.Join("; ", checks)}");
            }
        }
        output.WriteLine($"axe ({scheme}): {result.Violations.Length} violation(s), {result.Passes.Length} passed rule(s), {result.Incomplete.Length} to review by hand.");
        foreach (var review in result.Incomplete)
            output.WriteLine($"    to review: {review.Id} on {review.Nodes.Length} element(s), e.g. {review.Nodes.FirstOrDefault()?.Html}");
        Assert.DoesNotContain(result.Violations, v => Blocking.Contains(v.Impact));
    }
}
