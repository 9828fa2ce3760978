using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>
/// Teacher feedback reaches exactly the student it is for; the student's feedback list marks what is unread;
/// teachers resolve threads, mark exemplary annotations, set the schedule and see who took part.
/// </summary>
public sealed class FeedbackTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static JsonObject Feedback(Classroom room, string exact, string body, string addresseeId)
    {
        var feedback = room.Comment(exact, body);
        feedback["motivation"] = "assessing";
        feedback["addressee"] = addresseeId;
        return feedback;
    }

    private static JsonObject FeedbackReply(string threadIri, string body)
    {
        var reply = AnnotationJson.Reply(threadIri, body);
        reply["motivation"] = "assessing";
        return reply;
    }

    [Fact]
    public async Task Feedback_on_a_passage_is_seen_by_its_student_and_the_teachers_only()
    {
        var room = await app.CreateClassroomAsync();
        var hubB = await app.ConnectHubAsync(room.StudentB);
        await hubB.JoinAsync(room.DocumentId);

        var feedback = await room.Teacher.CreateAnnotationAsync(room.DocumentId, Feedback(room, "class struggles", "Good eye: compare ¶ 1.", room.StudentA.Id));
        var iri = feedback.Iri();
        Assert.Equal($"{app.Origin}/api/users/{room.StudentA.Id}", feedback.GetProperty("addressee").GetString());
        var barrier = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "For all."))).Iri();

        await hubB.WaitForAsync(HubListener.Created, barrier);
        Assert.DoesNotContain(hubB.Received, e => e.AnnotationIri == iri);
        Assert.Contains(iri, await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Contains(iri, await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.DoesNotContain(iri, await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        await (await room.StudentB.GetAnnotationAsync(iri)).ProblemDetailAsync(HttpStatusCode.NotFound);

        // B cannot get at it by replying either: the thread looks as if it were not there.
        await (await room.StudentB.PostAnnotationAsync(room.DocumentId, AnnotationJson.Reply(iri, "Let me in"))).ProblemDetailAsync(HttpStatusCode.NotFound);
        // A's reply under the feedback stays between A and the teachers.
        var answer = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(iri, "Thanks, I will.", "seminar"))).Iri();
        Assert.DoesNotContain(answer, await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Contains(answer, await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    public async Task Feedback_in_a_students_seminar_thread_is_for_that_student_while_the_thread_stays_open_to_all()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Is this still true?", "seminar"))).Iri();

        var feedback = await room.Teacher.CreateAnnotationAsync(room.DocumentId, FeedbackReply(thread, "Argue it from the text."));
        Assert.Equal($"{app.Origin}/api/users/{room.StudentA.Id}", feedback.GetProperty("addressee").GetString());
        var reply = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "A question for everyone."))).Iri();

        var seenByB = await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId);
        Assert.Equal([thread, reply], seenByB);
        Assert.Contains(feedback.Iri(), await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    public async Task Only_teachers_give_feedback_and_only_to_a_student_of_the_seminar()
    {
        var room = await app.CreateClassroomAsync();
        var byStudent = await (await room.StudentA.PostAnnotationAsync(room.DocumentId, Feedback(room, "class struggles", "Well done me.", room.StudentB.Id)))
            .ProblemDetailAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Only the seminar's teachers", byStudent);

        var toOutsider = await (await room.Teacher.PostAnnotationAsync(room.DocumentId, Feedback(room, "class struggles", "Hello", room.Outsider.Id)))
            .ProblemDetailAsync(HttpStatusCode.BadRequest);
        Assert.Contains("student of this seminar", toOutsider);

        var notAssessing = room.Comment("class struggles", "A comment");
        notAssessing["addressee"] = room.StudentA.Id;
        Assert.Contains("Only feedback", await (await room.Teacher.PostAnnotationAsync(room.DocumentId, notAssessing)).ProblemDetailAsync(HttpStatusCode.BadRequest));

        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations"));
    }

    [Fact]
    public async Task The_feedback_list_shows_a_students_feedback_newest_first_and_marks_what_is_read()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "My reading."))).Iri();
        var first = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, FeedbackReply(thread, "First note."))).Iri();
        var second = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, Feedback(room, "A spectre is haunting Europe", "Second note.", room.StudentA.Id))).Iri();

        var list = await (await room.StudentA.Http.GetAsync("/api/feedback")).JsonAsync();
        Assert.Equal([second, first], list.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray());
        Assert.All(list.EnumerateArray(), i => Assert.True(i.GetProperty("unread").GetBoolean()));
        var item = list[1];
        Assert.Equal("class struggles", item.GetProperty("passage").GetString());
        Assert.Equal(2, item.GetProperty("paragraph").GetInt32());
        Assert.Equal(thread, item.GetProperty("thread").GetString());

        Assert.Empty((await (await room.StudentB.Http.GetAsync("/api/feedback")).JsonAsync()).EnumerateArray());

        // Someone else's ids change nothing: B "reading" A's feedback leaves it unread for A.
        var forged = await room.StudentB.Http.PostAsJsonAsync("/api/feedback/read", new { ids = new[] { Guid.Parse(first.Split('/')[^1]) } });
        Assert.Equal(HttpStatusCode.NoContent, forged.StatusCode);
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM FeedbackReads"));

        var read = await room.StudentA.Http.PostAsJsonAsync("/api/feedback/read", new { ids = new[] { Guid.Parse(first.Split('/')[^1]) } });
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        list = await (await room.StudentA.Http.GetAsync("/api/feedback")).JsonAsync();
        Assert.Equal([true, false], list.EnumerateArray().Select(i => i.GetProperty("unread").GetBoolean()).ToArray());

        await (await room.StudentA.Http.PostAsJsonAsync("/api/feedback/read", new { ids = Array.Empty<Guid>() })).ProblemDetailAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Teachers_resolve_threads_and_mark_exemplary_annotations_students_cannot()
    {
        var room = await app.CreateClassroomAsync();
        var created = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A fine point."));
        var thread = created.Iri();
        var etag = (await room.StudentA.GetAnnotationAsync(thread)).Headers.ETag!.Tag;
        var reply = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "Agreed."))).Iri();
        var hidden = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre", "Mine alone.", "private"))).Iri();

        var resolved = await (await room.Teacher.Http.PostAsync($"{thread}/resolved", null)).JsonAsync();
        Assert.True(resolved.GetProperty("resolved").GetBoolean());
        var exemplary = await (await room.Teacher.Http.PostAsync($"{thread}/exemplary", null)).JsonAsync();
        Assert.True(exemplary.GetProperty("exemplary").GetBoolean());
        // Everyone who sees the thread sees the marks; the author's ETag still holds (marks are not edits).
        var seenByB = await (await room.StudentB.GetAnnotationAsync(thread)).JsonAsync();
        Assert.True(seenByB.GetProperty("resolved").GetBoolean());
        Assert.Equal(etag, (await room.StudentA.GetAnnotationAsync(thread)).Headers.ETag!.Tag);

        await (await room.Teacher.Http.PostAsync($"{reply}/resolved", null)).ProblemDetailAsync(HttpStatusCode.BadRequest);
        await (await room.StudentA.Http.PostAsync($"{thread}/exemplary", null)).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await room.Teacher.Http.PostAsync($"{hidden}/exemplary", null)).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.Outsider.Http.PostAsync($"{thread}/resolved", null)).ProblemDetailAsync(HttpStatusCode.NotFound);

        var reopened = await (await room.Teacher.Http.DeleteAsync($"{thread}/resolved")).JsonAsync();
        Assert.False(reopened.GetProperty("resolved").GetBoolean());
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE Exemplary = TRUE AND AuthorId = $b", ("$b", room.StudentB.Id)));
    }

    [Fact]
    public async Task Post_first_hides_others_until_the_student_posts_and_the_teacher_always_sees_all()
    {
        var room = await app.CreateClassroomAsync();
        var byB = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "B's reading."))).Iri();

        var schedule = await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}/schedule", new { dueAt = "2026-12-03T23:59:00Z", postFirst = true });
        var saved = await schedule.JsonAsync();
        Assert.True(saved.GetProperty("postFirst").GetBoolean());
        await (await room.StudentA.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}/schedule", new { postFirst = false })).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await room.Outsider.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}/schedule", new { postFirst = false })).ProblemDetailAsync(HttpStatusCode.NotFound);

        var hubA = await app.ConnectHubAsync(room.StudentA);
        await hubA.JoinAsync(room.DocumentId);
        var collection = await room.StudentA.GetCollectionAsync(room.DocumentId);
        Assert.Equal(0, collection.GetProperty("total").GetInt32());
        await (await room.StudentA.GetAnnotationAsync(byB)).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Equal([byB], await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId));

        // A private note does not open the gate.
        var note = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre", "Just for me.", "private"))).Iri();
        Assert.Equal([note], await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));

        var own = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("nothing to lose", "My own reading first."))).Iri();
        Assert.Contains(byB, await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));
        // The live connection, opened while A was still waiting, now gets others' posts too.
        var later = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting", "Later post by B."))).Iri();
        await hubA.WaitForAsync(HubListener.Created, later);
        Assert.Contains(hubA.Received, e => e.AnnotationIri == own);

        // Taking the only post back closes the gate again, live connection included.
        await (await room.StudentA.DeleteAnnotationAsync(own)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal([note], await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));
        var hidden = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("Working men of all countries", "After A deleted."))).Iri();
        var mine = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("They have a world to win", "A again, privately.", "private"))).Iri();
        await hubA.WaitForAsync(HubListener.Created, mine);
        Assert.DoesNotContain(hubA.Received, e => e.AnnotationIri == hidden);
    }

    [Fact]
    public async Task The_participation_overview_counts_what_the_teacher_may_see_and_downloads_as_csv()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Three words here"))).Iri();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "and two"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre", "a private note nobody counts", "private"));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, FeedbackReply(thread, "Good."));

        var overview = await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/participation")).JsonAsync();
        var students = overview.GetProperty("students").EnumerateArray().ToDictionary(s => s.GetProperty("userId").GetString()!);
        var a = students[room.StudentA.Id];
        Assert.Equal(1, a.GetProperty("annotations").GetInt32());
        Assert.Equal(1, a.GetProperty("replies").GetInt32());
        Assert.Equal(5, a.GetProperty("words").GetInt32());
        Assert.Equal(1, a.GetProperty("feedbackReceived").GetInt32());
        Assert.Equal(0, students[room.StudentB.Id].GetProperty("annotations").GetInt32());
        Assert.Equal(JsonValueKind.Null, students[room.StudentB.Id].GetProperty("firstActivity").ValueKind);

        var csv = await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/participation?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Student,User id,Group,Annotations,Replies,Words", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(room.StudentA.Id) && l.Contains(",1,1,5,0,1,"));

        await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}/participation")).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await room.Outsider.Http.GetAsync($"/api/documents/{room.DocumentId}/participation")).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/participation?format=xlsx")).ProblemDetailAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_students_posts_on_the_overview_are_what_the_teacher_may_see_each_with_its_thread_and_passage()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Three words here"))).Iri();
        var bsThread = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre", "B's thread"))).Iri();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(bsThread, "A answers B"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Working men of all countries", "a private note", "private"));
        var posts = $"/api/documents/{room.DocumentId}/participation/students/{room.StudentA.Id}/posts";

        var links = (await (await room.Teacher.Http.GetAsync(posts)).JsonAsync()).EnumerateArray().ToList();

        Assert.Equal(2, links.Count);
        Assert.Equal(thread, $"{app.Origin}/api/annotations/{links[0].GetProperty("threadId").GetGuid()}");
        Assert.Equal("class struggles", links[0].GetProperty("quote").GetString());
        Assert.False(links[0].GetProperty("isReply").GetBoolean());
        // A reply links to the thread it is in, another student's, with that thread's passage.
        Assert.Equal(bsThread, $"{app.Origin}/api/annotations/{links[1].GetProperty("threadId").GetGuid()}");
        Assert.Equal("A spectre", links[1].GetProperty("quote").GetString());
        Assert.True(links[1].GetProperty("isReply").GetBoolean());

        await (await room.StudentA.Http.GetAsync(posts)).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await room.Outsider.Http.GetAsync(posts)).ProblemDetailAsync(HttpStatusCode.NotFound);
        foreach (var notAStudent in new[] { room.Outsider.Id, room.Teacher.Id, Guid.NewGuid().ToString() })
        {
            var detail = await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/participation/students/{notAStudent}/posts"))
                .ProblemDetailAsync(HttpStatusCode.NotFound);
            Assert.Contains("no student with that id", detail);
        }
        await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/participation/students/{new string('x', 2000)}/posts"))
            .ProblemDetailAsync(HttpStatusCode.NotFound);

        // Removed, A is no student of the seminar any more: their posts are not listed, and they read nothing of it.
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}"))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await room.Teacher.Http.GetAsync(posts)).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.StudentA.Http.GetAsync(posts)).ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_teachers_creating_the_same_group_at_once_make_one_group()
    {
        var room = await app.CreateClassroomAsync();
        var attempts = Enumerable.Range(0, 6).Select(_ =>
            room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name = "Readers" }));
        var results = await Task.WhenAll(attempts);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM Groups WHERE SeminarId = $s", ("$s", room.SeminarId)));
    }
}
