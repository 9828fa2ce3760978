using System.Net;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Web.Tests;

/// <summary>
/// Who sees what, over HTTP and the hub alike (contract sections 2 and 3): hidden answers 404, never 403,
/// and a hub connection gets an event only when its user may see the annotation.
/// </summary>
public sealed class VisibilityTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Private_annotation_is_absent_for_another_student_over_HTTP_and_the_hub()
    {
        var room = await app.CreateClassroomAsync();
        var hubA = await app.ConnectHubAsync(room.StudentA);
        var hubB = await app.ConnectHubAsync(room.StudentB);
        await hubA.JoinAsync(room.DocumentId);
        await hubB.JoinAsync(room.DocumentId);

        var hidden = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Note to self.", "private"))).Iri();
        var shared = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "For everyone.", "seminar"))).Iri();

        // The seminar annotation, sent after the private one, is the barrier: had B been sent the private
        // one, it would have arrived first.
        await hubB.WaitForAsync(HubListener.Created, shared);
        Assert.DoesNotContain(hubB.Received, e => e.AnnotationIri == hidden);
        await hubA.WaitForAsync(HubListener.Created, hidden);

        Assert.Equal([shared], await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Equal([hidden, shared], await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));
        var detail = await (await room.StudentB.GetAnnotationAsync(hidden)).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Contains("no annotation with that id", detail);
        await (await room.Teacher.GetAnnotationAsync(hidden)).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.StudentB.DeleteAnnotationAsync(hidden)).ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Seminar_annotation_reaches_every_member_and_its_update_and_delete_reach_them_too()
    {
        var room = await app.CreateClassroomAsync();
        var hubs = new List<HubListener>();
        foreach (var member in new[] { room.Teacher, room.StudentA, room.StudentB })
        {
            var hub = await app.ConnectHubAsync(member);
            await hub.JoinAsync(room.DocumentId);
            hubs.Add(hub);
        }
        var hubB = hubs[2];

        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("nothing to lose but their chains", "Still true?"));
        var created = await posted.JsonAsync(HttpStatusCode.Created);
        var id = created.Iri();

        foreach (var hub in hubs)
            JsonAssert.Equal(created, (await hub.WaitForAsync(HubListener.Created, id)).Payload);
        foreach (var member in new[] { room.Teacher, room.StudentB })
        {
            Assert.Equal([id], await member.VisibleAnnotationIrisAsync(room.DocumentId));
            JsonAssert.Equal(created, await (await member.GetAnnotationAsync(id)).JsonAsync());
        }

        var updated = await (await room.StudentA.PutAnnotationAsync(id, room.Comment("nothing to lose but their chains", "Yes, still true."), posted.Headers.ETag!.ToString())).JsonAsync();
        var update = await hubB.WaitForAsync(HubListener.Updated, id);
        JsonAssert.Equal(updated, update.Payload);
        Assert.Equal("Yes, still true.", update.Payload.CommentText());

        await (await room.StudentA.DeleteAnnotationAsync(id)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        foreach (var hub in hubs)
            Assert.Equal(id, (await hub.WaitForAsync(HubListener.Deleted, id)).Payload.GetString());
    }

    [Fact]
    public async Task Narrowing_to_private_takes_an_annotation_from_other_readers_at_once_and_widening_brings_it_back()
    {
        var room = await app.CreateClassroomAsync();
        var hubB = await app.ConnectHubAsync(room.StudentB);
        await hubB.JoinAsync(room.DocumentId);
        const string quote = "class struggles";
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(quote, "Shared at first."));
        var id = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        await hubB.WaitForAsync(HubListener.Created, id);

        var narrowed = await room.StudentA.PutAnnotationAsync(id, room.Comment(quote, "On second thought, mine.", "private"), posted.Headers.ETag!.ToString());
        await narrowed.ShouldHaveStatusAsync(HttpStatusCode.OK);

        await hubB.WaitForAsync(HubListener.Deleted, id);
        Assert.Empty(await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        await (await room.StudentB.GetAnnotationAsync(id)).ProblemDetailAsync(HttpStatusCode.NotFound);

        var widened = await (await room.StudentA.PutAnnotationAsync(id, room.Comment(quote, "Shared again."), narrowed.Headers.ETag!.ToString())).JsonAsync();
        JsonAssert.Equal(widened, (await hubB.WaitForAsync(HubListener.Created, id)).Payload);
        Assert.Equal([id], await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    public async Task Deleting_a_thread_tells_hub_readers_its_replies_are_gone_before_the_thread()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe"))).Iri();
        var reply = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "Which one?"))).Iri();
        var hubB = await app.ConnectHubAsync(room.StudentB);
        await hubB.JoinAsync(room.DocumentId);

        await (await room.StudentA.DeleteAnnotationAsync(thread)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await hubB.WaitForAsync(HubListener.Deleted, reply);
        await hubB.WaitForAsync(HubListener.Deleted, thread);
    }

    [Fact]
    public async Task Non_member_gets_404_for_the_document_its_annotations_and_cannot_join_it_on_the_hub()
    {
        var room = await app.CreateClassroomAsync();
        var id = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe"))).Iri();
        var outsider = room.Outsider;

        Assert.Contains("no document with that id", await (await outsider.Http.GetAsync($"/api/documents/{room.DocumentId}")).ProblemDetailAsync(HttpStatusCode.NotFound));
        await (await outsider.Http.GetAsync($"/api/documents/{room.DocumentId}/annotations")).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAnnotationAsync(id)).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles"))).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await outsider.DeleteAnnotationAsync(id)).ProblemDetailAsync(HttpStatusCode.NotFound);
        var documents = await (await outsider.Http.GetAsync("/api/documents")).JsonAsync();
        Assert.DoesNotContain(documents.EnumerateArray(), d => d.GetProperty("id").GetInt32() == room.DocumentId);

        var hub = await app.ConnectHubAsync(outsider);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.JoinAsync(room.DocumentId));
        Assert.Contains("no document with that id", refused.Message);
        await (await room.StudentA.GetAnnotationAsync(id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Search_finds_only_what_the_caller_may_see_and_its_total_counts_only_that()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "secret walrus plan", "private"));
        var open = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "public walrus", "seminar", "animals"))).Iri();

        var byB = await (await room.StudentB.Http.GetAsync($"/api/documents/{room.DocumentId}/annotations?q=walrus")).JsonAsync();
        Assert.Equal(1, byB.GetProperty("total").GetInt32());
        Assert.Equal(open, byB.GetProperty("first").GetProperty("items")[0].Iri());
        var secret = await (await room.StudentB.Http.GetAsync($"/api/documents/{room.DocumentId}/annotations?q=secret")).JsonAsync();
        Assert.Equal(0, secret.GetProperty("total").GetInt32());
        var byTag = await (await room.StudentB.Http.GetAsync($"/api/documents/{room.DocumentId}/annotations?tag=animals")).JsonAsync();
        Assert.Equal(1, byTag.GetProperty("total").GetInt32());
        var byAuthor = await (await room.StudentB.Http.GetAsync($"/api/documents/{room.DocumentId}/annotations?creator={room.StudentA.Id}")).JsonAsync();
        Assert.Equal(1, byAuthor.GetProperty("total").GetInt32());
        var own = await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}/annotations?q=walrus")).JsonAsync();
        Assert.Equal(2, own.GetProperty("total").GetInt32());
    }
}
