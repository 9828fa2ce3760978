using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>
/// A reply takes its thread's visibility and can never widen it — whatever it asks for when posted or
/// edited — and narrowing a thread narrows its replies at once, live. Students A and B are in group one,
/// C in group two: C is the third student who must never see what was not meant for them.
/// </summary>
public sealed class ReplyEscalationTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private sealed record Scene(Classroom Room, ApiUser C, LiveReadingPages Pages);

    private async Task<Scene> CreateSceneAsync()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        return new Scene(room, c, new LiveReadingPages(app));
    }

    [Theory]
    [InlineData("private")]
    [InlineData("teachers")]
    [InlineData("group")]
    public async Task A_reply_asking_for_the_seminar_stays_at_its_threads_visibility_on_every_channel(string visibility)
    {
        var (room, c, pages) = await CreateSceneAsync();
        await using var _ = pages;
        var hubC = await app.ConnectHubAsync(c);
        await hubC.JoinAsync(room.DocumentId);
        var pageC = await pages.OpenAsync(c, room.DocumentId);
        // Whoever may see the thread replies: the author to a private note, the teacher, a groupmate.
        var replier = visibility switch { "private" => room.StudentA, "teachers" => room.Teacher, _ => room.StudentB };

        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"Thread {Guid.NewGuid():N}", visibility))).Iri();
        var replyText = $"Reply wanting everyone {Guid.NewGuid():N}";
        var reply = await replier.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, replyText, "seminar"));
        Assert.Equal(visibility, reply.GetProperty("visibility").GetString());

        var barrierText = $"Barrier {Guid.NewGuid():N}";
        var barrier = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", barrierText))).Iri();
        await hubC.WaitForAsync(HubListener.Created, barrier);
        await pageC.WaitUntilShownAsync(barrierText);

        Assert.DoesNotContain(hubC.Received, e => e.AnnotationIri == reply.Iri() || e.AnnotationIri == thread);
        Assert.False(pageC.EverShowed(replyText), "C's open page showed the reply.");
        Assert.DoesNotContain(reply.Iri(), await c.VisibleAnnotationIrisAsync(room.DocumentId));
        await (await c.GetAnnotationAsync(reply.Iri())).ProblemDetailAsync(HttpStatusCode.NotFound);
        var html = await (await CookieReader.SignInAsync(app, c)).GetReadingPageAsync(room.DocumentId);
        Assert.True(html.IsReadingPage);
        Assert.Contains(barrierText, html.Html);
        Assert.DoesNotContain(replyText, html.Html);
        // Stored as the thread's, for those who do see it.
        Assert.Equal(visibility, (await (await replier.GetAnnotationAsync(reply.Iri())).JsonAsync()).GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task Editing_a_reply_to_ask_for_the_seminar_does_not_widen_it()
    {
        var (room, c, pages) = await CreateSceneAsync();
        await using var _ = pages;
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "For the teachers.", "teachers"))).Iri();
        var posted = await room.Teacher.PostAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "First answer."));
        var reply = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var hubB = await app.ConnectHubAsync(room.StudentB);
        var hubC = await app.ConnectHubAsync(c);
        await hubB.JoinAsync(room.DocumentId);
        await hubC.JoinAsync(room.DocumentId);
        var pageC = await pages.OpenAsync(c, room.DocumentId);

        var editedText = $"Edited, asking for everyone {Guid.NewGuid():N}";
        var edited = await (await room.Teacher.PutAnnotationAsync(reply, AnnotationJson.Reply(thread, editedText, "seminar"), posted.Headers.ETag!.ToString())).JsonAsync();
        Assert.Equal("teachers", edited.GetProperty("visibility").GetString());
        Assert.Equal(editedText, edited.CommentText());

        var barrierText = $"Barrier {Guid.NewGuid():N}";
        var barrier = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", barrierText))).Iri();
        foreach (var hub in new[] { hubB, hubC })
        {
            await hub.WaitForAsync(HubListener.Created, barrier);
            Assert.DoesNotContain(hub.Received, e => e.AnnotationIri == reply || e.AnnotationIri == thread);
        }
        await pageC.WaitUntilShownAsync(barrierText);
        Assert.False(pageC.EverShowed(editedText));
        foreach (var student in new[] { room.StudentB, c })
        {
            await (await student.GetAnnotationAsync(reply)).ProblemDetailAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(reply, await student.VisibleAnnotationIrisAsync(room.DocumentId));
        }
        var atAuthor = await (await room.StudentA.GetAnnotationAsync(reply)).JsonAsync();
        Assert.Equal(("teachers", editedText), (atAuthor.GetProperty("visibility").GetString(), atAuthor.CommentText()));
    }

    [Fact]
    public async Task Narrowing_a_thread_narrows_its_replies_and_readers_who_lose_them_are_told_at_once()
    {
        var (room, c, pages) = await CreateSceneAsync();
        await using var _ = pages;
        const string quote = "class struggles";
        var threadText = $"Open to all {Guid.NewGuid():N}";
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(quote, threadText));
        var thread = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var replyByB = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, $"B answers {Guid.NewGuid():N}"))).Iri();
        var replyByCText = $"C answers {Guid.NewGuid():N}";
        var replyByC = (await c.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, replyByCText))).Iri();
        // Feedback in A's thread is A's alone: B and C never saw it, so they must hear nothing of it now either.
        var feedback = AnnotationJson.Reply(thread, "Good question, A.");
        feedback["motivation"] = "assessing";
        var feedbackIri = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, feedback)).Iri();

        var hubB = await app.ConnectHubAsync(room.StudentB);
        var hubC = await app.ConnectHubAsync(c);
        await hubB.JoinAsync(room.DocumentId);
        await hubC.JoinAsync(room.DocumentId);
        var pageB = await pages.OpenAsync(room.StudentB, room.DocumentId);
        var pageC = await pages.OpenAsync(c, room.DocumentId);
        Assert.True(pageC.Shows(threadText) && pageC.Shows(replyByCText));

        var narrowed = await room.StudentA.PutAnnotationAsync(thread, room.Comment(quote, threadText, "group"), posted.Headers.ETag!.ToString());
        await narrowed.ShouldHaveStatusAsync(HttpStatusCode.OK);

        await pageC.WaitUntilGoneAsync(threadText);
        Assert.False(pageC.Shows(replyByCText), "C's page still shows a reply of the narrowed thread.");
        var barrierText = $"Barrier {Guid.NewGuid():N}";
        var barrier = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", barrierText))).Iri();
        await hubB.WaitForAsync(HubListener.Created, barrier);
        await hubC.WaitForAsync(HubListener.Created, barrier);

        foreach (var id in new[] { thread, replyByB, replyByC })
        {
            Assert.Contains(hubC.Received, e => e.Name == HubListener.Deleted && e.AnnotationIri == id);
            Assert.Contains(hubB.Received, e => e.Name == HubListener.Updated && e.AnnotationIri == id);
            Assert.Equal("group", (await (await room.StudentB.GetAnnotationAsync(id)).JsonAsync()).GetProperty("visibility").GetString());
            await (await c.GetAnnotationAsync(id)).ProblemDetailAsync(HttpStatusCode.NotFound);
        }
        Assert.DoesNotContain(hubB.Received, e => e.AnnotationIri == feedbackIri);
        Assert.DoesNotContain(hubC.Received, e => e.AnnotationIri == feedbackIri);
        Assert.Equal([barrier], await c.VisibleAnnotationIrisAsync(room.DocumentId));
        await pageB.WaitUntilShownAsync(barrierText);
        Assert.True(pageB.Shows(threadText), "B, in A's group, lost the thread.");
    }
}
