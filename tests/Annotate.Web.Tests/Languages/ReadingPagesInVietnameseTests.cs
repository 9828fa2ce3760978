using System.Net;
using Annotate.Web.Components.Reading;
using Annotate.Web.Tests.Infrastructure;
using Bunit;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// The reading page and its neighbours (search, feedback, notification settings) as a Vietnamese reader gets them
/// (issue 16): prerendered in the language of the request, and live in a circuit, with the interface in Vietnamese and
/// the readers' own words as written.
/// </summary>
public sealed class ReadingPagesInVietnameseTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private async Task<HttpClient> SignedInVietnameseAsync(ApiUser user)
    {
        var browser = AccountPages.Browser(app);
        browser.DefaultRequestHeaders.Add("Accept-Language", "vi");
        await AccountPages.LogInAsync(browser, user.Email, user.Password);
        return browser;
    }

    private static async Task<string> TextOfAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlPage.MainText(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reading_page_is_prerendered_in_vietnamese()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Is this still true today?"));
        var browser = await SignedInVietnameseAsync(room.StudentA);

        var text = await TextOfAsync(browser, $"/documents/{room.DocumentId}");

        Assert.Contains("Các lớp thảo luận của bạn", text);
        Assert.Contains("Tìm kiếm trong lớp thảo luận", text);
        Assert.Contains("Phím tắt", text);
        Assert.Contains("Thảo luận 1 chú thích", text);
        Assert.Contains("Đang đọc", text);
        Assert.Contains("Chọn bằng chuột, hoặc đưa tiêu điểm vào bài đọc", text);
        Assert.Contains("Trả lời", text);
        // What the readers wrote stays as written.
        Assert.Contains("Is this still true today?", text);
        foreach (var english in new[] { "Your seminars", "Search the seminar", "Keyboard shortcuts", "Reading now", "annotation", "Reply" })
            Assert.DoesNotContain(english, text);
    }

    [Fact]
    public async Task The_search_feedback_and_settings_pages_are_prerendered_in_vietnamese()
    {
        var room = await app.CreateClassroomAsync();
        var browser = await SignedInVietnameseAsync(room.StudentA);

        var search = await TextOfAsync(browser, $"/seminars/{room.SeminarId}/search");
        Assert.Contains("Cú pháp tìm kiếm", search);
        Assert.Contains("Tìm kiếm trong mọi tài liệu của lớp thảo luận này", search);
        Assert.Contains("cả hai từ, trong bình luận hoặc đoạn trích của nó", search);
        Assert.DoesNotContain("Search syntax", search);

        var feedback = await TextOfAsync(browser, "/feedback");
        Assert.Contains("Chưa có nhận xét nào.", feedback);
        Assert.DoesNotContain("No feedback yet", feedback);

        var settings = await TextOfAsync(browser, "/settings/notifications");
        Assert.Contains("Cài đặt thông báo", settings);
        Assert.Contains("Theo từng lớp thảo luận", settings);
        Assert.Contains("Lưu cài đặt e-mail", settings);
        Assert.DoesNotContain("Notification settings", settings);
    }

    [Fact]
    public async Task A_search_with_results_and_one_without_speak_vietnamese()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Bourgeoisie and proletariat"));
        var browser = await SignedInVietnameseAsync(room.StudentA);

        var found = await TextOfAsync(browser, $"/seminars/{room.SeminarId}/search?q=proletariat");
        var none = await TextOfAsync(browser, $"/seminars/{room.SeminarId}/search?q=zzzqqq");

        Assert.Contains("1 kết quả", found);
        Assert.Contains("Mở trong văn bản", found);
        Assert.Contains("Không có kết quả cho zzzqqq.", none);
    }

    [Fact]
    public async Task The_live_reading_page_speaks_vietnamese_from_the_empty_state_to_the_composer()
    {
        var room = await app.CreateClassroomAsync();
        using var vietnamese = UiCulture.Vietnamese();
        await using var pages = new LiveReadingPages(app);

        var page = await pages.OpenAsync(room.StudentA, room.DocumentId);
        Assert.True(page.Shows("Chưa có chú thích nào."), page.Component.Markup);
        Assert.True(page.Shows("Mức thảo luận theo đoạn"));

        var article = page.Component.FindComponent<ArticleView>();
        await article.InvokeAsync(() => article.Instance.OnSelection(100, 140, 10, 10));
        await page.Component.WaitForAssertionAsync(() => Assert.NotEmpty(page.Component.FindAll("[role=toolbar] button")), LiveReadingPages.Timeout);
        page.Component.FindAll("[role=toolbar] button").Single(b => b.TextContent.Trim() == "Chú thích").Click();

        var composer = page.Component.Find("[role=region].composer");
        Assert.Equal("Chú thích mới", composer.GetAttribute("aria-label"));
        Assert.Contains("Đăng", composer.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        Assert.Contains("Thẻ", composer.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public async Task What_arrives_live_is_drawn_and_announced_in_vietnamese()
    {
        var room = await app.CreateClassroomAsync();
        using var vietnamese = UiCulture.Vietnamese();
        await using var pages = new LiveReadingPages(app);
        var page = await pages.OpenAsync(room.StudentA, room.DocumentId);

        // Posted through the API, in a request of its own (and its own language): the page still speaks its reader's.
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Still true?"));

        await page.WaitUntilShownAsync("Still true?");
        await page.Component.WaitForAssertionAsync(() =>
            Assert.StartsWith($"Bình luận mới của {room.StudentB.DisplayName} ở đoạn ", page.Component.Find("[data-testid=live-announcements]").TextContent.Trim()),
            LiveReadingPages.Timeout);
        Assert.Matches(@"Đoạn \d+: 1 chuỗi thảo luận", page.Component.Find(".heat").GetAttribute("title"));
        Assert.Equal("1 chú thích", page.Component.Find(".threads-count").TextContent.Trim());
        Assert.Equal("vừa xong", page.Component.Find(".thread-time time").TextContent);
    }
}
