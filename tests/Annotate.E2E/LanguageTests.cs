using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The app bar's language picker: a reader on the reading page presses VI, the page loads again in Vietnamese with
/// <c>&lt;html lang="vi"&gt;</c> and its live parts (the circuit) speak Vietnamese too; EN brings English back.
/// Screenshots in screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class LanguageTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Picking_vietnamese_in_the_app_bar_reloads_the_page_in_vietnamese_and_back()
    {
        await using var reader = await app.NewReaderAsync("Mai Language");
        var page = reader.Page;
        await reader.Reading.OpenAsync();
        var languages = page.GetByRole(AriaRole.Group, new() { Name = "Language", Exact = true });
        await Expect(languages.GetByRole(AriaRole.Button, new() { Name = "EN English" })).ToHaveAttributeAsync("aria-pressed", "true");

        await languages.GetByRole(AriaRole.Button, new() { Name = "VI Tiếng Việt" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/documents/{reader.DocumentId}$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        // The feedback link is drawn by the live circuit: it speaks the page's language as well.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nhận xét", Exact = true })).ToBeVisibleAsync();
        await Expect(reader.Reading.Article).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "reading-page-vi-app-bar.png", output);

        await page.GetByRole(AriaRole.Group, new() { Name = "Ngôn ngữ", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = "EN English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }
}
