using Annotate.E2E.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The reading page's shortcuts in a browser (issue 14, Keyboard): a to annotate the selection, j/k between threads,
/// r to reply, Enter between a highlight and its thread, ? for the help dialog (focus held inside, given back), and
/// single keys turned off there, remembered over a reload. Keys typed into a comment box stay text.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class KeyboardShortcutsTests(AppFixture app, ITestOutputHelper output)
{
    private const string Torch = "a torch to light the way for the class";
    private const string Industry = "large industry creates everywhere the same relations";
    private const string Cause = "the objective cause of this attribute";

    private const string FocusedPosition = "() => document.activeElement?.getAttribute('aria-posinset') ?? ''";

    private static ILocator HelpDialog(IPage page) => page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });

    /// <summary>The dialog is open and has taken focus (its focus trap moves focus in just after it shows).</summary>
    private static async Task HelpOpenedAsync(IPage page)
    {
        await Expect(HelpDialog(page)).ToBeVisibleAsync();
        // This dialog itself, not the first element of the page with the role (the bell's panel is one too).
        await Expect(HelpDialog(page).Locator(":focus")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Annotate_move_between_threads_reply_and_open_the_help_with_single_keys()
    {
        await using var reader = await app.NewReaderAsync("Kim Shortcuts");
        var page = reader.Page;
        var reading = reader.Reading;
        await reading.OpenAsync();
        var first = await reading.AnnotateAsync(Torch, $"Torch ({Guid.NewGuid():N})");

        // a: annotate the passage selected in the text.
        await reading.SelectAsync(Industry);
        await page.Keyboard.PressAsync("a");
        await Expect(reading.CommentBox).ToBeFocusedAsync();
        // Shortcut letters typed into the comment box are text, not commands.
        var comment = $"Industry jk ar ({Guid.NewGuid():N})";
        await page.Keyboard.TypeAsync(comment);
        await Expect(reading.CommentBox).ToHaveValueAsync(comment);
        await Expect(HelpDialog(page)).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+Enter");
        var second = await reading.ThreadIdAsync(comment);

        // j and k: from the thread just posted (selected) to the one before, back, and before again; none past either end.
        await page.Keyboard.PressAsync("k");
        await Expect(page.Locator($"#thread-{first}")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("k");
        await Expect(page.Locator($"#thread-{first}")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator($"#thread-{second}")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator($"#thread-{second}")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("k");
        await Expect(page.Locator($"#thread-{first}")).ToBeFocusedAsync();

        // Enter on a thread shows its passage (the caret on its highlight in the text); Enter there goes back.
        await page.Keyboard.PressAsync("Enter");
        await Expect(reading.Article).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>(
            "key => !!document.getSelection().focusNode?.parentElement?.closest(`mark[data-t~=\"${key}\"]`)", ReadingPage.KeyOf(first)));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#thread-{first}")).ToBeFocusedAsync();

        // r: reply to the focused thread.
        await page.Keyboard.PressAsync("r");
        var replyBox = page.Locator($"#thread-{first}").GetByRole(AriaRole.Textbox, new() { Name = "Your reply" });
        await Expect(replyBox).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("j");
        await Expect(replyBox).ToHaveValueAsync("j");
        await page.Keyboard.PressAsync("Escape");

        // ?: the help, focus kept inside it, and given back when it closes.
        await page.Locator($"#thread-{second}").FocusAsync();
        await page.Keyboard.PressAsync("?");
        var dialog = HelpDialog(page);
        await HelpOpenedAsync(page);
        await Expect(dialog.GetByRole(AriaRole.Cell, new() { Name = "Next thread", Exact = true })).ToBeVisibleAsync();
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"),
                $"Tab {i + 1} took focus out of the dialog, to {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'")}.");
        }
        await Screenshots.SaveAsync(page, "reading-shortcuts-dialog.png", output);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator($"#thread-{second}")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Single_keys_turned_off_in_the_help_do_nothing_and_stay_off_after_a_reload()
    {
        await using var reader = await app.NewReaderAsync("Lan Shortcuts Off");
        var page = reader.Page;
        var reading = reader.Reading;
        await reading.OpenAsync();
        var thread = await reading.AnnotateAsync(Cause, $"Cause ({Guid.NewGuid():N})");

        var button = page.GetByRole(AriaRole.Button, new() { Name = "Keyboard shortcuts" });
        await button.ClickAsync();
        await HelpOpenedAsync(page);
        var dialog = HelpDialog(page);
        var toggle = dialog.GetByRole(AriaRole.Switch, new() { Name = "Single-key shortcuts (j, k, a, r, ?)" });
        await Expect(toggle).ToBeCheckedAsync();
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(toggle).Not.ToBeCheckedAsync();
        await Expect(dialog).ToContainTextAsync("Single-key shortcuts are off in this browser");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).First.ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(button).ToBeFocusedAsync();

        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator($"#thread-{thread}")).Not.ToBeFocusedAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await reading.OpenAsync();
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("?");
        Assert.Equal("", await page.EvaluateAsync<string>(FocusedPosition));
        await Expect(dialog).ToHaveCountAsync(0);

        // Turned on again from the button, they act again.
        await button.ClickAsync();
        await HelpOpenedAsync(page);
        await Expect(toggle).Not.ToBeCheckedAsync();
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(toggle).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator($"#thread-{thread}")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_reading_page_with_its_help_dialog_open_has_no_serious_axe_violations()
    {
        await using var reader = await app.NewReaderAsync("Mai Shortcuts Axe");
        var page = reader.Page;
        await reader.Reading.OpenAsync();
        await reader.Reading.AnnotateAsync(Torch, $"Torch ({Guid.NewGuid():N})");
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("?");
        await HelpOpenedAsync(page);

        await Axe.AssertNoSeriousViolationsAsync(page, "Reading page with the shortcuts' help", output);
    }
}
