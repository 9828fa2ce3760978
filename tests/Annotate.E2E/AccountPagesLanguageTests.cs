using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The account pages in Vietnamese (issue 16): after picking VI in the app bar, the Manage pages, the sign-in page
/// and its validation messages speak Vietnamese, field names included. Screenshots in screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class AccountPagesLanguageTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_account_pages_and_their_messages_speak_vietnamese_once_it_is_picked()
    {
        await using var reader = await app.NewReaderAsync("Lan Account");
        var page = reader.Page;
        await page.GotoAsync("Account/Manage");
        await page.GetByRole(AriaRole.Group, new() { Name = "Language", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = "VI Tiếng Việt" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quản lý tài khoản" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Xác thực hai yếu tố" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "account-manage-vi.png", output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Địa chỉ email", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Máy chủ này không gửi email");
        await Screenshots.SaveAsync(page, "account-email-vi.png", output);

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Trường “Địa chỉ email” là bắt buộc.");
        await Screenshots.SaveAsync(page, "login-vi-validation.png", output);
    }
}
