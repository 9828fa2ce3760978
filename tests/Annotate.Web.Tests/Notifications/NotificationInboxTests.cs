using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Notifications;

/// <summary>Reading the inbox: newest first, paged; marking read one, several or all; others' ids change nothing; settings per seminar.</summary>
public sealed class NotificationInboxTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task The_inbox_is_newest_first_and_pages_with_before()
    {
        var room = await app.CreateClassroomAsync();
        for (var i = 1; i <= 3; i++)
            await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = $"Note {i}" })).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await room.StudentA.WaitForNotificationAsync("announcement", n => n.GetProperty("text").GetString() == "Note 3");

        var first = await room.StudentA.NotificationsAsync("?limit=2");
        Assert.Equal(["Note 3", "Note 2"], first.Select(n => n.GetProperty("text").GetString()));
        var next = await room.StudentA.NotificationsAsync($"?limit=2&before={first[^1].NotificationId()}");
        Assert.Equal("Note 1", next[0].GetProperty("text").GetString());
        Assert.Equal("document", next[1].GetProperty("kind").GetString());
        await (await room.StudentA.Http.GetAsync("/api/notifications?limit=0")).ProblemDetailAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Marking_read_counts_down_and_marking_all_read_clears_the_count()
    {
        var room = await app.CreateClassroomAsync();
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = "One" })).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var one = await room.StudentA.WaitForNotificationAsync("announcement");
        Assert.Equal(2, await room.StudentA.UnreadCountAsync());

        await (await room.StudentA.MarkReadAsync(one.NotificationId())).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(1, await room.StudentA.UnreadCountAsync());
        Assert.True((await room.StudentA.NotificationsAsync()).Single(n => n.NotificationId() == one.NotificationId()).GetProperty("read").GetBoolean());
        Assert.Single(await room.StudentA.NotificationsAsync("?unread=true"));
        await (await room.StudentA.Http.PostAsync("/api/notifications/read-all", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, await room.StudentA.UnreadCountAsync());
    }

    [Fact]
    public async Task Someone_elses_ids_and_made_up_ids_are_ignored_and_change_nothing()
    {
        var room = await app.CreateClassroomAsync();
        var ofA = await room.StudentA.WaitForNotificationAsync("document");
        var before = await app.Database.SnapshotAsync();

        await (await room.StudentB.MarkReadAsync(ofA.NotificationId(), Guid.NewGuid().ToString())).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await room.Outsider.MarkReadAsync(ofA.NotificationId())).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(before, await app.Database.SnapshotAsync());
        Assert.False((await room.StudentA.NotificationsAsync()).Single(n => n.NotificationId() == ofA.NotificationId()).GetProperty("read").GetBoolean());
        await (await room.StudentA.Http.PostAsJsonAsync("/api/notifications/read", new { ids = Array.Empty<string>() })).ProblemDetailAsync(HttpStatusCode.BadRequest);
        await (await room.StudentA.Http.PostAsJsonAsync("/api/notifications/read", new { ids = new[] { "not-a-guid" } })).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        // Another's id as a cursor is no cursor: B's own inbox, without A's notification.
        Assert.DoesNotContain(await room.StudentB.NotificationsAsync($"?before={ofA.NotificationId()}"), n => n.NotificationId() == ofA.NotificationId());
    }

    [Fact]
    public async Task A_seminar_set_to_nothing_notifies_nothing_and_replies_and_mentions_only_leaves_out_documents()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.SetSeminarNotificationsAsync(room.SeminarId, "nothing");
        await room.StudentB.SetSeminarNotificationsAsync(room.SeminarId, "replies-and-mentions");
        var settings = await (await room.StudentB.Http.GetAsync("/api/notifications/settings")).JsonAsync();
        var seminar = settings.GetProperty("seminars").EnumerateArray().Single(s => s.GetProperty("seminarId").GetInt32() == room.SeminarId);
        Assert.Equal("replies-and-mentions", seminar.GetProperty("inApp").GetString());

        await app.AddDocumentAsync(room.Teacher, room.SeminarId, "Second text", "Words.");
        var thread = await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"Hey {room.StudentA.Mention()}"));
        var reply = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Good."));

        await room.StudentB.WaitForNotificationAsync("reply", n => n.AnnotationIri() == reply.Iri());
        Assert.Single(await room.StudentB.NotificationsOfKindAsync("document"));
        Assert.DoesNotContain(await room.StudentA.NotificationsAsync(), n => n.GetProperty("kind").GetString() is "mention" || n.GetProperty("documentTitle").ValueKind == System.Text.Json.JsonValueKind.String && n.GetProperty("documentTitle").GetString() == "Second text");

        await (await room.StudentB.Http.PutAsJsonAsync($"/api/notifications/settings/seminars/{room.SeminarId}", new { inApp = "loud", email = "nothing" })).ProblemDetailAsync(HttpStatusCode.BadRequest);
        await (await room.Outsider.Http.PutAsJsonAsync($"/api/notifications/settings/seminars/{room.SeminarId}", new { inApp = "nothing", email = "nothing" })).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.StudentB.Http.PutAsJsonAsync("/api/notifications/settings", new { timeZone = "Mars/Olympus", digestHour = 7 })).ProblemDetailAsync(HttpStatusCode.BadRequest);
        await (await room.StudentB.Http.PutAsJsonAsync("/api/notifications/settings", new { timeZone = "Asia/Ho_Chi_Minh", digestHour = 18 })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal("Asia/Ho_Chi_Minh", (await (await room.StudentB.Http.GetAsync("/api/notifications/settings")).JsonAsync()).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_inbox_and_leaves_what_it_did_in_others_by_nobody()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"cc {room.StudentB.Mention()}"));
        await room.StudentB.WaitForNotificationAsync("mention", n => n.AnnotationIri() == thread.Iri());
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Thanks"));
        await room.StudentA.WaitForNotificationAsync("reply", n => n.AnnotationIri() == reply.Iri());

        await (await room.StudentB.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me") { Content = JsonContent.Create(new { password = AnnotateApp.Password }) })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Notifications WHERE UserId = $id OR ActorId = $id", ("id", room.StudentB.Id)));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Mentions WHERE UserId = $id", ("id", room.StudentB.Id)));
    }
}
