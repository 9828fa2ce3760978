using Annotate.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>A lost connection or a reload does not cost a half-written comment.</summary>
[Collection(SeminarCollection.Name)]
public sealed class DraftRecoveryTests(AppFixture app)
{
    [Fact]
    public async Task A_half_written_comment_comes_back_after_a_reload_and_can_be_posted()
    {
        await using var reader = await app.NewReaderAsync("Elena Drafting");
        await reader.Reading.OpenAsync();
        var draft = $"Half a thought about the date of the Manifesto ({Guid.NewGuid():N})";
        await reader.Reading.SelectAsync("written and published by Marx and Engels (February 1848)");
        await reader.Reading.ComposeAsync(draft);
        // Kept once the browser has stored it (each keystroke is saved through the circuit, a moment later).
        await reader.Page.WaitForFunctionAsync(
            "text => Object.keys(localStorage).some(k => k.startsWith('annotate:draft:') && localStorage.getItem(k).includes(text))", draft);

        // A new page load is what a reader gets when the server lost their session.
        await reader.Page.ReloadAsync();
        await reader.Reading.OpenAsync();

        await Expect(reader.Reading.CommentBox).ToHaveValueAsync(draft);
        await reader.Reading.PostButton.ClickAsync();
        await Expect(reader.Reading.Thread(draft)).ToContainTextAsync("written and published by Marx and Engels (February 1848)");
    }
}
