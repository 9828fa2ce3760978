using Annotate.E2E.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The join link in a browser: opening it shows the seminar's name and teacher and joins nothing; pressing
/// Join does. A removed student finds the link barred until the teacher lets them back in. Each test starts
/// its own seminar through the UI, so the demo seminar plays no part. Screenshots go to screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class JoinLinkTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_student_opens_the_join_link_sees_the_seminar_and_its_teacher_and_joins_by_pressing_Join()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Inviting");
        await using var student = await app.NewReaderAsync("Student Invited");
        var (name, code) = await teacher.StartSeminarAsync();
        var page = student.Page;

        await page.GotoAsync($"/join/{code}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Taught by Teacher Inviting")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "join-page.png", output);
        await Axe.AssertNoSeriousViolationsAsync(page, "Join page", output);
        // Opening the link joined nothing: the seminar is not among the student's.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your seminars", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(0);

        await page.GotoAsync($"/join/{code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/seminars/", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Student Invited (you) Student" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_removed_student_finds_the_link_barred_until_the_teacher_lets_them_back_in()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Removing");
        await using var student = await app.NewReaderAsync("Student Removed");
        var (name, code) = await teacher.StartSeminarAsync();
        await student.JoinByLinkAsync(code);

        var page = teacher.Page;
        await page.ReloadAsync();
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Student Removed" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("until you let them back in");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        var letBackIn = page.GetByRole(AriaRole.Button, new() { Name = "Let Student Removed back in" });
        await Expect(letBackIn).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "seminar-removed.png", output);

        await student.Page.GotoAsync($"/join/{code}");
        await Expect(student.Page.GetByText("You were removed from this seminar; ask its teacher to let you back in.")).ToBeVisibleAsync();
        await Expect(student.Page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(student.Page, "join-page-removed.png", output);

        await letBackIn.ClickAsync();
        await Expect(page.GetByText("No one has been removed.")).ToBeVisibleAsync();
        await student.Page.ReloadAsync();
        await student.Page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(student.Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(student.Page.GetByRole(AriaRole.Row, new() { Name = "Student Removed (you) Student" })).ToBeVisibleAsync();

        // The switch closes joining and says so in words.
        await page.GetByRole(AriaRole.Switch, new() { Name = "Open to join" }).ClickAsync();
        await Expect(page.GetByText("Joining is closed: the code and link let no one in until you open it again.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "seminar-joining-closed.png", output);
        await Axe.AssertNoSeriousViolationsAsync(page.Locator(".join-settings"), "Joining settings", output);
    }
}
