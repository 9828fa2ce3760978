using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// Screen readers and keyboards on the reading page (issue 16): focus goes somewhere sensible after posting (the new
/// thread), replying (the new reply) and deleting (the thread's reply: its thread; a thread: the next one, or the
/// list's heading when none is left); the text and the thread list are landmarks with names.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class FocusTests(AppFixture app)
{
    private const string Torch = "a torch to light the way for the class";
    private const string Industry = "large industry creates everywhere the same relations";

    [Fact]
    public async Task Focus_follows_posting_replying_and_deleting()
    {
        await using var reader = await app.NewReaderAsync("Vy Focus");
        var page = reader.Page;
        var reading = reader.Reading;
        await reading.OpenAsync();

        // Posting: the new thread takes focus from the editor, which is gone.
        await reading.SelectAsync(Torch);
        var torchComment = $"Torch ({Guid.NewGuid():N})";
        await reading.ComposeAsync(torchComment);
        await reading.PostButton.ClickAsync();
        var torch = await reading.ThreadIdAsync(torchComment);
        await Expect(page.Locator($"#thread-{torch}")).ToBeFocusedAsync();
        var industry = await reading.AnnotateAsync(Industry, $"Industry ({Guid.NewGuid():N})");
        await Expect(page.Locator($"#thread-{industry}")).ToBeFocusedAsync();

        // Replying: the new reply.
        var card = page.Locator($"#thread-{torch}");
        await card.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        var replyText = $"A reply ({Guid.NewGuid():N})";
        await card.GetByRole(AriaRole.Textbox, new() { Name = "Your reply" }).FillAsync(replyText);
        await card.GetByRole(AriaRole.Button, new() { Name = "Post reply", Exact = true }).ClickAsync();
        var reply = card.Locator(".thread-reply").Filter(new() { HasText = replyText });
        await Expect(reply).ToBeFocusedAsync();

        // Deleting the reply: its thread.
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete reply", Exact = true }).ClickAsync();
        await ConfirmAsync(page);
        await Expect(reply).ToHaveCountAsync(0);
        await Expect(card).ToBeFocusedAsync();

        // Deleting the first thread: the next one.
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete thread", Exact = true }).ClickAsync();
        await ConfirmAsync(page);
        await Expect(card).ToHaveCountAsync(0);
        await Expect(page.Locator($"#thread-{industry}")).ToBeFocusedAsync();

        // Deleting the last: the list's heading.
        await page.Locator($"#thread-{industry}").GetByRole(AriaRole.Button, new() { Name = "Delete thread", Exact = true }).ClickAsync();
        await ConfirmAsync(page);
        await Expect(page.Locator($"#thread-{industry}")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Discussion", Exact = false }).And(page.Locator("#discussion-heading")))
            .ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_text_and_the_thread_list_are_named_landmarks()
    {
        await using var reader = await app.NewReaderAsync("Tam Landmarks");
        var page = reader.Page;
        await reader.Reading.OpenAsync();
        var main = page.GetByRole(AriaRole.Main);
        await Expect(main).ToHaveCountAsync(1);
        // The text: a region named by the document's title, holding the article.
        var text = main.GetByRole(AriaRole.Region, new() { Name = ReadingPage.SampleTitle, Exact = true });
        await Expect(text).ToBeVisibleAsync();
        await Expect(text.GetByRole(AriaRole.Article, new() { Name = ReadingPage.SampleTitle, Exact = true })).ToBeVisibleAsync();
        // The discussion: a complementary landmark with its name, holding the list's heading.
        var discussion = main.GetByRole(AriaRole.Complementary, new() { Name = "Discussion", Exact = true });
        await Expect(discussion).ToBeVisibleAsync();
        await Expect(discussion.GetByRole(AriaRole.Heading, new() { Name = "Discussion" })).ToBeVisibleAsync();
        var tree = await page.Locator("body").AriaSnapshotAsync();
        Assert.Contains($"region \"{ReadingPage.SampleTitle}\"", tree);
        Assert.Contains("complementary \"Discussion\"", tree);
    }

    private static Task ConfirmAsync(IPage page) =>
        page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
}
