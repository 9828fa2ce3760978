using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Widening a thread never widens what others wrote in it: each reply keeps the audience it was written
/// for (its thread's visibility when it was posted), and is read by the narrower of that and the thread's
/// visibility now. Checked on every channel a reader has: the API collection, GET by id, the hub, the open
/// reading page, the server-rendered page and the JSON-LD export. Students A and B are in group one, C in
/// group two.
/// </summary>
public sealed class ThreadWideningTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private sealed record Reader(ApiUser User, HubListener Hub, LivePage Page);

    [Fact]
    public async Task A_teachers_reply_stays_with_the_teachers_when_the_student_widens_the_thread_to_the_seminar()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var threadText = Text("For the teachers");
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles", threadText, "teachers"));
        var thread = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var replyText = Text("Teacher to A only");
        var reply = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, replyText))).Iri();
        var b = await OpenAsync(pages, room.StudentB, room.DocumentId);
        var others = await OpenAsync(pages, c, room.DocumentId);

        var widened = await (await room.StudentA.PutAnnotationAsync(thread, room.Comment("class struggles", threadText, "seminar"), posted.Headers.ETag!.ToString())).JsonAsync();
        Assert.Equal("seminar", widened.GetProperty("visibility").GetString());

        // The thread reaches everyone; a reply written now is for everyone too.
        var laterText = Text("Teacher to all, after widening");
        var later = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, laterText))).Iri();
        foreach (var reader in new[] { b, others })
        {
            await reader.Hub.WaitForAsync(HubListener.Created, later);
            await reader.Page.WaitUntilShownAsync(laterText);
            Assert.Contains(reader.Hub.Received, e => e.Name == HubListener.Created && e.AnnotationIri == thread);
            Assert.True(reader.Page.Shows(threadText));
            await AssertReachesAsync(reader.User, room.DocumentId, later, laterText, "seminar");
            await AssertNeverReachesAsync(reader, room.DocumentId, reply, replyText);
        }
        // Those it was written for still read it, as it was written.
        foreach (var reader in new[] { room.StudentA, room.Teacher })
            await AssertReachesAsync(reader, room.DocumentId, reply, replyText, "teachers");
    }

    [Fact]
    public async Task A_groupmates_reply_stays_in_the_group_when_the_thread_is_widened_to_the_seminar()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var threadText = Text("For my group");
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", threadText, "group"));
        var thread = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var replyText = Text("B to the group");
        var reply = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, replyText))).Iri();
        var other = await OpenAsync(pages, c, room.DocumentId);

        await (await room.StudentA.PutAnnotationAsync(thread, room.Comment("Pope and Tsar", threadText, "seminar"), posted.Headers.ETag!.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var laterText = Text("B to all, after widening");
        var later = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, laterText))).Iri();
        await other.Hub.WaitForAsync(HubListener.Created, later);
        await other.Page.WaitUntilShownAsync(laterText);
        Assert.True(other.Page.Shows(threadText));
        await AssertReachesAsync(c, room.DocumentId, later, laterText, "seminar");
        await AssertNeverReachesAsync(other, room.DocumentId, reply, replyText);
        foreach (var reader in new[] { room.StudentA, room.StudentB, room.Teacher })
            await AssertReachesAsync(reader, room.DocumentId, reply, replyText, "group");
    }

    [Fact]
    public async Task Narrowing_and_widening_again_gives_each_reply_back_the_audience_it_was_written_for()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        const string quote = "Metternich and Guizot";
        var threadText = Text("For everyone");
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(quote, threadText));
        var thread = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var replyText = Text("C to everyone");
        var reply = (await c.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, replyText))).Iri();
        var other = await OpenAsync(pages, c, room.DocumentId);

        var narrowed = await room.StudentA.PutAnnotationAsync(thread, room.Comment(quote, threadText, "group"), posted.Headers.ETag!.ToString());
        await narrowed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await other.Page.WaitUntilGoneAsync(replyText);
        // Written while the thread was narrow: it stays with the group when the thread opens again.
        var duringText = Text("B to the group, while narrow");
        var during = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, duringText))).Iri();
        await (await c.GetAnnotationAsync(reply)).ProblemDetailAsync(HttpStatusCode.NotFound);

        await (await room.StudentA.PutAnnotationAsync(thread, room.Comment(quote, threadText, "seminar"), narrowed.Headers.ETag!.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        await other.Hub.WaitForAsync(HubListener.Created, reply);
        await other.Page.WaitUntilShownAsync(replyText);
        await AssertReachesAsync(c, room.DocumentId, reply, replyText, "seminar");
        var barrier = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", Text("Barrier")))).Iri();
        await other.Hub.WaitForAsync(HubListener.Created, barrier);
        await AssertNeverReachesAsync(other, room.DocumentId, during, duringText);
        Assert.Equal("group", (await (await room.StudentA.GetAnnotationAsync(during)).JsonAsync()).GetProperty("visibility").GetString());
    }

    private async Task<Reader> OpenAsync(LiveReadingPages pages, ApiUser user, int documentId)
    {
        var hub = await app.ConnectHubAsync(user);
        await hub.JoinAsync(documentId);
        return new Reader(user, hub, await pages.OpenAsync(user, documentId));
    }

    /// <summary>Not on any channel, at any moment since the reader's page and hub connection opened.</summary>
    private async Task AssertNeverReachesAsync(Reader reader, int documentId, string iri, string text)
    {
        Assert.DoesNotContain(reader.Hub.TakeArrived(), e => e.AnnotationIri == iri);
        Assert.False(reader.Page.EverShowed(text), $"The open page showed \"{text}\".");
        Assert.DoesNotContain(iri, await reader.User.VisibleAnnotationIrisAsync(documentId));
        await (await reader.User.GetAnnotationAsync(iri)).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await reader.User.ExportItemsAsync(documentId), item => item.Iri() == iri);
        var html = await (await CookieReader.SignInAsync(app, reader.User)).GetReadingPageAsync(documentId);
        Assert.True(html.IsReadingPage);
        Assert.DoesNotContain(text, html.Html);
    }

    private async Task AssertReachesAsync(ApiUser reader, int documentId, string iri, string text, string visibility)
    {
        Assert.Contains(iri, await reader.VisibleAnnotationIrisAsync(documentId));
        var annotation = await (await reader.GetAnnotationAsync(iri)).JsonAsync();
        Assert.Equal((text, visibility), (annotation.CommentText(), annotation.GetProperty("visibility").GetString()));
        Assert.Contains(await reader.ExportItemsAsync(documentId), item => item.Iri() == iri);
        var html = await (await CookieReader.SignInAsync(app, reader)).GetReadingPageAsync(documentId);
        Assert.Contains(text, html.Html);
    }

    private static string Text(string what) => $"{what} {Guid.NewGuid():N}";
}
