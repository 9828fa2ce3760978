using System.Net;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Overview;

/// <summary>
/// A document's Confusion view ranks paragraphs by the open questions and unresolved threads the teacher may see:
/// students' private questions and a thread made private never put a paragraph on it or raise a count.
/// </summary>
public sealed class ConfusionViewTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Paragraphs_rank_by_open_questions_counted_from_what_the_teacher_may_see()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;

        var paragraphs = await Paragraphs(room);
        // ¶ 3 holds only a private question and a question made private: it is not on the list at all.
        Assert.Equal([2, 1], paragraphs.Select(p => p.GetProperty("paragraph").GetInt32()).ToList());
        Assert.Equal(2, paragraphs[0].GetProperty("openQuestions").GetInt32());
        Assert.Equal(2, paragraphs[0].GetProperty("unresolvedThreads").GetInt32());
        Assert.StartsWith("The history of all hitherto existing society", paragraphs[0].GetProperty("start").GetString());
        Assert.Equal(0, paragraphs[1].GetProperty("openQuestions").GetInt32());
        Assert.Equal(1, paragraphs[1].GetProperty("unresolvedThreads").GetInt32());
        var threads = paragraphs[0].GetProperty("threads").EnumerateArray().ToList();
        Assert.Equal([Id(scene.QuestionIri), Id(scene.TeachersQuestionIri)], threads.Select(t => t.GetProperty("threadId").GetGuid()).ToList());
        // B's answer and the teacher's feedback on it.
        Assert.Equal(2, threads.Single(t => t.GetProperty("threadId").GetGuid() == Id(scene.QuestionIri)).GetProperty("replies").GetInt32());

        // Resolving a question takes it off the open count; once nothing there is unresolved the paragraph leaves the list.
        await (await room.Teacher.Http.PostAsync($"{scene.TeachersQuestionIri}/resolved", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await room.Teacher.Http.PostAsync($"{scene.QuestionIri}/resolved", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal([1], (await Paragraphs(room)).Select(p => p.GetProperty("paragraph").GetInt32()).ToList());
    }

    [Fact]
    public async Task A_question_marked_answered_is_no_longer_open()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;
        await (await room.StudentA.Http.PostAsync($"{scene.QuestionIri}/answered", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var top = (await Paragraphs(room))[0];
        Assert.Equal(1, top.GetProperty("openQuestions").GetInt32());
        // Still unresolved, so still listed, but after the question that is open.
        Assert.Equal(2, top.GetProperty("unresolvedThreads").GetInt32());
        var threads = top.GetProperty("threads").EnumerateArray().ToList();
        Assert.Equal([Id(scene.TeachersQuestionIri), Id(scene.QuestionIri)], threads.Select(t => t.GetProperty("threadId").GetGuid()).ToList());
        Assert.Equal([true, false], threads.Select(t => t.GetProperty("openQuestion").GetBoolean()).ToList());
    }

    [Fact]
    public async Task Same_question_votes_rank_paragraphs_with_as_many_open_questions_and_are_shown()
    {
        var room = await app.CreateClassroomAsync();
        var history = await room.StudentA.CreateAnnotationAsync(room.DocumentId, DashboardScene.Question(room, "class struggles", "Which classes?"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Freeman and slave"));
        var spectre = await room.StudentA.CreateAnnotationAsync(room.DocumentId, DashboardScene.Question(room, "Pope and Tsar", "Why these two?"));
        Assert.Equal([2, 1], (await Paragraphs(room)).Select(p => p.GetProperty("paragraph").GetInt32()).ToList());

        foreach (var voter in new[] { room.StudentB, room.Teacher })
            await (await voter.Http.PostAsync($"{spectre.Iri()}/reactions/same-question", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // One open question each: the one more people share comes first, though the other paragraph holds more threads.
        var paragraphs = await Paragraphs(room);
        Assert.Equal([1, 2], paragraphs.Select(p => p.GetProperty("paragraph").GetInt32()).ToList());
        Assert.Equal([2, 0], paragraphs.Select(p => p.GetProperty("sameQuestionVotes").GetInt32()).ToList());
        Assert.Equal(2, paragraphs[0].GetProperty("threads")[0].GetProperty("sameQuestion").GetInt32());
        Assert.Equal(Id(history.Iri()), paragraphs[1].GetProperty("threads")[0].GetProperty("threadId").GetGuid());
    }

    [Fact]
    public async Task A_student_or_an_outsider_gets_the_same_404()
    {
        var room = await app.CreateClassroomAsync();
        var path = $"/api/documents/{room.DocumentId}/confusion";
        var asStudent = await (await room.StudentA.Http.GetAsync(path)).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Equal(await (await room.Outsider.Http.GetAsync(path)).ProblemDetailAsync(HttpStatusCode.NotFound), asStudent);
        Assert.Equal(await (await room.Teacher.Http.GetAsync("/api/documents/999999/confusion")).ProblemDetailAsync(HttpStatusCode.NotFound), asStudent);
    }

    [Fact]
    public async Task A_document_without_discussion_has_an_empty_list()
    {
        var room = await app.CreateClassroomAsync();
        // A bare highlight is no discussion.
        var highlight = room.Comment("class struggles", "");
        highlight["motivation"] = "highlighting";
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, highlight);
        var confusion = await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/confusion")).JsonAsync();
        Assert.Empty(confusion.GetProperty("paragraphs").EnumerateArray());
        Assert.Equal(0, confusion.GetProperty("unplaced").GetInt32());
        Assert.Equal("The Manifesto", confusion.GetProperty("title").GetString());
    }

    private static Guid Id(string iri) => Guid.Parse(iri[(iri.LastIndexOf('/') + 1)..]);

    private static async Task<List<JsonElement>> Paragraphs(Classroom room) =>
        (await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/confusion")).JsonAsync())
            .GetProperty("paragraphs").EnumerateArray().ToList();
}
