using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Overview;

/// <summary>
/// A seminar whose discussion holds what a teacher may see and what they may not, for the dashboard and the Confusion
/// view: students A and B in group one, C in group two, a second document whose due date has passed, and elsewhere a
/// seminar of another teacher where A also writes.
/// </summary>
public sealed record DashboardScene(Classroom Room, ApiUser C, int GroupOne, int GroupTwo, int LateDocumentId, string QuestionIri,
    string TeachersQuestionIri, string NarrowedThreadIri, string ReplyIri)
{
    public static async Task<DashboardScene> CreateAsync(AnnotateApp app)
    {
        var (room, c, one, two) = await app.CreateGroupedClassroomAsync();
        var late = await app.AddDocumentAsync(room.Teacher, room.SeminarId, "Afterword", SampleTexts.Manifesto);
        await (await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{late}/schedule", new { dueAt = DateTimeOffset.UtcNow.AddDays(-1) }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        // What the teacher may see: seminar, group and teachers-only threads of students, replies, feedback.
        var question = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, Question(room, "class struggles", "Which classes?"))).Iri();
        var teachersQuestion = (await room.StudentA.CreateAnnotationAsync(room.DocumentId,
            Question(room, "class struggles", "Only for you: what is a class?", "teachers"))).Iri();
        var reply = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(question, "Bourgeois and proletarian"))).Iri();
        await c.CreateAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", "Group two reads this", "group"));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, Feedback(question, "A good question."));
        await room.StudentB.CreateAnnotationAsync(late, AnnotationJson.Comment(app.DocumentIri(late), SampleTexts.Manifesto, "nothing to lose", "Posted late"));

        // What the teacher may not see: private notes, and a reply whose thread its author made private afterwards.
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "my private words are not counted", "private"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, Question(room, "nothing to lose", "a private question", "private"));
        var posted = await room.StudentB.PostAnnotationAsync(room.DocumentId, Question(room, "world to win", "Which world?"));
        var narrowed = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(narrowed, "this reply goes dark with its thread"));
        await (await room.StudentB.PutAnnotationAsync(narrowed, Question(room, "world to win", "Which world?", "private"), posted.Headers.ETag!.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Another seminar: A writes there too, and none of it belongs here.
        var elsewhere = await app.RegisterAsync("other.teacher");
        var (otherSeminar, otherCode) = await app.CreateSeminarAsync(elsewhere);
        await app.JoinAsync(room.StudentA, otherCode);
        var otherDocument = await app.AddDocumentAsync(elsewhere, otherSeminar, "Elsewhere", SampleTexts.Manifesto);
        var otherQuestion = Question(room, "class struggles", "Asked in another seminar");
        otherQuestion["target"]!["source"] = app.DocumentIri(otherDocument);
        await room.StudentA.CreateAnnotationAsync(otherDocument, otherQuestion);

        return new DashboardScene(room, c, one, two, late, question, teachersQuestion, narrowed, reply);
    }

    public static JsonObject Question(Classroom room, string exact, string body, string visibility = "seminar")
    {
        var question = room.Comment(exact, body, visibility);
        question["motivation"] = "questioning";
        return question;
    }

    private static JsonObject Feedback(string threadIri, string body)
    {
        var reply = AnnotationJson.Reply(threadIri, body);
        reply["motivation"] = "assessing";
        return reply;
    }
}
