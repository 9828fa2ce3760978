using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// Three browsers in one seminar: a student's comment for the teachers reaches the teacher live, the
/// teacher's feedback on it reaches that student live in the thread, and the other student sees neither.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class FeedbackLiveTests(AppFixture app)
{
    // Titled like the sample so the page helpers find the article; the text is this test's own.
    private const string Text =
        "Proletarian internationalism is the unity of the working class across borders.\n\n" +
        "It rests on the unity of interests, unity of ideology and unity of goals of the workers of all nations.\n\n" +
        "Workers of the world, unite! You have nothing to lose but your chains.";

    [Fact]
    public async Task Feedback_on_a_comment_for_the_teachers_reaches_its_author_live_and_no_other_student()
    {
        await using var teacher = await app.NewReaderAsync("Tereza Teacher");
        await using var ada = await app.NewReaderAsync("Ada Asking");
        await using var boris = await app.NewReaderAsync("Boris Bystander");
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = "Feedback seminar" });
        var seminarId = seminar.GetProperty("id").GetInt32();
        var documentId = (await teacher.PostJsonAsync(app.RootUri, $"/api/seminars/{seminarId}/documents",
            new { title = ReadingPage.SampleTitle, text = Text })).GetProperty("id").GetInt32();
        foreach (var student in new[] { ada, boris })
            await student.PostJsonAsync(app.RootUri, "/api/seminars/join", new { joinCode = seminar.GetProperty("joinCode").GetString() });
        foreach (var reader in new[] { teacher, ada, boris })
            await reader.Reading.OpenAsync(documentId);
        await boris.Page.EvaluateAsync("() => { window.__noReload = true; }");

        // Ada asks the teachers only, through the editor's Visibility choice.
        var question = $"Is unity of ideology really possible? ({Guid.NewGuid():N})";
        var questionId = await ada.Reading.AnnotateAsync("unity of interests, unity of ideology", question, visibility: "Me and the teachers");
        await Expect(ada.Reading.Thread(question)).ToContainTextAsync("Me and the teachers");
        await Expect(teacher.Reading.Thread(question)).ToBeVisibleAsync();

        // The teacher gives feedback in Ada's thread card.
        var feedback = $"Good question, Ada: read section II again. ({Guid.NewGuid():N})";
        var teachersCard = teacher.Reading.Thread(question);
        await teachersCard.GetByRole(AriaRole.Button, new() { Name = "Give feedback to Ada Asking" }).ClickAsync();
        await teachersCard.GetByRole(AriaRole.Textbox, new() { Name = "Feedback for Ada Asking" }).FillAsync(feedback);
        await teachersCard.GetByRole(AriaRole.Button, new() { Name = "Send feedback", Exact = true }).ClickAsync();

        // Ada sees it arrive in her thread without reloading.
        await Expect(ada.Reading.Thread(question)).ToContainTextAsync(feedback);
        await Expect(teacher.Reading.Thread(question)).ToContainTextAsync(feedback);

        // A later comment for the whole seminar is the barrier: once Boris has it, anything sent before would be there too.
        var open = $"Which of these unities comes first? ({Guid.NewGuid():N})";
        await teacher.Reading.AnnotateAsync("nothing to lose but your chains", open);
        await Expect(boris.Reading.Thread(open)).ToBeVisibleAsync();
        await Expect(boris.Page.GetByText(question)).ToHaveCountAsync(0);
        await Expect(boris.Page.GetByText(feedback)).ToHaveCountAsync(0);
        await Expect(boris.Reading.MarksOf(questionId)).ToHaveCountAsync(0);
        Assert.True(await boris.Page.EvaluateAsync<bool>("() => window.__noReload === true"), "Boris's page reloaded; the barrier proved nothing live.");

        // Nor on a fresh load.
        await boris.Reading.OpenAsync(documentId);
        await Expect(boris.Reading.Thread(open)).ToBeVisibleAsync();
        await Expect(boris.Page.GetByText(question)).ToHaveCountAsync(0);
        await Expect(boris.Page.GetByText(feedback)).ToHaveCountAsync(0);
    }
}
