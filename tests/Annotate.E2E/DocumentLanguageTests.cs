using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The language a document is written in, chosen on its edit page with the keyboard (issue 16): saved at once, not
/// as a revision, and the reading page marks the article with it (so that a screen reader reads it in that language).
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class DocumentLanguageTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Choosing_the_texts_language_saves_it_at_once_and_the_article_is_marked_with_it()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Choosing Language");
        var page = teacher.Page;
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = "Texts in two languages" });
        // Written in Vietnamese, and so detected; the teacher says "unknown", then Vietnamese again.
        var document = await teacher.PostJsonAsync(app.RootUri, $"/api/seminars/{seminar.GetProperty("id").GetInt32()}/documents",
            new { title = "Tuyên ngôn", text = "Vô sản tất cả các nước, đoàn kết lại! Lịch sử tất cả các xã hội tồn tại từ trước đến nay chỉ là lịch sử đấu tranh giai cấp." });
        var id = document.GetProperty("id").GetInt32();

        await page.GotoAsync($"/documents/{id}");
        await Expect(page.Locator("article.article")).ToHaveAttributeAsync("lang", "vi");

        await page.GotoAsync($"/documents/{id}/edit");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        var select = page.GetByRole(AriaRole.Combobox, new() { Name = "Language", Exact = true });
        await Expect(select).ToHaveTextAsync("Vietnamese");
        await select.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Vietnamese", Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator(".mud-popover-open")).ToHaveCSSAsync("opacity", "1");
        await Screenshots.SaveAsync(page, "edit-document-language.png", output);
        // Up past English to "Unknown", and chosen with Enter.
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Language saved.")).ToBeVisibleAsync();
        await Expect(select).ToHaveTextAsync("Unknown");

        var stored = await (await teacher.Context.APIRequest.GetAsync($"{app.RootUri}api/documents/{id}")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored!.Value.GetProperty("language").ValueKind);
        Assert.Equal(1, stored.Value.GetProperty("revision").GetInt32());
        await page.GotoAsync($"/documents/{id}");
        await Expect(page.Locator("article.article")).Not.ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex("."));
    }
}
