using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The app on a 390×844 touch phone (issue 16, Phones and tablets): the app bar folds into a menu; a passage selected
/// without a mouse (a long-press cannot be synthesised: the selection is set by a Range, then only taps) is annotated
/// and a desktop reader sees it live; the discussion is a panel over the text that a highlight opens with its thread
/// in view, and closing it gives focus back; Enter between a highlight and its thread works in the panel too.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class PhoneTests(AppFixture app, ITestOutputHelper output)
{
    private const string Torch = "a torch to light the way for the class";
    private const string Industry = "large industry creates everywhere the same relations";

    [Fact]
    public async Task A_passage_selected_by_touch_is_annotated_and_a_desktop_reader_sees_it_live()
    {
        await using var teacher = await app.NewReaderAsync("Thu Desktop");
        await using var student = await app.NewReaderAsync("Linh Phone", joining: teacher);
        await using var phone = await student.OnPhoneAsync(app);
        var page = phone.Page;
        await teacher.Reading.OpenAsync();
        await phone.Reading.OpenOnPhoneAsync();
        Assert.False(await Phones.ScrollsSidewaysAsync(page), "The reading page scrolls sideways on a 390 px phone.");

        // The selection changes without a mouse event; the page hears it (selectionchange) and offers its buttons.
        await phone.Reading.SelectAsync(Torch);
        Assert.False(await Phones.ScrollsSidewaysAsync(page), "The selection's buttons run off a 390 px screen.");
        await phone.Reading.AnnotateButton.TapAsync();
        // The editor is in the discussion, which opens over the text for it.
        await Expect(phone.Reading.CommentBox).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Discussion", Exact = true })).ToBeInViewportAsync();
        var comment = $"Written on a phone ({Guid.NewGuid():N})";
        await phone.Reading.CommentBox.FillAsync(comment);
        await phone.Reading.PostButton.TapAsync();

        // The new thread takes focus, in the panel; the desktop reader sees it without reloading.
        var card = phone.Reading.Thread(comment);
        await Expect(card).ToBeFocusedAsync();
        await Expect(card).ToBeInViewportAsync();
        await Expect(teacher.Reading.Thread(comment)).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(teacher.Reading.Thread(comment)).ToHaveAccessibleNameAsync("Thread by Linh Phone");
        await Screenshots.SaveAsync(page, "reading-phone-posted.png", output);
    }

    [Fact]
    public async Task A_highlight_opens_its_thread_in_the_panel_and_closing_it_gives_focus_back()
    {
        await using var desktop = await app.NewReaderAsync("Quang Phone");
        await desktop.Reading.OpenAsync();
        var first = await desktop.Reading.AnnotateAsync(Industry, $"Industry ({Guid.NewGuid():N})");
        var torch = await desktop.Reading.AnnotateAsync(Torch, $"Torch ({Guid.NewGuid():N})");
        await using var phone = await desktop.OnPhoneAsync(app);
        var page = phone.Page;
        var reading = phone.Reading;
        await reading.OpenOnPhoneAsync();
        var panel = page.GetByRole(AriaRole.Complementary, new() { Name = "Discussion", Exact = true });
        await Expect(panel).ToBeHiddenAsync();
        await Expect(Phones.DiscussionButton(page)).ToHaveTextAsync("Discussion (2)");
        await Expect(Phones.DiscussionButton(page)).ToHaveAttributeAsync("aria-expanded", "false");

        // A tap on a highlight: the panel opens with that thread in view and focused.
        await reading.MarksOf(torch).First.TapAsync();
        await Expect(panel).ToBeVisibleAsync();
        await Expect(page.Locator($"#thread-{torch}")).ToBeFocusedAsync();
        await Expect(page.Locator($"#thread-{torch}")).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "reading-phone-panel.png", output);
        // Its close button: the panel goes, focus goes back to the text the highlight is in.
        await Phones.CloseDiscussion(page).TapAsync();
        await Expect(panel).ToBeHiddenAsync();
        await Expect(reading.Article).ToBeFocusedAsync();

        // Its button opens it (focus inside), Escape closes it and focus goes back to the button.
        await Phones.DiscussionButton(page).TapAsync();
        await Expect(Phones.CloseDiscussion(page)).ToBeFocusedAsync();
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Discussion" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        await Expect(Phones.DiscussionButton(page)).ToBeFocusedAsync();

        // The keyboard: Enter on a highlight opens its thread in the panel; Enter on the thread goes back to the text.
        await reading.Article.FocusAsync();
        await page.EvaluateAsync("key => document.getSelection().collapse(document.querySelector(`article mark[data-t~=\"${key}\"]`).firstChild, 1)",
            ReadingPage.KeyOf(first));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#thread-{first}")).ToBeFocusedAsync();
        await Expect(panel).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(reading.Article).ToBeFocusedAsync();
        await Expect(panel).ToBeHiddenAsync();
        await Expect(reading.MarksOf(first).First).ToBeInViewportAsync();
    }

    [Fact]
    public async Task The_app_bar_folds_into_a_menu_on_a_phone_and_stands_in_one_line_on_a_desktop()
    {
        await using var desktop = await app.NewReaderAsync("Hoa Menu");
        await using var phone = await desktop.OnPhoneAsync(app);
        var page = phone.Page;
        await page.GotoAsync("/");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true });
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });
        await Expect(menu).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(signOut).ToBeHiddenAsync();
        // The bell stays in the bar, which keeps to one line.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications" })).ToBeVisibleAsync();
        Assert.True(await AppBarHeightAsync(page) <= 64, "The app bar wraps onto a second line at 390 px.");

        await menu.TapAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        foreach (var item in new[] { signOut, page.GetByRole(AriaRole.Link, new() { Name = "Feedback", Exact = true }),
                     page.GetByRole(AriaRole.Link, new() { Name = "Hoa Menu" }), page.GetByRole(AriaRole.Group, new() { Name = "Language", Exact = true }),
                     page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }) })
            await Expect(item).ToBeVisibleAsync();
        Assert.False(await Phones.ScrollsSidewaysAsync(page), "The open menu makes the page scroll sideways.");
        await Screenshots.SaveAsync(page, "app-bar-phone-menu.png", output);
        await page.Keyboard.PressAsync("Escape");
        await Expect(signOut).ToBeHiddenAsync();
        await Expect(menu).ToBeFocusedAsync();

        // The static account pages (no live circuit) have the menu too.
        await page.GotoAsync("/Account/Manage");
        await menu.TapAsync();
        await Expect(signOut).ToBeVisibleAsync();
        // A tap outside the open menu closes it.
        await page.Touchscreen.TapAsync(Phones.Size.Width / 2f, Phones.Size.Height - 40);
        await Expect(signOut).ToBeHiddenAsync();

        // On a desktop nothing is folded.
        await desktop.Page.GotoAsync("/");
        await Expect(desktop.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(desktop.Page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true })).ToBeHiddenAsync();
        Assert.True(await AppBarHeightAsync(desktop.Page) <= 64, "The desktop app bar wraps.");
    }

    private static Task<double> AppBarHeightAsync(IPage page) =>
        page.EvaluateAsync<double>("() => document.querySelector('.mud-appbar').getBoundingClientRect().height");
}
