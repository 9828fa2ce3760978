using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// The reading page for a Vietnamese reader (issue 16): after picking VI, a classmate's comment (written in an English
/// page) reaches the page live, is announced in a Vietnamese sentence and drawn in a card that speaks Vietnamese, and the
/// selection's toolbar and the editor speak Vietnamese too. Screenshot <c>reading-page-vi.png</c> in screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class VietnameseReadingPageTests(AppFixture app, ITestOutputHelper output)
{
    private const string Passage = "a torch to light the way for the class";

    [Fact]
    public async Task A_vietnamese_reader_sees_the_discussion_announced_and_the_editor_in_vietnamese()
    {
        await using var mai = await app.NewReaderAsync("Mai Tiếng Việt");
        await using var binh = await app.NewReaderAsync("Binh English", joining: mai);
        var page = mai.Page;
        await mai.Reading.OpenAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Language", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = "VI Tiếng Việt" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Đang đọc", Exact = true })).ToContainTextAsync("Mai Tiếng Việt (bạn)");

        await binh.Reading.OpenAsync();
        var comment = $"Whose torch? ({Guid.NewGuid():N})";
        await binh.Reading.AnnotateAsync(Passage, comment);

        await Expect(page.Locator("[data-testid=live-announcements]")).ToHaveTextAsync("Bình luận mới của Binh English ở đoạn 2", new() { Timeout = 15_000 });
        var thread = page.GetByRole(AriaRole.Article, new() { Name = "Chuỗi thảo luận của Binh English" });
        await Expect(thread).ToContainTextAsync(comment);
        await Expect(thread.GetByRole(AriaRole.Button, new() { Name = "Trả lời", Exact = true })).ToBeVisibleAsync();
        await Expect(thread.Locator(".thread-time")).ToHaveTextAsync("vừa xong");
        await Expect(page.Locator("#p-2 .heat")).ToContainTextAsync("Đoạn 2: 1 chuỗi thảo luận.");

        await page.EvaluateAsync(
            """
            passage => {
              const range = window.__annotateE2E.rangeOf(passage);
              document.getSelection().removeAllRanges();
              document.getSelection().addRange(range);
            }
            """, "capitalism had developed");
        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "Đoạn trích đã chọn", Exact = true });
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Chú thích", Exact = true }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Region, new() { Name = "Chú thích mới", Exact = true });
        await Expect(editor.GetByRole(AriaRole.Textbox, new() { Name = "Bình luận", Exact = true })).ToBeFocusedAsync();
        await Expect(editor.GetByRole(AriaRole.Radiogroup, new() { Name = "Ai được xem", Exact = true })).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Đăng", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "reading-page-vi.png", output);
        // The breadcrumb and the reading page's buttons, above.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn trang", Exact = true })).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "reading-page-vi-top.png", output);
    }
}
