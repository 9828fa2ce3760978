using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Features.Tags;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Reactions;

/// <summary>A seminar's tag vocabulary: members read it, teachers curate and lock it, and a lock holds on every write.</summary>
public sealed class TagVocabularyTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static async Task<JsonElement> AddTagAsync(ApiUser teacher, int seminarId, object tag) =>
        await (await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/tags", tag)).JsonAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> TagsAsync(ApiUser user, int seminarId) =>
        await (await user.Http.GetAsync($"/api/seminars/{seminarId}/tags")).JsonAsync();

    private static Task LockAsync(ApiUser teacher, int seminarId, bool locked) =>
        teacher.Http.PutAsJsonAsync($"/api/seminars/{seminarId}/tagging", new { locked }).ContinueWith(t => t.Result.ShouldHaveStatusAsync(HttpStatusCode.NoContent)).Unwrap();

    [Fact]
    public async Task Teachers_curate_the_vocabulary_and_members_read_it()
    {
        var room = await app.CreateClassroomAsync();

        var added = await AddTagAsync(room.Teacher, room.SeminarId, new { name = " Context ", colour = "#BFDBFE", description = "Historical background" });
        var second = await AddTagAsync(room.Teacher, room.SeminarId, new { name = "argument" });

        Assert.Equal(("Context", "#bfdbfe", "Historical background"),
            (added.GetProperty("name").GetString(), added.GetProperty("colour").GetString(), added.GetProperty("description").GetString()));
        Assert.Equal(TagRules.Palette[0], second.GetProperty("colour").GetString());
        var read = await TagsAsync(room.StudentA, room.SeminarId);
        Assert.Equal(["argument", "Context"], read.EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        var changed = await (await room.Teacher.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/tags/{second.GetProperty("id").GetInt32()}",
            new { name = "argument", colour = "#fbcfe8", description = "A claim and its reasons" })).JsonAsync();
        Assert.Equal("#fbcfe8", changed.GetProperty("colour").GetString());
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/tags/{added.GetProperty("id").GetInt32()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(["argument"], (await TagsAsync(room.StudentB, room.SeminarId)).EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Bad_tags_and_the_wrong_people_are_refused_with_a_sentence_and_nothing_changes()
    {
        var room = await app.CreateClassroomAsync();
        var other = await app.CreateClassroomAsync();
        var tag = await AddTagAsync(room.Teacher, room.SeminarId, new { name = "context" });
        var tagId = tag.GetProperty("id").GetInt32();
        var foreignTag = (await AddTagAsync(other.Teacher, other.SeminarId, new { name = "elsewhere" })).GetProperty("id").GetInt32();
        var tags = $"/api/seminars/{room.SeminarId}/tags";

        Assert.Contains("already", await (await room.Teacher.Http.PostAsJsonAsync(tags, new { name = "CONTEXT" })).ProblemDetailAsync(HttpStatusCode.Conflict));
        Assert.Contains("#rrggbb", await (await room.Teacher.Http.PostAsJsonAsync(tags, new { name = "x", colour = "red" })).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("needs a name", await (await room.Teacher.Http.PostAsJsonAsync(tags, new { name = "  " })).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("at most", await (await room.Teacher.Http.PostAsJsonAsync(tags, new { name = new string('x', 51) })).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("teachers", await (await room.StudentA.Http.PostAsJsonAsync(tags, new { name = "mine" })).ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.Contains("teachers", await (await room.StudentA.Http.DeleteAsync($"{tags}/{tagId}")).ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.Contains("teachers", await (await room.StudentA.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/tagging", new { locked = true })).ProblemDetailAsync(HttpStatusCode.Forbidden));
        // Another seminar's tag, a made-up one, and a seminar one is not in: not found.
        Assert.Equal(TagVocabulary.NoSuchTag, await (await room.Teacher.Http.DeleteAsync($"{tags}/{foreignTag}")).ProblemDetailAsync(HttpStatusCode.NotFound));
        Assert.Equal(TagVocabulary.NoSuchTag, await (await room.Teacher.Http.PutAsJsonAsync($"{tags}/{foreignTag}", new { name = "mine now" })).ProblemDetailAsync(HttpStatusCode.NotFound));
        await (await room.Teacher.Http.DeleteAsync($"{tags}/999999")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await room.Outsider.Http.GetAsync(tags)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await other.Teacher.Http.PostAsJsonAsync(tags, new { name = "intruder" })).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await room.Teacher.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/tagging", new { })).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["context"], (await TagsAsync(room.Teacher, room.SeminarId)).EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["elsewhere"], (await TagsAsync(other.Teacher, other.SeminarId)).EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Locked_only_vocabulary_tags_may_be_used_and_unlocked_new_ones_are_suggested_to_those_who_see_them()
    {
        var room = await app.CreateClassroomAsync();
        await AddTagAsync(room.Teacher, room.SeminarId, new { name = "Context" });
        await LockAsync(room.Teacher, room.SeminarId, true);

        var refused = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Tagged", "seminar", "context", "my own"));
        Assert.Contains("\"my own\" is not one of them. Use one of: Context", await refused.ProblemDetailAsync(HttpStatusCode.BadRequest));
        var tagged = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Tagged", "seminar", "context"));
        var tagging = await (await room.StudentA.Http.GetAsync($"/api/seminars/{room.SeminarId}/tagging")).JsonAsync();
        Assert.True(tagging.GetProperty("locked").GetBoolean());

        await LockAsync(room.Teacher, room.SeminarId, false);
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", "Shared", "seminar", "power"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Metternich and Guizot", "Mine alone", "private", "secret plan"));

        async Task<string[]> SuggestedTo(ApiUser user) =>
            (await (await user.Http.GetAsync($"/api/seminars/{room.SeminarId}/tagging")).JsonAsync()).GetProperty("suggestions").EnumerateArray()
                .Select(s => s.GetProperty("name").GetString()!).Order().ToArray();
        Assert.Equal(["power", "secret plan"], await SuggestedTo(room.StudentA));
        Assert.Equal(["power"], await SuggestedTo(room.StudentB));
        Assert.Equal(["power"], await SuggestedTo(room.Teacher));

        // Locked again: an annotation keeps the tags it had, and an edit may keep them.
        await LockAsync(room.Teacher, room.SeminarId, true);
        Assert.Equal(["context"], (await (await room.StudentA.GetAnnotationAsync(tagged.Iri())).JsonAsync()).Tags());
    }

    [Fact]
    public async Task Renaming_a_tag_renames_it_on_the_annotations_that_carry_it()
    {
        var room = await app.CreateClassroomAsync();
        var tag = await AddTagAsync(room.Teacher, room.SeminarId, new { name = "context" });
        var tagged = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Tagged", "seminar", "Context", "other"));
        var hub = await app.ConnectHubAsync(room.StudentB);
        await hub.JoinAsync(room.DocumentId);

        await (await room.Teacher.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/tags/{tag.GetProperty("id").GetInt32()}", new { name = "history" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Equal(["history", "other"], (await hub.WaitForAsync(HubListener.Updated, tagged.Iri())).Payload.Tags());
        Assert.Equal(["history", "other"], (await (await room.StudentB.GetAnnotationAsync(tagged.Iri())).JsonAsync()).Tags());
        Assert.Equal([tagged.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "tag:history"));
    }
}
