using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The live region speaks (issue 15): what one reader posts is said in the other's polite status region, never in
/// the poster's own; a reply too.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class LiveRegionTests(AppFixture app, ITestOutputHelper output)
{
    private const string Passage = "a torch to light the way for the class";

    private static ILocator Region(IPage page) => page.Locator("[role=status][aria-live=polite][data-testid=live-announcements]");

    [Fact]
    public async Task A_comment_and_a_reply_posted_in_one_browser_are_announced_in_the_other()
    {
        await using var ana = await app.NewReaderAsync("Ana Region");
        await using var binh = await app.NewReaderAsync("Binh Region", joining: ana);
        await ana.Reading.OpenAsync();
        await binh.Reading.OpenAsync();
        await Expect(Region(ana.Page)).ToHaveCountAsync(1);

        var comment = $"Whose torch? ({Guid.NewGuid():N})";
        await binh.Reading.AnnotateAsync(Passage, comment);

        await Expect(Region(ana.Page)).ToHaveTextAsync("New comment by Binh Region on paragraph 2", new() { Timeout = 15_000 });
        await Expect(ana.Reading.Thread(comment)).ToBeVisibleAsync();
        // The heat beside the paragraph followed too (the screenshot shows it).
        var heat = ana.Page.Locator("#p-2 .heat");
        await Expect(heat).ToContainTextAsync("Paragraph 2: 1 thread.");
        await heat.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(ana.Page, "reading-heat.png", output);

        var thread = ana.Reading.Thread(comment);
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await thread.GetByRole(AriaRole.Textbox, new() { Name = "Your reply" }).FillAsync("Everyone's.");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Post reply", Exact = true }).ClickAsync();

        await Expect(Region(binh.Page)).ToHaveTextAsync("New reply by Ana Region on paragraph 2", new() { Timeout = 15_000 });
        // The poster's own region said nothing of their own posts.
        await Expect(Region(ana.Page)).ToHaveTextAsync("New comment by Binh Region on paragraph 2");
    }
}
