using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A teacher opens the seminar dashboard from the seminar page, sorts the students and opens a student's timeline by
/// keyboard, then the document's Confusion view, and from it a question's thread on the reading page. A student's
/// private note counts nowhere. axe on both views, light and dark; screenshots dashboard.png, dashboard-dark.png and confusion.png in screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class DashboardTests(AppFixture app, ITestOutputHelper output)
{
    private const string Passage = "a torch to light the way for the class";

    [Fact]
    public async Task A_teacher_reads_the_dashboard_and_the_confusion_view_by_keyboard()
    {
        await using var teacher = await app.NewReaderAsync("Dr Mara Voss");
        await using var ana = await app.NewReaderAsync("Ana Lind", joining: teacher);
        await using var ben = await app.NewReaderAsync("Ben Sato", joining: teacher);
        await ana.Reading.OpenAsync();
        await ana.Reading.AnnotateAsync(Passage, "The torch is a promise.");
        await ana.Reading.AnnotateAsync("the first revolutionary program of the world proletariat", "Private: not for counting.", visibility: "Only me");
        await AskAsync(ben, teacher.DocumentId, "Whose torch is it, and who carries it?");

        var page = teacher.Page;
        var document = await teacher.GetJsonAsync(app.RootUri, $"/api/documents/{teacher.DocumentId}");
        await page.GotoAsync($"/seminars/{document.GetProperty("seminarId").GetInt32()}");
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard: Sample seminar", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var students = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Questions asked" }).First;
        var anaRow = students.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Ana Lind" }) });
        await Expect(anaRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("1");
        var benRow = students.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Ben Sato" }) });
        await Expect(benRow.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("1");

        // Keyboard: sort by questions asked (largest first), then open Ana's timeline; focus lands on it.
        await students.GetByRole(AriaRole.Button, new() { Name = "Questions asked" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(students.GetByRole(AriaRole.Columnheader, new() { Name = "Questions asked" })).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(students.GetByRole(AriaRole.Rowheader).First).ToHaveTextAsync("Ben Sato");
        await page.GetByRole(AriaRole.Button, new() { Name = "Timeline of Ana Lind" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var timelineHeading = page.GetByRole(AriaRole.Heading, new() { Name = "Timeline of Ana Lind" });
        await Expect(timelineHeading).ToBeFocusedAsync();
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline of Ana Lind" });
        await Expect(timeline.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(timeline).ToContainTextAsync("The torch is a promise.");
        await Expect(page.GetByText("Private: not for counting.")).ToHaveCountAsync(0);
        await page.Mouse.MoveAsync(5, 890);
        await Screenshots.SaveAsync(page, "dashboard.png", output);
        await Axe.AssertNoSeriousViolationsAsync(page, "seminar dashboard", output);
        // Both views keep their contrast in the dark theme too (it stays on for the Confusion view).
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard-dark.png", output);
        await Axe.AssertNoSeriousViolationsAsync(page, "seminar dashboard, dark", output);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Confusion view of {ReadingPage.SampleTitle}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Confusion: {ReadingPage.SampleTitle}", Level = 1 })).ToBeVisibleAsync();
        var top = page.GetByRole(AriaRole.List, new() { Name = "Paragraphs, most open questions first" }).GetByRole(AriaRole.Listitem).First;
        await Expect(top).ToContainTextAsync("1 open question");
        await Expect(top).ToContainTextAsync("2 unresolved threads");
        await Expect(page.GetByText("the first revolutionary program")).ToHaveCountAsync(0);
        await page.Mouse.MoveAsync(5, 890);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "confusion view, dark", output);
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "confusion.png", output);
        await Axe.AssertNoSeriousViolationsAsync(page, "confusion view", output);

        await top.GetByRole(AriaRole.Link).Filter(new() { HasText = "Open question" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/documents/{teacher.DocumentId}?thread=*");
        await Expect(teacher.Reading.Thread("Whose torch is it, and who carries it?")).ToBeVisibleAsync();
    }

    /// <summary>A question, posted through the API: the reading page's "Ask a question" is another engineer's to build.</summary>
    private async Task AskAsync(Reader student, int documentId, string question) =>
        await student.PostJsonAsync(app.RootUri, $"/api/documents/{documentId}/annotations", new Dictionary<string, object?>
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["motivation"] = "questioning",
            ["body"] = new[] { new { type = "TextualBody", value = question, format = "text/markdown", purpose = "commenting" } },
            ["target"] = new
            {
                source = $"{app.RootUri}documents/{documentId}",
                selector = new[] { new { type = "TextQuoteSelector", exact = Passage } },
            },
        });
}
