using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Notifications;

/// <summary>Each kind of notification reaches the people it is for, and not the person who caused it.</summary>
public sealed class NotificationKindTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_reply_notifies_the_thread_author_and_the_author_of_what_it_answers_but_not_its_writer()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Still true?"));
        var teacherReply = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Look at paragraph 2."));

        var toA = await room.StudentA.WaitForNotificationAsync("reply", n => n.AnnotationIri() == teacherReply.Iri());
        Assert.Equal(room.Teacher.DisplayName, toA.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(room.DocumentId, toA.GetProperty("documentId").GetInt32());
        Assert.False(toA.GetProperty("read").GetBoolean());
        Assert.Equal("class struggles", toA.GetProperty("passage").GetString());
        Assert.EndsWith($"/documents/{room.DocumentId}?thread={thread.Iri().Split('/')[^1]}", toA.GetProperty("link").GetString());

        // B answers the teacher's reply: the teacher (author of what it answers) and A (the thread's author) hear of it.
        var nested = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(teacherReply.Iri(), "Which line?"));
        await room.Teacher.WaitForNotificationAsync("reply", n => n.AnnotationIri() == nested.Iri());
        await room.StudentA.WaitForNotificationAsync("reply", n => n.AnnotationIri() == nested.Iri());
        Assert.DoesNotContain(await room.StudentB.NotificationsOfKindAsync("reply"), n => n.AnnotationIri() == nested.Iri());
    }

    [Fact]
    public async Task Feedback_notifies_its_student_only_as_feedback()
    {
        var room = await app.CreateClassroomAsync();
        var feedback = room.Comment("class struggles", "Good eye.");
        feedback["motivation"] = "assessing";
        feedback["addressee"] = room.StudentA.Id;

        var given = await room.Teacher.CreateAnnotationAsync(room.DocumentId, feedback);

        var toA = await room.StudentA.WaitForNotificationAsync("feedback", n => n.AnnotationIri() == given.Iri());
        Assert.Equal("Good eye.", toA.GetProperty("annotation").GetProperty("body")[0].GetProperty("value").GetString());
        // A barrier for B: a later notification of B's arrived, so the feedback would have been made before it.
        await app.AddDocumentAsync(room.Teacher, room.SeminarId, "Barrier", "Text.");
        await room.StudentB.WaitForNotificationAsync("document", n => n.GetProperty("documentTitle").GetString() == "Barrier");
        Assert.DoesNotContain(await room.StudentB.NotificationsAsync(), n => n.AnnotationIri() == given.Iri());
    }

    [Fact]
    public async Task A_new_document_notifies_every_other_member()
    {
        var room = await app.CreateClassroomAsync();

        var documentId = await app.AddDocumentAsync(room.Teacher, room.SeminarId, "Wage Labour and Capital", "Text of it.");

        foreach (var student in new[] { room.StudentA, room.StudentB })
        {
            var added = await student.WaitForNotificationAsync("document", n => n.GetProperty("documentId").GetInt32() == documentId);
            Assert.Equal("Wage Labour and Capital", added.GetProperty("documentTitle").GetString());
            Assert.Equal(JsonValueKind.Null, added.GetProperty("annotation").ValueKind);
        }
        Assert.Empty(await room.Teacher.NotificationsOfKindAsync("document"));
        Assert.Empty(await room.Outsider.NotificationsAsync());
    }

    [Fact]
    public async Task A_teachers_announcement_reaches_every_other_member_and_only_a_teacher_can_make_one()
    {
        var room = await app.CreateClassroomAsync();

        var sent = await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = "No class on Friday." });

        await sent.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var toB = await room.StudentB.WaitForNotificationAsync("announcement");
        Assert.Equal("No class on Friday.", toB.GetProperty("text").GetString());
        Assert.Equal(room.SeminarId, toB.GetProperty("seminarId").GetInt32());

        await (await room.StudentA.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = "Party!" })).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await room.Outsider.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = "Spam" })).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = "  " })).ProblemDetailAsync(HttpStatusCode.BadRequest);
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = new string('x', 2_001) })).ProblemDetailAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_answer_marked_in_a_question_thread_notifies_the_asker()
    {
        var room = await app.CreateClassroomAsync();
        var question = room.Comment("class struggles", "Who wrote this?");
        question["motivation"] = "questioning";
        var asked = await room.StudentA.CreateAnnotationAsync(room.DocumentId, question);
        var answer = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(asked.Iri(), "Marx and Engels."));
        await room.StudentA.WaitForNotificationAsync("reply", n => n.AnnotationIri() == answer.Iri());

        var marked = await room.Teacher.Http.PostAsJsonAsync($"{asked.Iri()}/answered", new { reply = Guid.Parse(answer.Iri().Split('/')[^1]) });
        await marked.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var toA = await room.StudentA.WaitForNotificationAsync("answer", n => n.AnnotationIri() == answer.Iri());
        Assert.Equal(room.Teacher.DisplayName, toA.GetProperty("actor").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_hub_connection_receives_its_users_new_notifications_without_joining_anything()
    {
        var room = await app.CreateClassroomAsync();
        var hubA = await app.ConnectHubAsync(room.StudentA);
        var hubB = await app.ConnectHubAsync(room.StudentB);
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Still true?"));

        var reply = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Yes."));

        var pushed = await hubA.WaitForAsync(HubListener.Notification, e => e.Payload.GetProperty("kind").GetString() == "reply");
        Assert.Equal(reply.Iri(), pushed.Payload.AnnotationIri());
        Assert.False(pushed.Payload.GetProperty("read").GetBoolean());
        // B's own barrier: an announcement, which reaches both; B never had the reply pushed.
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/announcements", new { text = "Barrier" })).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await hubB.WaitForAsync(HubListener.Notification, e => e.Payload.GetProperty("kind").GetString() == "announcement");
        Assert.DoesNotContain(hubB.NotificationsReceived, e => e.Payload.GetProperty("kind").GetString() == "reply");
    }
}
