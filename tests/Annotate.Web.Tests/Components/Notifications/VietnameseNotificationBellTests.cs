using Annotate.Web.Components.Notifications;
using Annotate.Web.Tests.Infrastructure;
using Annotate.Web.Tests.Languages;
using Bunit;
using MudBlazor;

namespace Annotate.Web.Tests.Components.Notifications;

/// <summary>
/// The bell for a Vietnamese reader (issue 16): its name and count, the panel's heading and buttons, and each item's
/// sentence in Vietnamese, the names and document titles as they are, and its time in Vietnamese.
/// </summary>
public sealed class VietnameseNotificationBellTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task The_bell_and_its_items_speak_vietnamese()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.WaitForNotificationAsync("document");
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Still true?"));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Look at paragraph 2."));
        await room.StudentA.WaitForNotificationAsync("reply");
        using var vietnamese = UiCulture.Vietnamese();
        await using var pages = new LiveReadingPages(app);
        var popovers = pages.Context.Render<MudPopoverProvider>();
        var bell = pages.Render<NotificationBell>(room.StudentA, p => p.Add(x => x.UserId, room.StudentA.Id));
        var button = () => bell.Find("button[aria-haspopup=dialog]");
        await bell.WaitForAssertionAsync(() => Assert.Equal("Thông báo, 2 chưa đọc", button().GetAttribute("aria-label")), LiveReadingPages.Timeout);

        await button().ClickAsync(new());

        await popovers.WaitForAssertionAsync(() => Assert.Equal(2, popovers.FindAll(".notification-item").Count), LiveReadingPages.Timeout);
        Assert.Equal("Thông báo", popovers.Find("[role=dialog]").GetAttribute("aria-label"));
        Assert.Contains("Đánh dấu tất cả là đã đọc", popovers.FindAll("button").Select(b => b.TextContent.Trim()));
        Assert.Equal("Cài đặt thông báo", popovers.Find(".notification-foot a").TextContent.Trim());
        var items = popovers.FindAll(".notification-summary").Select(s => s.TextContent).ToList();
        Assert.Equal($"{room.Teacher.DisplayName} đã trả lời trong “The Manifesto”", items[0]);
        Assert.StartsWith($"{room.Teacher.DisplayName} đã thêm “The Manifesto” vào ", items[1]);
        Assert.Equal("vừa xong", popovers.Find(".notification-time time").TextContent);
        Assert.StartsWith("Đánh dấu là đã đọc: ", popovers.Find(".notification-item button").GetAttribute("aria-label"));
    }
}
