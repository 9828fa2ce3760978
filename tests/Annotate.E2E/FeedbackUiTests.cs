using Annotate.E2E.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A teacher gives feedback through the reading page; the student sees it live, finds it in their
/// Feedback view, and the teacher's overview counts it. Screenshots of each view go to screenshots-tmp/
/// (ANNOTATE_UPDATE_SCREENSHOTS=1 writes docs/screenshots/ instead).
/// </summary>
[Collection(FeedbackCollection.Name)]
public sealed class FeedbackUiTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Teacher_gives_feedback_in_a_students_thread_and_the_student_reads_it_in_the_feedback_view()
    {
        // The teacher's own sample seminar; the students join it by its code.
        await using var teacher = await app.NewReaderAsync("Dr Irene Adler");
        await using var ana = await app.NewReaderAsync("Ana Costa", joining: teacher);
        await using var ben = await app.NewReaderAsync("Ben Okafor", joining: teacher);
        await teacher.Reading.OpenAsync();
        await ana.Reading.OpenAsync();
        await ben.Reading.OpenAsync();

        const string question = "Is internationalism here a moral duty or a strategy?";
        await ana.Reading.AnnotateAsync("a torch to light the way for the class", question, visibility: "Me and the teachers");

        var thread = teacher.Reading.Thread(question);
        await Expect(thread).ToBeVisibleAsync();
        await thread.GetByRole(AriaRole.Button, new() { Name = "Give feedback to Ana Costa" }).ClickAsync();
        const string feedback = "Both: find the sentence where the Manifesto ties the two together, and quote it.";
        await thread.GetByRole(AriaRole.Textbox, new() { Name = "Feedback for Ana Costa" }).FillAsync(feedback);
        await thread.GetByRole(AriaRole.Button, new() { Name = "Send feedback", Exact = true }).ClickAsync();

        // Live at Ana's, marked as hers.
        var anasThread = ana.Reading.Thread(question);
        await Expect(anasThread).ToContainTextAsync(feedback);
        await Expect(anasThread).ToContainTextAsync("Feedback for you");

        // Ben posts after both; his own comment arriving at his page is the barrier.
        const string bens = "The torch image returns in the 1872 preface.";
        await ben.Reading.AnnotateAsync("the first revolutionary program of the world proletariat", bens);
        await Expect(ana.Reading.Thread(bens)).ToBeVisibleAsync();
        await Expect(ben.Page.GetByText(question)).ToHaveCountAsync(0);
        await Expect(ben.Page.GetByText(feedback)).ToHaveCountAsync(0);

        // The teacher marks Ben's comment as exemplary; everyone who sees it sees the mark.
        var bensThread = teacher.Reading.Thread(bens);
        await bensThread.GetByRole(AriaRole.Button, new() { Name = "Mark exemplary: Ben Okafor's annotation" }).ClickAsync();
        await Expect(ben.Reading.Thread(bens)).ToContainTextAsync("Exemplary");
        await SettleAsync(teacher.Page);
        await ScreenshotAsync(teacher.Page, "feedback-teacher.png");
        await AssertNoSeriousAxeViolationsAsync(teacher.Page, "Reading page with feedback (teacher)");

        // Ana's app bar counts the unread feedback; the Feedback view lists it with its passage.
        var feedbackLink = ana.Page.GetByRole(AriaRole.Link, new() { Name = "Feedback, 1 unread" });
        await feedbackLink.ClickAsync();
        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Name = "Feedback", Exact = true })).ToBeVisibleAsync();
        var item = ana.Page.GetByRole(AriaRole.Article, new() { Name = "Feedback from Dr Irene Adler" });
        await Expect(item).ToContainTextAsync(feedback);
        await Expect(item).ToContainTextAsync("a torch to light the way for the class");
        await Expect(item).ToContainTextAsync("New");
        await ana.Page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await ScreenshotAsync(ana.Page, "feedback-view.png");
        await AssertNoSeriousAxeViolationsAsync(ana.Page, "Feedback view");
        await item.GetByRole(AriaRole.Button, new() { Name = "Mark as read: feedback from Dr Irene Adler" }).ClickAsync();
        await Expect(item).Not.ToContainTextAsync("New");
        await Expect(ana.Page.GetByRole(AriaRole.Link, new() { Name = "Feedback", Exact = true })).ToBeVisibleAsync();

        // Ben's Feedback view is empty.
        await ben.Page.GotoAsync("/feedback");
        await Expect(ben.Page.GetByText("No feedback yet.")).ToBeVisibleAsync();

        // The teacher's overview counts both students' posts.
        await teacher.Page.GotoAsync($"/documents/{teacher.DocumentId}/overview");
        await teacher.Page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await ScreenshotAsync(teacher.Page, "overview.png");
        await AssertNoSeriousAxeViolationsAsync(teacher.Page, "Overview");
        var table = teacher.Page.GetByRole(AriaRole.Table).First;
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ana Costa" })).ToContainTextAsync("1");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ben Okafor" })).ToBeVisibleAsync();

        // Ben's posts are read when his menu opens; the one link there opens his thread on the reading page.
        await teacher.Page.GetByRole(AriaRole.Button, new() { Name = "1 post by Ben Okafor" }).ClickAsync();
        var link = teacher.Page.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = "Thread on" });
        await Expect(link).ToContainTextAsync("the first revolutionary program of the world proletariat");
        await ScreenshotAsync(teacher.Page, "overview-posts.png");
        await link.ClickAsync();
        // Blazor follows the link on the page itself (no load event to wait for): the address is polled instead.
        await Expect(teacher.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+\?thread="));
        await Expect(teacher.Reading.Thread(bens)).ToBeVisibleAsync();
    }

    private Task AssertNoSeriousAxeViolationsAsync(IPage page, string what) => Axe.AssertNoSeriousViolationsAsync(page, what, output);

    private static async Task SettleAsync(IPage page)
    {
        await page.Mouse.MoveAsync(5, 890);
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        await page.WaitForTimeoutAsync(1700); // the flash of a newly selected highlight fades out
    }

    private Task ScreenshotAsync(IPage page, string name) => Screenshots.SaveAsync(page, name, output, shownInDocs: true);
}
