using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;
using static Annotate.Web.Tests.Infrastructure.ImportJson;

namespace Annotate.Web.Tests.Reactions;

/// <summary>
/// Importing into a seminar whose tags are locked: the annotations come in (a teacher moving last year's discussion
/// wants it), without the tags outside the list, and the report says which were dropped and from how many.
/// </summary>
public sealed class LockedTagsImportTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Text = SampleTexts.Manifesto;

    [Fact]
    public async Task Tags_outside_a_locked_vocabulary_are_dropped_and_the_report_says_so()
    {
        var room = await app.CreateClassroomAsync();
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/tags", new { name = "Context" })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await room.Teacher.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/tagging", new { locked = true })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var file = Collection(
            W3c("https://texts.example.org/anno/1", Text, "A spectre is haunting Europe", "Gothic.", tags: ["context", "style"]),
            W3c("https://texts.example.org/anno/2", Text, "class struggles", "Marx.", tags: ["Style", "rhetoric"]),
            W3c("https://texts.example.org/anno/3", Text, "Pope and Tsar", "Allies.", tags: ["Context"]));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 3, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        var dropped = report.GetProperty("tagsDropped");
        Assert.Equal(["style", "rhetoric"], dropped.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, dropped.GetProperty("annotations").GetInt32());
        Assert.Equal("This seminar's tags are locked: 2 annotations were imported without the tags that are not in its list (style, rhetoric).",
            dropped.GetProperty("message").GetString());
        var seen = (await room.StudentB.GetCollectionAsync(room.DocumentId)).ItemsById();
        var imported = report.ImportedIris();
        Assert.Equal([["context"], [], ["Context"]], imported.Select(iri => seen[iri].Tags()));

        // Importing the file again recognises what it brought in, tags dropped or not.
        Assert.Equal("placed 0, fuzzy 0, orphaned 0, skipped 3, rejected 0", (await room.StudentA.ImportAsync(room.DocumentId, file)).Counts());
    }

    [Fact]
    public async Task An_open_vocabulary_keeps_every_tag_and_the_report_says_nothing_of_tags()
    {
        var room = await app.CreateClassroomAsync();
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/tags", new { name = "Context" })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var file = Collection(W3c("https://texts.example.org/anno/1", Text, "class struggles", "Marx.", tags: ["style"]));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.False(report.TryGetProperty("tagsDropped", out _));
        Assert.Equal(["style"], (await room.StudentB.GetCollectionAsync(room.DocumentId)).ItemsById()[report.ImportedIris()[0]].Tags());
    }
}
