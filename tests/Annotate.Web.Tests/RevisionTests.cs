using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>
/// A teacher revises a document's text; every thread finds its passage again on the new text, is
/// marked as edited, or becomes an orphan — never a thread on the wrong words.
/// </summary>
[EngineSpecific]
public sealed class RevisionTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Spectre = "A spectre is haunting Europe";
    private const string History = "The history of all hitherto existing society is the history of class struggles.";
    private const string Chains = "The proletarians have nothing to lose but their chains.";

    [Fact]
    public async Task Threads_follow_their_passages_onto_a_revised_text()
    {
        var room = await app.CreateClassroomAsync();
        var moved = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Class struggle."));
        var edited = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "Gothic opening."));
        var gone = await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(Chains, "Nothing to lose."));

        // A new first paragraph shifts everything; the spectre sentence gets a typo fixed; the chains sentence is cut.
        var revised = room.DocumentText
            .Replace("Manifesto of the Communist Party", "Preface\n\nManifesto of the Communist Party")
            .Replace(Spectre, "A spectre is haunting all Europe")
            .Replace(Chains + " ", "");
        var put = await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { title = "Manifesto (revised)", text = revised });
        var answer = await put.JsonAsync();

        Assert.Equal(2, answer.GetProperty("revision").GetInt32());
        var document = await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}")).JsonAsync();
        Assert.Equal(revised, document.GetProperty("text").GetString());
        Assert.Equal(2, document.GetProperty("revision").GetInt32());

        var movedNow = await ReadAsync(room.StudentA, moved.Iri());
        Assert.False(movedNow.GetProperty("orphan").GetBoolean());
        AssertSelectorsPointAt(revised, movedNow, History);

        var editedNow = await ReadAsync(room.StudentA, edited.Iri());
        Assert.False(editedNow.GetProperty("orphan").GetBoolean());
        AssertSelectorsPointAt(revised, editedNow, "A spectre is haunting all Europe");

        var goneNow = await ReadAsync(room.StudentB, gone.Iri());
        Assert.True(goneNow.GetProperty("orphan").GetBoolean());
        Assert.Equal(Chains, Quote(goneNow));
    }

    [Fact]
    public async Task Anchors_stored_in_the_background_agree_with_what_readers_saw_before()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Still placed?"));
        var revised = "Introduction\n\n" + room.DocumentText;

        await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = revised });
        var before = await ReadAsync(room.StudentA, thread.Iri());
        await room.WaitForAnchoringAsync();
        var after = await ReadAsync(room.StudentA, thread.Iri());

        AssertSelectorsPointAt(revised, after, History);
        Assert.Equal(Selectors(before), Selectors(after));
        Assert.Equal(1, await app.Database.CountAsync(
            "SELECT COUNT(*) FROM AnnotationAnchors x JOIN Annotations a ON a.Id = x.AnnotationId WHERE x.Revision = 2 AND a.DocumentId = $document",
            ("$document", room.DocumentId)));
    }

    [Fact]
    public async Task Old_revisions_stay_readable()
    {
        var room = await app.CreateClassroomAsync();
        await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = room.DocumentText + "\n\nA new closing paragraph." });

        var list = await (await room.StudentB.Http.GetAsync($"/api/documents/{room.DocumentId}/revisions")).JsonAsync();
        var first = await (await room.StudentB.Http.GetAsync($"/api/documents/{room.DocumentId}/revisions/1")).JsonAsync();

        Assert.Equal([2, 1], list.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(room.DocumentText, first.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Only_teachers_revise_and_outsiders_see_nothing()
    {
        var room = await app.CreateClassroomAsync();
        var body = new { text = "Something else entirely." };

        var byStudent = await room.StudentA.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", body);
        var byOutsider = await room.Outsider.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", body);
        var empty = await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = "  " });

        await byStudent.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await byOutsider.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        Assert.Contains("empty", await empty.ProblemDetailAsync(HttpStatusCode.BadRequest));
        var document = await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}")).JsonAsync();
        Assert.Equal(1, document.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task An_orphan_is_attached_again_by_its_author_with_new_selectors()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Chains, "Nothing to lose."));
        var etag = posted.Headers.ETag!.ToString();
        var iri = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        var revised = room.DocumentText.Replace(Chains, "The workers have nothing to lose but their fetters.");
        await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = revised });
        Assert.True((await ReadAsync(room.StudentA, iri)).GetProperty("orphan").GetBoolean());

        var reattach = AnnotationJson.Comment(room.DocumentIri, revised, "nothing to lose but their fetters", "Nothing to lose.");
        var put = await room.StudentA.PutAnnotationAsync(iri, reattach, etag);

        var now = await put.JsonAsync();
        Assert.False(now.GetProperty("orphan").GetBoolean());
        AssertSelectorsPointAt(revised, now, "nothing to lose but their fetters");
    }

    private static async Task<JsonElement> ReadAsync(ApiUser user, string iri) => await (await user.GetAnnotationAsync(iri)).JsonAsync();

    private static string Quote(JsonElement annotation) =>
        annotation.GetProperty("target").GetProperty("selector").EnumerateArray()
            .First(s => s.GetProperty("type").GetString() == "TextQuoteSelector").GetProperty("exact").GetString()!;

    private static string Selectors(JsonElement annotation) => annotation.GetProperty("target").GetProperty("selector").GetRawText();

    /// <summary>The quote is <paramref name="expected"/> and the position selector (code points) points at exactly those words.</summary>
    private static void AssertSelectorsPointAt(string text, JsonElement annotation, string expected)
    {
        Assert.Equal(expected, Quote(annotation));
        var position = annotation.GetProperty("target").GetProperty("selector").EnumerateArray()
            .First(s => s.GetProperty("type").GetString() == "TextPositionSelector");
        var runes = text.EnumerateRunes().ToArray();
        var start = position.GetProperty("start").GetInt32();
        var end = position.GetProperty("end").GetInt32();
        Assert.Equal(expected, string.Concat(runes[start..end].Select(r => r.ToString())));
    }
}
