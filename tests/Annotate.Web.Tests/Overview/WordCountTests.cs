using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Overview;

/// <summary>
/// The overview's word counts come from the count stored with each annotation (so it need not read every body): it is
/// kept through an edit, and rows from before it was stored are counted at the next start.
/// </summary>
[EngineSpecific]
public sealed class WordCountTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Spectre = "A spectre is haunting Europe";

    [Fact]
    public async Task An_edited_comment_is_counted_with_its_new_words()
    {
        var room = await app.CreateClassroomAsync();
        var posted = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment(Spectre, "Three words here"));
        var thread = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        Assert.Equal(3, await WordsOfAsync(room.Teacher, room.DocumentId, room.StudentA.Id));

        var edit = await room.StudentA.PutAnnotationAsync(thread, room.Comment(Spectre, "Now **five** words, not three"), posted.Headers.ETag!.ToString());
        await edit.ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Equal(5, await WordsOfAsync(room.Teacher, room.DocumentId, room.StudentA.Id));
    }

    [Fact]
    public async Task Annotations_from_before_word_counts_are_counted_after_the_next_start()
    {
        using var database = new TestDatabase();
        Classroom room;
        await using (var before = AnnotateApp.On(database))
        {
            room = await before.CreateClassroomAsync();
            var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "Three words here"))).Iri();
            await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "and two"));
        }
        // As a database migrated from before the counts were stored holds them.
        await database.ExecuteAsync(TestDatabase.OnPostgres
            ? "UPDATE \"Annotations\" SET \"WordCount\" = NULL"
            : "UPDATE Annotations SET WordCount = NULL");

        await using var after = AnnotateApp.On(database);
        var teacher = await after.LoginAsync(room.Teacher.Email);

        Assert.Equal(5, await WordsOfAsync(teacher, room.DocumentId, room.StudentA.Id));
        Assert.Equal(0, await database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE WordCount IS NULL"));
    }

    private static async Task<int> WordsOfAsync(ApiUser teacher, int documentId, string studentId)
    {
        var overview = await (await teacher.Http.GetAsync($"/api/documents/{documentId}/participation")).JsonAsync();
        return overview.GetProperty("students").EnumerateArray()
            .Single(s => s.GetProperty("userId").GetString() == studentId).GetProperty("words").GetInt32();
    }
}
