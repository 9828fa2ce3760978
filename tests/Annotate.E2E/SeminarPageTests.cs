using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>A teacher starts a seminar, a student joins by its link, the teacher puts them in a group.</summary>
[Collection(SeminarCollection.Name)]
public sealed class SeminarPageTests(AppFixture app)
{
    [Fact]
    public async Task A_teacher_starts_a_seminar_a_student_joins_by_link_and_is_put_in_a_group()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Starting");
        await using var student = await app.NewReaderAsync("Student Joining");
        var (name, code) = await teacher.StartSeminarAsync();
        var page = teacher.Page;

        await student.JoinByLinkAsync(code);
        await Expect(student.Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Student Joining Student No group" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "New group name" }).FillAsync("Red team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(page.GetByText("Red team · 0 students")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Group of Student Joining" }).SelectOptionAsync(new SelectOptionValue { Label = "Red team" });
        await Expect(page.GetByText("Red team · 1 student")).ToBeVisibleAsync();

        await student.Page.ReloadAsync();
        await Expect(student.Page.GetByRole(AriaRole.Row, new() { Name = "Student Joining (you) Student Red team" })).ToBeVisibleAsync();
    }
}
