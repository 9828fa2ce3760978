using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A student deletes their account: the thread they started stays at the teacher's open page for the
/// teacher's reply, without their words. The teacher cannot leave their students without a teacher, and
/// deletes the seminar instead, typing its name; a student with its article open sees it go.
/// Screenshots of the thread, the refusal and the dialog go to screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class AccountDeletionTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_student_deletes_their_account_and_the_teacher_deletes_the_seminar()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Closing");
        await using var departing = await app.NewReaderAsync("Student Departing", joining: teacher);
        await using var staying = await app.NewReaderAsync("Student Staying", joining: teacher);
        foreach (var reader in new[] { teacher, departing, staying }) await reader.Reading.OpenAsync();

        var question = $"Who carries the torch after 1848? ({Guid.NewGuid():N})";
        await departing.Reading.AnnotateAsync("a torch to light the way for the class", question);
        const string answer = "Every generation of the class that takes it up.";
        var thread = teacher.Reading.Thread(question);
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await thread.GetByRole(AriaRole.Textbox, new() { Name = "Your reply" }).FillAsync(answer);
        await thread.GetByRole(AriaRole.Button, new() { Name = "Post reply", Exact = true }).ClickAsync();
        await Expect(staying.Reading.Thread(question)).ToContainTextAsync(answer);

        // The account page says what goes and what stays, then asks for the password.
        var page = departing.Page;
        await page.GotoAsync("Account/Manage/DeletePersonalData");
        await Expect(page.GetByText("shown as by “a deleted account”")).ToBeVisibleAsync();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Your account has been deleted.")).ToBeVisibleAsync();

        // At the teacher's open page, without reloading: the thread stays for the reply.
        var kept = teacher.Page.GetByRole(AriaRole.Article, new() { Name = "Thread by a deleted account", Exact = true });
        await Expect(kept).ToContainTextAsync("Deleted with its author's account.");
        await Expect(kept).ToContainTextAsync(answer);
        await Expect(teacher.Page.GetByText(question)).ToHaveCountAsync(0);
        await Expect(staying.Reading.Thread(answer)).ToContainTextAsync("Deleted with its author's account.");
        await kept.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(teacher.Page, "deleted-account-thread.png", output);

        // The teacher's own account: a student is still in the seminar.
        await teacher.Page.GotoAsync("Account/Manage/DeletePersonalData");
        await Expect(teacher.Page.GetByText("Make another member a teacher, or delete the seminar, first.")).ToBeVisibleAsync();
        await Expect(teacher.Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(teacher.Page, "delete-account-refused.png", output);

        // So the seminar goes first, from its page, once its name is typed.
        await teacher.Page.GetByRole(AriaRole.Link, new() { Name = "Sample seminar", Exact = true }).ClickAsync();
        await Expect(teacher.Page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await teacher.Page.GetByRole(AriaRole.Button, new() { Name = "Delete seminar", Exact = true }).ClickAsync();
        var dialog = teacher.Page.GetByRole(AriaRole.Dialog);
        var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = "Delete seminar", Exact = true });
        await Expect(confirm).ToBeDisabledAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Type the seminar's name to confirm" }).FillAsync("Sample seminar");
        await Expect(confirm).ToBeEnabledAsync();
        await teacher.Page.WaitForTimeoutAsync(500); // the button's colour fades in as it is enabled
        await Screenshots.SaveAsync(teacher.Page, "delete-seminar-dialog.png", output);
        await staying.Page.EvaluateAsync("() => { window.__noReload = true; }");
        await confirm.ClickAsync();

        await Expect(teacher.Page.GetByRole(AriaRole.Heading, new() { Name = "Your seminars", Exact = true })).ToBeVisibleAsync();
        await Expect(staying.Page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        Assert.True(await staying.Page.EvaluateAsync<bool>("() => window.__noReload === true"), "The student's page reloaded.");
    }
}
