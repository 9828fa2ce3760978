using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Components.Notifications;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Annotate.Web.Tests.Components.Notifications;

/// <summary>
/// The bell against the running app: its count moves live when a notification is made for its user (and only
/// theirs), opening it lists the newest, an item opens its thread and is read, mark all read clears the count,
/// and an empty inbox says what will appear there.
/// </summary>
public sealed class NotificationBellTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static readonly TimeSpan Timeout = LiveReadingPages.Timeout;

    private static (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<NotificationBell> Bell) Render(LiveReadingPages pages, ApiUser user)
    {
        var popovers = pages.Context.Render<MudPopoverProvider>();
        var bell = pages.Render<NotificationBell>(user, p => p.Add(x => x.UserId, user.Id));
        return (popovers, bell);
    }

    private static string Label(IRenderedComponent<NotificationBell> bell) => bell.Find("button[aria-haspopup=dialog]").GetAttribute("aria-label")!;

    [Fact]
    public async Task The_count_moves_live_for_its_user_and_opening_lists_the_newest_which_opens_its_thread()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.WaitForNotificationAsync("document");
        await using var pages = new LiveReadingPages(app);
        var (popovers, bell) = Render(pages, room.StudentA);
        await bell.WaitForAssertionAsync(() => Assert.Equal("Notifications, 1 unread", Label(bell)), Timeout);

        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Still true?"));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Look at paragraph 2."));

        await bell.WaitForAssertionAsync(() => Assert.Equal("Notifications, 2 unread", Label(bell)), Timeout);
        Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim());

        await bell.ClickAsync(() => bell.Find("button[aria-haspopup=dialog]"));
        await popovers.WaitForAssertionAsync(() => Assert.Equal(2, popovers.FindAll(".notification-item").Count), Timeout);
        var newest = popovers.FindAll(".notification-item")[0];
        Assert.Contains($"{room.Teacher.DisplayName} replied on “The Manifesto”", newest.TextContent);
        Assert.Contains("Look at paragraph 2.", newest.TextContent);
        Assert.Contains("unread", newest.ClassList);
        var link = newest.QuerySelector("a.notification-open")!;
        Assert.Equal($"documents/{room.DocumentId}?thread={thread.Iri().Split('/')[^1]}", link.GetAttribute("href"));

        await link.ClickAsync(new());

        var navigation = pages.Context.Services.GetService(typeof(NavigationManager)) as NavigationManager;
        Assert.EndsWith($"documents/{room.DocumentId}?thread={thread.Iri().Split('/')[^1]}", navigation!.Uri);
        await bell.WaitForAssertionAsync(() => Assert.Equal("Notifications, 1 unread", Label(bell)), Timeout);
    }

    [Fact]
    public async Task Mark_one_and_mark_all_read_clear_the_count_and_another_users_notifications_do_not_move_it()
    {
        var room = await app.CreateClassroomAsync();
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = "Bring the book." })).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await room.StudentA.WaitForNotificationAsync("announcement");
        await using var pages = new LiveReadingPages(app);
        var (popovers, bell) = Render(pages, room.StudentA);
        await bell.WaitForAssertionAsync(() => Assert.Equal("Notifications, 2 unread", Label(bell)), Timeout);

        // A reply to B's thread is B's business: A's count stays (the barrier is B's own notification).
        var ofB = await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "B's thread"));
        var reply = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(ofB.Iri(), "For B."));
        await room.StudentB.WaitForNotificationAsync("reply", n => n.AnnotationIri() == reply.Iri());
        Assert.Equal("Notifications, 2 unread", Label(bell));

        await bell.ClickAsync(() => bell.Find("button[aria-haspopup=dialog]"));
        await popovers.WaitForAssertionAsync(() => Assert.Equal(2, popovers.FindAll(".notification-item.unread").Count), Timeout);
        await popovers.ClickAsync(() => popovers.Find(".notification-item button[aria-label^='Mark read']"));
        await popovers.WaitForAssertionAsync(() => Assert.Single(popovers.FindAll(".notification-item.unread")), Timeout);
        Assert.Equal("Notifications, 1 unread", Label(bell));

        await popovers.ClickAsync(() => popovers.FindAll("button").First(b => b.TextContent.Contains("Mark all read")));
        await bell.WaitForAssertionAsync(() => Assert.Equal("Notifications, none unread", Label(bell)), Timeout);
        Assert.Empty(popovers.FindAll(".notification-item.unread"));
    }

    [Fact]
    public async Task An_empty_inbox_says_what_will_appear_there()
    {
        var lonely = await app.RegisterAsync("lonely");
        await using var pages = new LiveReadingPages(app);
        var (popovers, bell) = Render(pages, lonely);

        await bell.ClickAsync(() => bell.Find("button[aria-haspopup=dialog]"));

        await popovers.WaitForAssertionAsync(() => Assert.Contains("Nothing here yet.", popovers.Find(".notification-empty").TextContent), Timeout);
        Assert.Equal("Notifications, none unread", Label(bell));
        Assert.Empty(bell.FindAll(".mud-badge-visible"));
    }
}
