using System.Buffers.Binary;
using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The reading page as the README shows it: two people, comments, a reply and a highlight.
/// Writes screenshots-tmp/reading-page.png (ignored by git); with ANNOTATE_UPDATE_SCREENSHOTS=1 it
/// refreshes docs/screenshots/reading-page.png instead.
/// </summary>
[Collection(ScreenshotCollection.Name)]
public sealed class ScreenshotTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Reading_page_with_a_discussion()
    {
        await using var maria = await app.NewReaderAsync("Maria Keller", "maria.keller@example.org");
        await using var jonas = await app.NewReaderAsync("Jonas Weber", "jonas.weber@example.org", joining: maria);
        await maria.Reading.OpenAsync();
        await jonas.Reading.OpenAsync();

        const string question = "The abstract calls it a *system*. Does the Manifesto itself ever use the word?";
        await maria.Reading.AnnotateAsync("the important theoretical system of Marxism-Leninism", question, shownAs: "ever use the word?");
        const string torch = "A striking image for a party programme. Who carries the torch in 1848, and who after?";
        await maria.Reading.AnnotateAsync("a torch to light the way for the class", torch);

        await jonas.Reading.HighlightAsync("a deep division in production relations");
        await jonas.Reading.AnnotateAsync("the first revolutionary program of the world proletariat",
            "Compare the **1872 preface**: Marx and Engels call parts of the programme *antiquated*.", shownAs: "1872 preface");
        var thread = jonas.Reading.Thread("Does the Manifesto itself ever use the word?");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await thread.GetByRole(AriaRole.Textbox, new() { Name = "Your reply" })
            .FillAsync("Not in those words: it speaks of the *common interests* of the proletariat, independently of all nationality.");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Post reply", Exact = true }).ClickAsync();

        var page = maria.Page;
        await Expect(maria.Reading.Thread("common interests")).ToBeVisibleAsync();
        await Expect(maria.Reading.Thread("1872 preface")).ToBeVisibleAsync();
        await Expect(maria.Reading.ReadingNow).ToContainTextAsync("Jonas Weber");
        await page.Mouse.MoveAsync(5, 890);
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        await page.WaitForTimeoutAsync(1700); // the flash of a newly selected highlight fades out

        var path = await Screenshots.SaveAsync(page, "reading-page.png", output, shownInDocs: true);

        var header = File.ReadAllBytes(path).AsSpan(16, 8);
        Assert.Equal(1400, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }
}
