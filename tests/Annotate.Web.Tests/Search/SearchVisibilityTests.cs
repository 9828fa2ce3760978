using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Search;

/// <summary>
/// What the matrix scene does not hold: a removed member, a student of another seminar, "post first", and a
/// private note or teacher-only thread searched by every word it has (comment and quote).
/// </summary>
public sealed class SearchVisibilityTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_private_note_is_found_by_its_words_and_quote_only_by_its_author()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        var note = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", "my hidden musing", "private"));
        var teachers = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Metternich and Guizot", "for the teacher only", "teachers"));

        foreach (var q in new[] { "hidden", "musing", "\"hidden musing\"", "quote:tsar", "pope", "user:student.a -teacher", "is:mine -teacher" })
        {
            Assert.Equal([note.Iri()], await room.StudentA.FoundAsync(room.SeminarId, q));
            foreach (var other in new[] { room.StudentB, c, room.Teacher })
                Assert.Equal(0, (await other.SearchAsync(room.SeminarId, q)).GetProperty("total").GetInt32());
        }
        foreach (var q in new[] { "teacher", "quote:guizot", "metternich" })
        {
            Assert.Equal([teachers.Iri()], await room.Teacher.FoundAsync(room.SeminarId, q));
            foreach (var student in new[] { room.StudentB, c })
                Assert.Equal(0, (await student.SearchAsync(room.SeminarId, q)).GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task A_removed_member_cannot_search_and_their_group_thread_stays_with_the_teachers()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        var shared = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", "departed but shared"));
        var group = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Metternich and Guizot", "departed group talk", "group"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", "departed private note", "private"));
        Assert.Equal(2, (await room.StudentB.SearchAsync(room.SeminarId, "departed")).GetProperty("total").GetInt32());

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await room.StudentA.GetSearchAsync(room.SeminarId, "departed")).ProblemDetailAsync(HttpStatusCode.NotFound);
        // The group thread's author has no group in the seminar any more: the rule leaves it to the teachers.
        Assert.Equal([shared.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "departed"));
        Assert.Equal([shared.Iri()], await c.FoundAsync(room.SeminarId, "departed"));
        Assert.Equal([group.Iri(), shared.Iri()], await room.Teacher.FoundAsync(room.SeminarId, "departed"));
        // Still found by their name, as the people who may see their threads know it.
        Assert.Equal(2, (await room.Teacher.SearchAsync(room.SeminarId, "user:student.a")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_seminars_annotations_are_never_found_even_by_the_same_words()
    {
        var room = await app.CreateClassroomAsync();
        var other = await app.CreateClassroomAsync();
        var ours = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", "crossover words"));
        var theirs = await other.StudentA.CreateAnnotationAsync(other.DocumentId, other.Comment("holy alliance", "crossover words"));

        Assert.Equal([ours.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "crossover"));
        Assert.Equal([theirs.Iri()], await other.StudentB.FoundAsync(other.SeminarId, "crossover"));
        await (await other.StudentB.GetSearchAsync(room.SeminarId, "crossover")).ProblemDetailAsync(HttpStatusCode.NotFound);
        // Naming the other seminar's document or its people narrows to nothing.
        Assert.Empty(await room.StudentB.FoundAsync(room.SeminarId, $"crossover user:{other.StudentA.Email.Split('@')[0]}"));
    }

    [Fact]
    public async Task Post_first_hides_others_words_on_that_document_until_the_student_posts()
    {
        var room = await app.CreateClassroomAsync();
        var open = await app.AddDocumentAsync(room.Teacher, room.SeminarId, "Open reading", SampleTexts.Manifesto);
        await app.SetPostFirstAsync(room.DocumentId);
        var gated = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", "gatekeeper thoughts"));
        var elsewhere = await room.StudentA.CreateAnnotationAsync(open, AnnotationJson.Comment(app.DocumentIri(open), SampleTexts.Manifesto,
            "holy alliance", "gatekeeper elsewhere"));

        var before = await room.StudentB.SearchAsync(room.SeminarId, "gatekeeper");
        Assert.Equal(1, before.GetProperty("total").GetInt32());
        Assert.Equal([elsewhere.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "gatekeeper"));
        Assert.Equal(2, (await room.Teacher.SearchAsync(room.SeminarId, "gatekeeper")).GetProperty("total").GetInt32());

        var own = await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "my own gatekeeper post"));

        Assert.Equal([own.Iri(), elsewhere.Iri(), gated.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "gatekeeper"));
    }

    [Fact]
    public async Task Feedback_is_found_by_its_student_and_the_teachers_only()
    {
        var room = await app.CreateClassroomAsync();
        var feedback = room.Comment("class struggles", "feedbackonly remarks", "seminar");
        feedback["motivation"] = "assessing";
        feedback["addressee"] = $"{app.Origin}/api/users/{room.StudentA.Id}";
        var given = await room.Teacher.CreateAnnotationAsync(room.DocumentId, feedback);

        Assert.Equal([given.Iri()], await room.StudentA.FoundAsync(room.SeminarId, "feedbackonly"));
        Assert.Equal([given.Iri()], await room.Teacher.FoundAsync(room.SeminarId, "feedbackonly"));
        Assert.Equal(0, (await room.StudentB.SearchAsync(room.SeminarId, "feedbackonly")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await room.StudentB.SearchAsync(room.SeminarId, "-nowordlikethis")).GetProperty("total").GetInt32());
    }
}
