using System.Net;
using System.Text.RegularExpressions;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>Create, read, replace and delete annotations and replies over the HTTP API (contract section 2).</summary>
public sealed class AnnotationCrudTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Quote = "The history of all hitherto existing society";

    [Fact]
    public async Task Post_answers_201_with_Location_ETag_and_the_stored_W3C_annotation()
    {
        var room = await app.CreateClassroomAsync();
        var sent = room.Comment(Quote, "Is this still true today?", "seminar", "question");

        var response = await room.StudentA.PostAnnotationAsync(room.DocumentId, sent);
        var stored = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var id = stored.Iri();
        Assert.Matches($"^{Regex.Escape(app.Origin)}/api/annotations/[0-9a-f-]{{36}}$", id);
        Assert.Equal(id, response.Headers.Location?.ToString());
        Assert.Matches("^\"[^\"]+\"$", response.Headers.ETag?.ToString());

        string[] members = ["@context", "id", "type", "motivation", "visibility", "creator", "created", "modified", "body", "target", "orphan", "resolved", "reactions", "myReactions"];
        Assert.Equal(members.Order(), stored.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(AnnotationJson.Context, stored.GetProperty("@context").GetString());
        Assert.Equal("Annotation", stored.GetProperty("type").GetString());
        Assert.Equal("commenting", stored.GetProperty("motivation").GetString());
        Assert.Equal("seminar", stored.GetProperty("visibility").GetString());
        Assert.False(stored.GetProperty("orphan").GetBoolean());

        var creator = stored.GetProperty("creator");
        Assert.Equal($"{app.Origin}/api/users/{room.StudentA.Id}", creator.GetProperty("id").GetString());
        Assert.Equal("Person", creator.GetProperty("type").GetString());
        Assert.Equal(room.StudentA.DisplayName, creator.GetProperty("name").GetString());

        Assert.EndsWith("Z", stored.GetProperty("created").GetString());
        var created = DateTimeOffset.Parse(stored.GetProperty("created").GetString()!);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(stored.GetProperty("created").GetString(), stored.GetProperty("modified").GetString());

        JsonAssert.Equal("""
            [
              { "type": "TextualBody", "value": "Is this still true today?", "format": "text/markdown", "purpose": "commenting" },
              { "type": "TextualBody", "value": "question", "purpose": "tagging" }
            ]
            """, stored.GetProperty("body"));
        var target = stored.GetProperty("target");
        Assert.Equal(room.DocumentIri, target.GetProperty("source").GetString());
        JsonAssert.Equal(sent["target"]!["selector"]!.ToJsonString(), target.GetProperty("selector"));
    }

    [Fact]
    public async Task Collection_is_an_AnnotationCollection_whose_first_page_embeds_the_items()
    {
        var room = await app.CreateClassroomAsync();
        var later = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("nothing to lose but their chains"));
        var earlier = await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe"));

        var collection = await room.Teacher.GetCollectionAsync(room.DocumentId);

        Assert.Equal(AnnotationJson.Context, collection.GetProperty("@context").GetString());
        Assert.Equal("AnnotationCollection", collection.GetProperty("type").GetString());
        Assert.Equal(2, collection.GetProperty("total").GetInt32());
        var page = collection.GetProperty("first");
        Assert.Equal("AnnotationPage", page.GetProperty("type").GetString());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        // Threads in document order, not in the order they were written.
        Assert.Equal([earlier.Iri(), later.Iri()], items.Select(i => i.Iri()));
        JsonAssert.Equal(earlier.GetProperty("target"), items[0].GetProperty("target"));
        Assert.Equal(earlier.GetProperty("creator").GetRawText(), items[0].GetProperty("creator").GetRawText());
    }

    [Fact]
    public async Task Get_returns_the_annotation_with_the_ETag_it_was_created_with()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Quote));
        var stored = await posted.JsonAsync(HttpStatusCode.Created);

        var response = await room.StudentB.GetAnnotationAsync(stored.Iri());
        var read = await response.JsonAsync();

        Assert.Equal(posted.Headers.ETag, response.Headers.ETag);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        JsonAssert.Equal(stored, read);
    }

    [Fact]
    public async Task Put_with_the_current_ETag_replaces_the_annotation_and_answers_a_new_ETag()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Quote, "First thought."));
        var id = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();

        var put = await room.StudentA.PutAnnotationAsync(id, room.Comment(Quote, "Second thought.", "seminar", "revised"), posted.Headers.ETag!.ToString());
        var updated = await put.JsonAsync();

        Assert.NotEqual(posted.Headers.ETag, put.Headers.ETag);
        Assert.Equal(id, updated.Iri());
        Assert.Equal("Second thought.", updated.CommentText());
        Assert.Equal(["revised"], updated.Tags());
        var read = await room.StudentA.GetAnnotationAsync(id);
        Assert.Equal("Second thought.", (await read.JsonAsync()).CommentText());
        Assert.Equal(put.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task Put_without_a_visibility_keeps_the_one_the_annotation_has()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Quote, "Just for me.", "private"));
        var id = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var edit = room.Comment(Quote, "Still just for me.");
        edit.Remove("visibility");

        var put = await room.StudentA.PutAnnotationAsync(id, edit, posted.Headers.ETag!.ToString());

        Assert.Equal("private", (await put.JsonAsync()).GetProperty("visibility").GetString());
        Assert.DoesNotContain(id, await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    public async Task Put_with_a_stale_ETag_answers_412_and_changes_nothing()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Quote, "First thought."));
        var id = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var staleETag = posted.Headers.ETag!.ToString();
        var current = await room.StudentA.PutAnnotationAsync(id, room.Comment(Quote, "Second thought."), staleETag);
        await current.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await room.StudentA.PutAnnotationAsync(id, room.Comment(Quote, "Overwritten?"), staleETag);

        var detail = await response.ProblemDetailAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("changed since you loaded it", detail);
        var read = await room.StudentA.GetAnnotationAsync(id);
        Assert.Equal("Second thought.", (await read.JsonAsync()).CommentText());
        Assert.Equal(current.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task Put_by_someone_other_than_the_author_answers_403_and_changes_nothing()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Quote, "Mine."));
        var id = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();

        var response = await room.Teacher.PutAnnotationAsync(id, room.Comment(Quote, "The teacher's words."), posted.Headers.ETag!.ToString());

        Assert.Contains("Only the author", await response.ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.Equal("Mine.", (await (await room.StudentA.GetAnnotationAsync(id)).JsonAsync()).CommentText());
    }

    [Fact]
    public async Task Author_deletes_with_204_and_afterwards_the_annotation_is_404()
    {
        var room = await app.CreateClassroomAsync();
        var id = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Quote))).Iri();

        var response = await room.StudentA.DeleteAnnotationAsync(id);

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await room.StudentA.GetAnnotationAsync(id)).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Empty(await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    public async Task Teacher_deletes_a_students_annotation()
    {
        var room = await app.CreateClassroomAsync();
        var id = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Quote))).Iri();

        var response = await room.Teacher.DeleteAnnotationAsync(id);

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await room.StudentA.GetAnnotationAsync(id)).ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_student_who_can_see_it_gets_403_on_delete_and_it_stays()
    {
        var room = await app.CreateClassroomAsync();
        var id = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Quote))).Iri();
        await (await room.StudentB.GetAnnotationAsync(id)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await room.StudentB.DeleteAnnotationAsync(id);

        Assert.Contains("Only the author or a teacher", await response.ProblemDetailAsync(HttpStatusCode.Forbidden));
        await (await room.StudentA.GetAnnotationAsync(id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal([id], await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    public async Task Reply_targets_its_parent_and_takes_the_threads_visibility_even_when_it_asks_for_wider()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Quote, "For my teacher only.", "teachers"))).Iri();

        var reply = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "Good question.", visibility: "seminar"));

        Assert.Equal("replying", reply.GetProperty("motivation").GetString());
        Assert.Equal(thread, reply.GetProperty("target").GetString());
        Assert.Equal("teachers", reply.GetProperty("visibility").GetString());
        Assert.Equal("Good question.", reply.CommentText());
        Assert.False(reply.TryGetProperty("orphan", out _), "A reply has no passage, so it cannot be an orphan.");
        Assert.Equal([thread, reply.Iri()], await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Empty(await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        await (await room.StudentB.GetAnnotationAsync(reply.Iri())).ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_thread_deletes_its_replies()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Quote))).Iri();
        var reply = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "I disagree."))).Iri();
        var answer = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(reply, "Why?"))).Iri();

        await (await room.StudentA.DeleteAnnotationAsync(thread)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await room.StudentB.GetAnnotationAsync(reply)).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.Teacher.GetAnnotationAsync(answer)).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Empty(await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", room.DocumentId)));
    }
}
