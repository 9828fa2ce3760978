using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// An "@" typed in the middle of a comment (not only at its end) offers the seminar's members; the one picked is
/// written there, at the caret, and the rest of the comment stays after it.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class MentionAtCaretTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_member_picked_after_an_at_sign_typed_mid_text_is_mentioned_at_the_caret()
    {
        await using var teacher = await app.NewReaderAsync("Mira Mentor");
        await using var student = await app.NewReaderAsync("Quang Student", joining: teacher);
        var reading = teacher.Reading;
        await reading.OpenAsync();
        await reading.SelectAsync("large industry creates everywhere the same relations");
        await reading.ComposeAsync("Thanks, for the reading list.");

        // The caret back to just after "Thanks", then a mention typed there.
        await reading.CommentBox.PressAsync("End");
        for (var i = 0; i < ", for the reading list.".Length; i++) await reading.CommentBox.PressAsync("ArrowLeft");
        await reading.CommentBox.PressSequentiallyAsync(" @Qua");

        var option = teacher.Page.GetByRole(AriaRole.Listbox, new() { Name = "Mention someone who can see this" })
            .GetByRole(AriaRole.Option, new() { Name = "@Quang Student" });
        await Expect(option).ToBeVisibleAsync();
        await Screenshots.SaveAsync(teacher.Page, "mention-at-caret.png", output);
        await option.ClickAsync();

        await Expect(reading.CommentBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(
            @"^Thanks @\[Quang Student\]\(user:[0-9a-f-]+\), for the reading list\.$"));
        await Expect(reading.CommentBox).ToBeFocusedAsync();
        // Typing goes on where the mention ends.
        await teacher.Page.Keyboard.TypeAsync("!");
        await Expect(reading.CommentBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\)!, for the reading list\.$"));

        await reading.PostButton.ClickAsync();
        await Expect(reading.Thread("for the reading list")).ToContainTextAsync("Thanks @Quang Student!, for the reading list.");
    }
}
