using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A shared computer must not show the next person what someone left unposted. Drafts are kept per user
/// and signing out removes them from the browser: a teacher's half-written feedback is gone after they
/// sign out, and a colleague signing in on the same browser profile never sees it — not even when the
/// teacher's session simply ended without signing out.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class DraftSignOutTests(AppFixture app)
{
    private const string Password = "Reading-together-1";
    private const string Passage = "asks whether the slogan still holds";
    private const string Text =
        "Drafts on a shared computer\n\n" +
        "A student reads the slogan again and asks whether the slogan still holds a century and a half later.\n\n" +
        "The teacher answers in feedback that only this student will read.";

    private sealed record Scene(Reader Teacher, ReadingPage TeacherReading, Reader Colleague, int DocumentId, string StudentName);

    /// <summary>
    /// A seminar of the teacher's own (whatever the demo gives new accounts), a student's thread in it, and a
    /// co-teacher — the one person who would be offered the same feedback box on the same browser.
    /// </summary>
    private async Task<Scene> CreateSceneAsync()
    {
        var teacher = await app.NewReaderAsync("Tamsin Teacher");
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = $"Drafts {Guid.NewGuid():N}" });
        var seminarId = seminar.GetProperty("id").GetInt32();
        var joinCode = seminar.GetProperty("joinCode").GetString()!;
        var document = await teacher.PostJsonAsync(app.RootUri, $"/api/seminars/{seminarId}/documents", new { title = ReadingPage.SampleTitle, text = Text });
        var documentId = document.GetProperty("id").GetInt32();

        await using (var student = await app.NewReaderAsync("Sami Student"))
        {
            await student.PostJsonAsync(app.RootUri, "/api/seminars/join", new { joinCode });
            await student.Reading.OpenAsync(documentId);
            await student.Reading.AnnotateAsync(Passage, "Does it still hold?");
        }
        var colleague = await app.NewReaderAsync("Colm Colleague");
        await colleague.PostJsonAsync(app.RootUri, "/api/seminars/join", new { joinCode });
        var colleagueId = (await colleague.GetJsonAsync(app.RootUri, "/api/users/me")).GetProperty("id").GetString()!;
        await teacher.PutJsonAsync(app.RootUri, $"/api/seminars/{seminarId}/members/{colleagueId}/role", new { role = "teacher" });
        // The colleague only needed an account; they come back on the teacher's browser.
        await colleague.Context.CloseAsync();

        var reading = new ReadingPage(teacher.Page, teacher.DisplayName, documentId);
        await reading.OpenAsync(documentId);
        return new Scene(teacher, reading, colleague, documentId, "Sami Student");
    }

    [Fact]
    public async Task A_teachers_half_written_feedback_is_gone_after_sign_out_and_the_next_person_never_sees_it()
    {
        var scene = await CreateSceneAsync();
        await using var teacher = scene.Teacher;
        var page = teacher.Page;
        var feedback = $"Half-written feedback for Sami ({Guid.NewGuid():N})";
        var comment = $"Half a comment by the teacher ({Guid.NewGuid():N})";
        await WriteDraftsAsync(scene, feedback, comment);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First).ToBeVisibleAsync();
        Assert.Empty(await DraftKeysAsync(page));
        Assert.DoesNotContain("signedout", page.Url, StringComparison.Ordinal);

        await SignInAsync(page, scene.Colleague.Email);
        await AssertNoDraftShownAsync(scene, page, feedback, comment);
    }

    [Fact]
    public async Task Drafts_are_kept_per_person_so_a_session_that_ended_without_signing_out_shows_them_to_no_one_else()
    {
        var scene = await CreateSceneAsync();
        await using var teacher = scene.Teacher;
        var page = teacher.Page;
        var feedback = $"Unfinished feedback for Sami ({Guid.NewGuid():N})";
        var comment = $"Unfinished comment by the teacher ({Guid.NewGuid():N})";
        await WriteDraftsAsync(scene, feedback, comment);

        // The session ends (cookie gone, browser left open): the drafts are still in storage, under the teacher.
        await teacher.Context.ClearCookiesAsync();
        Assert.Equal(2, (await DraftKeysAsync(page)).Length);
        await SignInAsync(page, scene.Colleague.Email);
        await AssertNoDraftShownAsync(scene, page, feedback, comment);

        // And the colleague's sign-out leaves no one's drafts behind.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First).ToBeVisibleAsync();
        Assert.Empty(await DraftKeysAsync(page));
    }

    /// <summary>
    /// Feedback half-written in the student's thread, and a new comment half-written on a passage; both kept
    /// in the browser (the texts hold no character that JSON would escape, so they are found as typed).
    /// </summary>
    private static async Task WriteDraftsAsync(Scene scene, string feedback, string comment)
    {
        var page = scene.Teacher.Page;
        var thread = scene.TeacherReading.Thread("Does it still hold?");
        await thread.GetByRole(AriaRole.Button, new() { Name = $"Give feedback to {scene.StudentName}" }).ClickAsync();
        await thread.GetByRole(AriaRole.Textbox, new() { Name = $"Feedback for {scene.StudentName}" }).FillAsync(feedback);
        await scene.TeacherReading.SelectAsync("only this student will read");
        await scene.TeacherReading.ComposeAsync(comment);
        await page.WaitForFunctionAsync(
            "texts => texts.every(t => Object.keys(localStorage).some(k => k.startsWith('annotate:draft:') && localStorage.getItem(k).includes(t)))",
            new[] { feedback, comment });
    }

    /// <summary>The colleague, a teacher of the same seminar, opens the same page on the same browser: nothing of the teacher's.</summary>
    private static async Task AssertNoDraftShownAsync(Scene scene, IPage page, string feedback, string comment)
    {
        var reading = new ReadingPage(page, scene.Colleague.DisplayName, scene.DocumentId);
        await reading.OpenAsync(scene.DocumentId);
        await Expect(reading.CommentBox).ToHaveCountAsync(0);
        var thread = reading.Thread("Does it still hold?");
        await thread.GetByRole(AriaRole.Button, new() { Name = $"Give feedback to {scene.StudentName}" }).ClickAsync();
        var box = thread.GetByRole(AriaRole.Textbox, new() { Name = $"Feedback for {scene.StudentName}" });
        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveValueAsync("");
        await Expect(page.GetByText(feedback)).ToHaveCountAsync(0);
        await Expect(page.GetByText(comment)).ToHaveCountAsync(0);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        var main = page.GetByRole(AriaRole.Main);
        await main.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    private static Task<string[]> DraftKeysAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => Object.keys(localStorage).filter(k => k.startsWith('annotate:draft:'))");
}
