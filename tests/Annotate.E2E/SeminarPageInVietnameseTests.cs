using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A teacher reads their seminar's page in Vietnamese (issue 16): picked in the app bar, the page loads again with its
/// headings, table, buttons and the live parts in Vietnamese. Screenshot
/// <c>seminar-page-vi.png</c> in screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class SeminarPageInVietnameseTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_teacher_reads_the_seminar_page_in_vietnamese()
    {
        // Addresses of ASCII: one made from "Nguyễn" would not be a valid address.
        await using var teacher = await app.NewReaderAsync("Nguyễn Thu Hà", $"ha-{Guid.NewGuid():N}@example.org");
        await using var student = await app.NewReaderAsync("Trần Minh Đức", $"duc-{Guid.NewGuid():N}@example.org");
        var (name, code) = await teacher.StartSeminarAsync();
        await student.JoinByLinkAsync(code);
        var page = teacher.Page;
        await page.ReloadAsync();
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Group, new() { Name = "Language", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = "VI Tiếng Việt" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thành viên", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Trần Minh Đức Sinh viên" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Thêm tài liệu" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Xóa lớp thảo luận" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Chưa có ai bị xóa khỏi lớp.")).ToBeVisibleAsync();

        // The live circuit answers in Vietnamese too: a group created through the form.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Tên nhóm mới" }).FillAsync("Nhóm Đỏ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo nhóm" }).ClickAsync();
        await Expect(page.GetByText("Nhóm Đỏ · 0 sinh viên")).ToBeVisibleAsync();
        await Expect(page.GetByText("Đã tạo nhóm “Nhóm Đỏ”.")).ToBeVisibleAsync();

        await Screenshots.SaveAsync(page, "seminar-page-vi.png", output);
    }
}
