using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The reading page's Export menu in a real browser: the dialog's Download is a plain link that the
/// sign-in cookie authenticates, the file arrives as a download and the page stays where it was.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class ExportTests(AppFixture app)
{
    [Fact]
    public async Task The_Export_menu_downloads_the_readers_own_threads_as_Markdown()
    {
        await using var reader = await app.NewReaderAsync("Nadia Exporting");
        await reader.Reading.OpenAsync();
        var comment = $"Worth keeping ({Guid.NewGuid():N})";
        await reader.Reading.AnnotateAsync("large industry creates everywhere the same relations", comment);
        var page = reader.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Export", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Markdown…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Export" });
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Only threads I started or replied in" }).CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => dialog.GetByRole(AriaRole.Link, new() { Name = "Download" }).ClickAsync());

        Assert.Matches(@"^proletarian-internationalism-in-the-communist-manifesto-annotations-\d{4}-\d\d-\d\d\.md$", download.SuggestedFilename);
        var markdown = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith($"# {ReadingPage.SampleTitle}", markdown);
        Assert.Contains("**Contains:** Threads you started or replied in, and feedback for you. 1 thread, 1 annotation.", markdown);
        Assert.Contains("> large industry creates everywhere the same relations", markdown);
        Assert.Contains(comment, markdown);
        await Expect(reader.Reading.Thread(comment)).ToBeVisibleAsync();
    }
}
