using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Shared;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Notifications;

/// <summary>
/// A notification is made only for someone who can see what it points at, and shows nothing of it once they
/// no longer can; a mention never carries a thread beyond its audience, and its writer is told whom it missed.
/// </summary>
public sealed class NotificationAudienceTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_mention_of_a_member_who_can_see_the_thread_notifies_them_and_is_drawn_as_their_name()
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"What do you think, {room.StudentB.Mention()}?"));

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.False(created.TryGetProperty("warnings", out _));
        var toB = await room.StudentB.WaitForNotificationAsync("mention", n => n.AnnotationIri() == created.Iri());
        Assert.Equal(room.StudentA.DisplayName, toB.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM Mentions WHERE UserId = $user", ("user", room.StudentB.Id)));
    }

    [Fact]
    public async Task Mentioning_a_non_member_and_someone_outside_the_threads_audience_notifies_nobody_and_warns_the_writer()
    {
        var room = await app.CreateClassroomAsync();

        // Visible to A and the teachers only: B is a member, but not of this thread's audience.
        var response = await room.StudentA.PostAnnotationAsync(room.DocumentId,
            room.Comment("class struggles", $"Ask {room.Outsider.Mention()} and {room.StudentB.Mention()} and {room.Teacher.Mention()}", visibility: "teachers"));

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var warnings = created.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal([room.Outsider.Id, room.StudentB.Id], warnings.Select(w => w.GetProperty("userId").GetString()));
        Assert.Contains("not a member of this seminar", warnings[0].GetProperty("detail").GetString());
        Assert.Contains("cannot see this annotation", warnings[1].GetProperty("detail").GetString());
        Assert.All(warnings, w => Assert.Equal("mention-not-notified", w.GetProperty("type").GetString()));

        // The teacher, who can see it, is told: the worker took the mention, and after it nothing else for the others.
        await room.Teacher.WaitForNotificationAsync("mention", n => n.AnnotationIri() == created.Iri());
        await app.AddDocumentAsync(room.Teacher, room.SeminarId, "Barrier", "Text.");
        await room.StudentB.WaitForNotificationAsync("document", n => n.GetProperty("documentTitle").GetString() == "Barrier");
        Assert.Empty(await room.StudentB.NotificationsOfKindAsync("mention"));
        Assert.Empty(await room.Outsider.NotificationsAsync());
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Mentions WHERE UserId IN ($b, $o)", ("b", room.StudentB.Id), ("o", room.Outsider.Id)));
    }

    [Fact]
    public async Task A_reply_in_a_private_thread_is_not_carried_to_anyone_by_a_mention()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Private note", visibility: "private"));

        var response = await room.StudentA.PostAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), $"cc {room.Teacher.Mention()}"));

        var reply = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(room.Teacher.Id, Assert.Single(reply.GetProperty("warnings").EnumerateArray()).GetProperty("userId").GetString());
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = "Barrier" })).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await room.StudentA.WaitForNotificationAsync("announcement");
        Assert.Empty(await room.Teacher.NotificationsOfKindAsync("mention"));
    }

    [Fact]
    public async Task An_edit_that_adds_a_mention_notifies_only_the_newly_mentioned()
    {
        var room = await app.CreateClassroomAsync();
        var created = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"Hi {room.StudentB.Mention()}"));
        await room.StudentB.WaitForNotificationAsync("mention", n => n.AnnotationIri() == created.Iri());

        var edited = room.Comment("class struggles", $"Hi {room.StudentB.Mention()} and {room.Teacher.Mention()}");
        await (await room.StudentA.PutAnnotationAsync(created.Iri(), edited, "\"1\"")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await room.Teacher.WaitForNotificationAsync("mention", n => n.AnnotationIri() == created.Iri());
        Assert.Single(await room.StudentB.NotificationsOfKindAsync("mention"));
    }

    [Fact]
    public async Task A_deleted_annotation_takes_its_notifications_with_it()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Still true?"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Yes."));
        await room.StudentA.WaitForNotificationAsync("reply", n => n.AnnotationIri() == reply.Iri());

        await (await room.StudentB.DeleteAnnotationAsync(reply.Iri())).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.DoesNotContain(await room.StudentA.NotificationsAsync(), n => n.AnnotationIri() == reply.Iri());
        Assert.Equal(0, await room.StudentA.UnreadCountAsync() - (await room.StudentA.NotificationsAsync()).Count(n => !n.GetProperty("read").GetBoolean()));
    }

    [Fact]
    public async Task When_visibility_narrows_the_notification_stays_but_shows_nothing_of_the_thread()
    {
        var room = await app.CreateClassroomAsync();
        var created = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"Secret plan, {room.StudentB.Mention()}"));
        var mention = await room.StudentB.WaitForNotificationAsync("mention", n => n.AnnotationIri() == created.Iri());
        var unreadBefore = await room.StudentB.UnreadCountAsync();

        await (await room.StudentA.PutAnnotationAsync(created.Iri(), room.Comment("class struggles", $"Secret plan, {room.StudentB.Mention()}", visibility: "private"), "\"1\"")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var now = Assert.Single(await room.StudentB.NotificationsAsync(), n => n.NotificationId() == mention.NotificationId());
        Assert.False(now.GetProperty("available").GetBoolean());
        Assert.Equal("mention", now.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, now.GetProperty("annotation").ValueKind);
        Assert.Equal(JsonValueKind.Null, now.GetProperty("actor").ValueKind);
        Assert.Equal(JsonValueKind.Null, now.GetProperty("documentId").ValueKind);
        Assert.DoesNotContain("Secret", now.GetRawText());
        Assert.DoesNotContain("class struggles", now.GetRawText());
        Assert.Equal(unreadBefore - 1, await room.StudentB.UnreadCountAsync());
    }

    [Fact]
    public async Task A_removed_member_keeps_no_content_of_their_notifications()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Still true?"));
        var reply = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Read ¶ 4."));
        await room.StudentA.WaitForNotificationAsync("reply", n => n.AnnotationIri() == reply.Iri());

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var after = await room.StudentA.NotificationsAsync();
        Assert.NotEmpty(after);
        Assert.All(after, n => Assert.False(n.GetProperty("available").GetBoolean()));
        Assert.DoesNotContain("Read ¶ 4.", string.Concat(after.Select(n => n.GetRawText())));
        Assert.DoesNotContain("The Manifesto", string.Concat(after.Select(n => n.GetRawText())));
        Assert.Equal(0, await room.StudentA.UnreadCountAsync());
    }

    [Fact]
    public async Task The_editor_offers_only_members_who_would_see_the_annotation()
    {
        var room = await app.CreateClassroomAsync();
        var candidates = app.Services.GetRequiredService<MentionCandidates>();

        async Task<List<string>> OfferedAsync(Visibility visibility, string? addressee = null) =>
            [.. (await candidates.ForAsync(room.DocumentId, new VisibilityFacts(room.StudentA.Id, visibility, null, addressee), room.StudentA.Id)).Select(c => c.UserId)];

        Assert.Equal(new[] { room.StudentB.Id, room.Teacher.Id }.Order(), (await OfferedAsync(Visibility.Seminar)).Order());
        Assert.Equal([room.Teacher.Id], await OfferedAsync(Visibility.Teachers));
        Assert.Empty(await OfferedAsync(Visibility.Private));
        Assert.DoesNotContain(room.Outsider.Id, await OfferedAsync(Visibility.Seminar));
        // Feedback for B, written by the teacher: B and no other student.
        Assert.Equal([room.StudentB.Id], (await candidates.ForAsync(room.DocumentId, new VisibilityFacts(room.Teacher.Id, Visibility.Teachers, null, room.StudentB.Id), room.Teacher.Id)).Select(c => c.UserId).ToList());
    }
}
