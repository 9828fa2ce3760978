using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A student searches the seminar from the reading page by keyboard, sees their classmate's comment with the
/// passage in its paragraph and the word marked (and not the teacher's private note with the same word), and
/// opens it in the text. Screenshot: screenshots-tmp/search-results.png.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class SearchTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_student_searches_the_seminar_and_opens_a_result_at_its_passage()
    {
        await using var teacher = await app.NewReaderAsync("Dr Mara Voss");
        await using var ana = await app.NewReaderAsync("Ana Lind", joining: teacher);
        await using var ben = await app.NewReaderAsync("Ben Sato", joining: teacher);
        await teacher.Reading.OpenAsync();
        await ana.Reading.OpenAsync();
        const string comment = "The torch is a promise: the class that leads the way for every other.";
        await ana.Reading.AnnotateAsync("a torch to light the way for the class", comment);
        await teacher.Reading.AnnotateAsync("the first revolutionary program of the world proletariat", "Torch again? My private reminder.", visibility: "Only me");

        await ben.Reading.OpenAsync();
        await Screenshots.SaveAsync(ben.Page, "reading-page-search-link.png", output);
        await ben.Page.GetByRole(AriaRole.Link, new() { Name = "Search the seminar" }).ClickAsync();
        await Expect(ben.Page.GetByRole(AriaRole.Heading, new() { Name = "Search", Exact = true })).ToBeVisibleAsync();
        await ben.Page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(ben.Page.GetByRole(AriaRole.Group).Filter(new() { HasText = "Search syntax" })).ToContainTextAsync("is:unanswered");
        await ben.Page.Mouse.MoveAsync(5, 890);
        await Screenshots.SaveAsync(ben.Page, "search-empty.png", output);
        var field = ben.Page.GetByRole(AriaRole.Textbox, new() { Name = "Search", Exact = true });
        await field.FocusAsync();
        await ben.Page.Keyboard.TypeAsync("torch");
        await ben.Page.Keyboard.PressAsync("Enter");

        var results = ben.Page.GetByRole(AriaRole.Feed);
        var result = results.GetByRole(AriaRole.Article);
        await Expect(result).ToHaveCountAsync(1);
        await Expect(ben.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 result");
        await Expect(result).ToContainTextAsync(comment);
        await Expect(result).ToContainTextAsync("Ana Lind");
        await Expect(result.Locator("mark.search-passage-mark")).ToHaveTextAsync("a torch to light the way for the class");
        await Expect(result.Locator("mark.search-hit")).ToHaveTextAsync("torch");
        await Expect(ben.Page.GetByText("My private reminder")).ToHaveCountAsync(0);
        Assert.Contains("q=torch", ben.Page.Url);
        await ben.Page.Mouse.MoveAsync(5, 890);
        await Screenshots.SaveAsync(ben.Page, "search-results.png", output);
        await Axe.AssertNoSeriousViolationsAsync(ben.Page, "search page", output);
        // The marks keep their contrast in the dark theme too.
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(ben.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(ben.Page, "search-results-dark.png", output);
        await Axe.AssertNoSeriousViolationsAsync(ben.Page, "search page, dark", output);
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" }).ClickAsync();

        // Keyboard to the result's link, Enter: the reading page opens with the thread selected at its passage.
        await result.GetByRole(AriaRole.Link, new() { Name = "Open in the text" }).FocusAsync();
        await ben.Page.Keyboard.PressAsync("Enter");
        await ben.Page.WaitForURLAsync($"**/documents/{teacher.DocumentId}?thread=*");
        await Expect(ben.Reading.Article).ToBeVisibleAsync();
        await Expect(ben.Reading.Thread(comment)).ToBeVisibleAsync();
        await Expect(ben.Reading.Thread(comment)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));

        // The seminar page has the field too; a search nothing matches says so.
        await ben.Page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Sample seminar" }).ClickAsync();
        await ben.Page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await ben.Page.GetByRole(AriaRole.Textbox, new() { Name = "Search", Exact = true }).FillAsync("unicorns");
        await ben.Page.Mouse.MoveAsync(5, 890);
        await Screenshots.SaveAsync(ben.Page, "seminar-search-field.png", output);
        await ben.Page.Keyboard.PressAsync("Enter");
        await Expect(ben.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("No results for unicorns");
    }
}
