using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>Annotating without a mouse: reach the article, select with the arrow keys, write and post.</summary>
[Collection(SeminarCollection.Name)]
public sealed class KeyboardOnlyTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_passage_can_be_selected_and_annotated_with_the_keyboard_alone()
    {
        await using var reader = await app.NewReaderAsync("Esther Keys");
        var page = reader.Page;
        var reading = reader.Reading;
        await reading.OpenAsync();

        // From wherever the page put focus, Tab along until the article itself has it.
        var presses = await BrowserWait.PressUntilFocusedAsync(page, reading.Article);
        output.WriteLine($"Tab pressed {presses} times to reach the article.");

        // The first Down puts the caret into the first block (the ABSTRACT heading); each further Down moves one block.
        // Blocks: ABSTRACT, ¶1, INTRODUCTION, ¶2.
        for (var i = 0; i < 4; i++) await page.Keyboard.PressAsync("ArrowDown");
        // ¶2 opens with: The "Communist Manifesto” was written… Word by word (the opening quote counts as one),
        // then the closing quote character by character.
        for (var i = 0; i < 4; i++) await page.Keyboard.PressAsync("Control+Shift+ArrowRight");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        const string selected = "The \"Communist Manifesto”";
        Assert.Equal(selected, (await page.EvaluateAsync<string>("() => document.getSelection().toString()")).Trim());

        await reading.SelectionShownAsync();
        await BrowserWait.PressUntilFocusedAsync(page, reading.AnnotateButton, maxPresses: 5);
        await page.Keyboard.PressAsync("Enter");

        await Expect(reading.CommentBox).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "New annotation" }).Locator("blockquote")).ToHaveTextAsync(selected);
        var comment = $"Why the curly closing quote? ({Guid.NewGuid():N})";
        await page.Keyboard.TypeAsync(comment);
        await BrowserWait.PressUntilFocusedAsync(page, reading.PostButton, maxPresses: 10);
        await page.Keyboard.PressAsync("Enter");

        var thread = reading.Thread(comment);
        await Expect(thread).ToBeVisibleAsync();
        await Expect(thread).ToHaveAccessibleNameAsync("Thread by Esther Keys");
        await Expect(thread.GetByRole(AriaRole.Button, new() { Name = $"Show the passage in paragraph 2: {selected}", Exact = true }))
            .ToBeVisibleAsync();
        var threadId = await reading.ThreadIdAsync(comment);
        Assert.Equal(selected, string.Concat(await reading.MarksOf(threadId).AllTextContentsAsync()));
        await Expect(reading.CommentBox).ToHaveCountAsync(0);
    }
}
