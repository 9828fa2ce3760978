using System.Globalization;
using System.Text.RegularExpressions;
using Annotate.Web.Components.Pages;
using Annotate.Web.Tests.Infrastructure;
using Annotate.Web.Tests.Overview;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// The seminar and teacher pages drawn in Vietnamese (issue 16), against the running app: each shows its Vietnamese
/// words, none of the English it shows in English, and no resource key as text.
/// </summary>
public sealed partial class TeacherPagesInVietnameseTests(AnnotateApp app) : IClassFixture<AnnotateApp>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = LiveReadingPages.Timeout;
    private readonly List<LiveReadingPages> opened = [];

    [Fact]
    public async Task The_seminar_page_speaks_vietnamese_to_its_teacher()
    {
        var room = await app.CreateClassroomAsync();
        var page = await RenderInVietnameseAsync<SeminarPage>(room.Teacher, p => p.Add(x => x.Id, room.SeminarId),
            ["Bảng tổng quan", "Tài liệu", "Thêm tài liệu", "Nhóm", "Chia nhóm", "Thành viên", "Vai trò", "Giảng viên", "Sinh viên",
             "Mã tham gia", "Cho phép tham gia", "Đặt làm đồng giảng viên", "Chưa có ai bị xóa khỏi lớp.", "Thẻ", "Thêm thẻ"],
            ["Members", "Add document", "Delete this seminar", "Make co-teacher", "No one has been removed.", "Join code", "Split into groups"]);

        Assert.Contains($"{room.Teacher.DisplayName} (bạn)", page.Markup);
    }

    [Fact]
    public async Task The_dashboard_overview_and_confusion_pages_speak_vietnamese()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;

        await RenderInVietnameseAsync<SeminarDashboardPage>(room.Teacher, p => p.Add(x => x.Id, room.SeminarId),
            ["Bảng tổng quan:", "Tải tệp CSV cho sổ điểm", "Sinh viên", "Chú thích", "Câu hỏi đã đặt", "Nhận xét đã nhận", "Dòng thời gian", "Tổng quan"],
            ["Download CSV for a gradebook", "Questions asked", "Feedback received", "Timeline of", "Confusion view of"]);

        await RenderInVietnameseAsync<OverviewPage>(room.Teacher, p => p.Add(x => x.Id, room.DocumentId),
            ["Tổng quan:", "Lịch", "Hạn nộp", "Đăng trước", "Sinh viên", "Số từ", "Báo cáo"],
            ["Save schedule", "Due date", "Feedback report for", "Download CSV"]);

        await RenderInVietnameseAsync<ConfusionPage>(room.Teacher, p => p.Add(x => x.Id, room.DocumentId),
            ["Điểm vướng mắc:", "câu hỏi mở", "chuỗi thảo luận chưa giải quyết", "Bảng tổng quan của lớp"],
            ["open questions", "unresolved thread", "Seminar dashboard"]);
    }

    [Fact]
    public async Task The_home_and_join_pages_are_served_in_vietnamese()
    {
        var room = await app.CreateClassroomAsync();
        var code = await room.JoinCodeAsync();
        var outsider = AccountPages.Browser(app);
        outsider.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi-VN,vi;q=0.9");
        await AccountPages.LogInAsync(outsider, room.Outsider.Email, room.Outsider.Password);
        var teacher = AccountPages.Browser(app);
        teacher.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        await AccountPages.LogInAsync(teacher, room.Teacher.Email, room.Teacher.Password);

        var home = HtmlPage.MainText(await teacher.GetStringAsync("/"));
        foreach (var words in new[] { "Các lớp thảo luận của bạn", "Giảng viên", "Phiên bản 1 · cập nhật", "Tham gia lớp thảo luận", "Mã tham gia", "Mở lớp thảo luận" })
            Assert.Contains(words, home);
        Assert.DoesNotContain("Your seminars", home);

        var join = HtmlPage.MainText(await outsider.GetStringAsync($"/join/{code}"));
        Assert.Contains("Tham gia lớp thảo luận", join);
        Assert.Contains($"Giảng viên: {room.Teacher.DisplayName}", join);
        Assert.Contains("Bạn tham gia với tư cách sinh viên", join);
        Assert.DoesNotContain("Join a seminar", join);
        Assert.Empty(ResourceKey().Matches(home + join).Select(m => m.Value));
    }

    [Fact]
    public async Task The_text_editing_page_speaks_vietnamese()
    {
        var room = await app.CreateClassroomAsync();

        await RenderInVietnameseAsync<DocumentEditPage>(room.Teacher, p => p.Add(x => x.Id, room.DocumentId),
            ["Sửa văn bản", "Khi lưu sẽ tạo phiên bản 2.", "Tiêu đề", "Văn bản", "Thay bằng tệp .txt", "Các phiên bản", "(hiện tại)", "Đọc phiên bản này"],
            ["Edit text", "Save as new revision", "Read this revision", "(current)"]);
    }

    /// <summary>
    /// The page drawn with Vietnamese as the culture of its circuit, once it shows every one of <paramref name="shown"/>
    /// (it loads in steps), none of <paramref name="english"/> and no resource key.
    /// </summary>
    private async Task<IRenderedComponent<TPage>> RenderInVietnameseAsync<TPage>(ApiUser user,
        Action<ComponentParameterCollectionBuilder<TPage>> parameters, string[] shown, string[] english) where TPage : IComponent
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
        try
        {
            var pages = new LiveReadingPages(app);
            opened.Add(pages);
            var page = pages.Render(user, parameters);
            await page.WaitForAssertionAsync(() =>
            {
                foreach (var words in shown) Assert.Contains(words, page.Markup);
            }, Timeout);
            foreach (var words in english) Assert.DoesNotContain(words, page.Markup);
            Assert.Empty(ResourceKey().Matches(page.Markup).Select(m => m.Value));
            return page;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var pages in opened) await pages.DisposeAsync();
    }

    /// <summary>A key of this area shown as text (a missing entry shows its key).</summary>
    [GeneratedRegex(@"\b(?:Home|Join|Seminar|Dashboard|Overview|Confusion|Document|Export|Import)\.[A-Z][A-Za-z]+\b")]
    private static partial Regex ResourceKey();
}
