using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// Two browsers: a student asks a question with the toolbar's "Ask a question"; the teacher's "I have this question
/// too" and upvote reach the student live, and the student marking the teacher's reply as the answer reaches the teacher live.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class QuestionsLiveTests(AppFixture app, ITestOutputHelper output)
{
    private const string Passage = "a torch to light the way for the class";

    [Fact]
    public async Task A_reaction_and_a_marked_answer_reach_the_other_reader_live()
    {
        await using var teacher = await app.NewReaderAsync("Tilda Teacher");
        await using var student = await app.NewReaderAsync("Sami Student", joining: teacher);
        await teacher.Reading.OpenAsync();
        await student.Reading.OpenAsync();
        await student.Page.EvaluateAsync("() => { window.__noReload = true; }");
        await teacher.Page.EvaluateAsync("() => { window.__noReload = true; }");

        var question = $"Who said this first? ({Guid.NewGuid():N})";
        await student.Reading.SelectAsync(Passage);
        await student.Page.GetByRole(AriaRole.Button, new() { Name = "Ask a question", Exact = true }).ClickAsync();
        await student.Page.GetByRole(AriaRole.Textbox, new() { Name = "Your question", Exact = true }).FillAsync(question);
        await student.Page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        var atTeacher = teacher.Reading.Thread(question);
        await Expect(atTeacher).ToContainTextAsync("Question");

        // The teacher's reactions reach the asker's card: counts, and who on focus.
        await atTeacher.GetByRole(AriaRole.Button, new() { Name = "I have this question too", Exact = true }).ClickAsync();
        await atTeacher.GetByRole(AriaRole.Button, new() { Name = "Upvote", Exact = true }).ClickAsync();
        await Expect(atTeacher.GetByRole(AriaRole.Button, new() { Name = "Upvote", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        var atStudent = student.Reading.Thread(question);
        var counts = atStudent.Locator(".reaction-count");
        await Expect(counts).ToHaveTextAsync(["1", "1"]);
        await counts.First.FocusAsync();
        await Expect(atStudent.GetByRole(AriaRole.Tooltip).Filter(new() { HasText = "1 upvote: Tilda Teacher." })).ToBeVisibleAsync();

        // The teacher answers; the asker marks that reply as the answer; the teacher sees it live.
        var answer = $"Flora Tristan, in 1843. ({Guid.NewGuid():N})";
        await atTeacher.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        await atTeacher.GetByRole(AriaRole.Textbox, new() { Name = "Your reply", Exact = true }).FillAsync(answer);
        await atTeacher.GetByRole(AriaRole.Button, new() { Name = "Post reply", Exact = true }).ClickAsync();
        await Expect(atStudent).ToContainTextAsync(answer);
        await atStudent.GetByRole(AriaRole.Button, new() { Name = "Mark Tilda Teacher's reply as the answer", Exact = true }).ClickAsync();
        await Expect(atTeacher).ToContainTextAsync("Answered");
        await Expect(atTeacher).ToContainTextAsync("The answer");
        await Screenshots.SaveAsync(teacher.Page, "question-answered.png", output);
        // A second thread brings the sort and filters.
        await teacher.Reading.HighlightAsync("the important theoretical system");
        await teacher.Page.GetByRole(AriaRole.Button, new() { Name = "Filters", Exact = true }).ClickAsync();
        await Expect(teacher.Page.GetByRole(AriaRole.Group, new() { Name = "Sort and filter threads" })).ToContainTextAsync("Unanswered questions");
        await Screenshots.SaveAsync(teacher.Page, "thread-filters.png", output);
        // The sort is the browser's own select: the upvoted question first, then the newest thread (the highlight) first.
        var sort = teacher.Page.GetByRole(AriaRole.Combobox, new() { Name = "Sort threads", Exact = true });
        var firstCard = teacher.Page.Locator(".threads[role=feed] [role=article]").First;
        await sort.SelectOptionAsync(new SelectOptionValue { Label = "Most upvoted" });
        await Expect(firstCard).ToContainTextAsync(question);
        await sort.SelectOptionAsync(new SelectOptionValue { Label = "Newest first" });
        await Expect(firstCard).Not.ToContainTextAsync(question);

        Assert.True(await teacher.Page.EvaluateAsync<bool>("() => window.__noReload === true"), "The teacher's page reloaded; nothing was shown live.");
        Assert.True(await student.Page.EvaluateAsync<bool>("() => window.__noReload === true"), "The student's page reloaded; nothing was shown live.");
    }
}
