using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Overview;

/// <summary>
/// The teacher's seminar dashboard counts, across the seminar's documents, exactly what the teacher may see: private
/// notes and replies in threads made private stay out, teachers-only and group threads are in, another seminar is not.
/// </summary>
public sealed class SeminarDashboardTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Counts_per_student_and_group_hold_only_what_the_teacher_may_see()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;

        var dashboard = await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard")).JsonAsync();
        var students = dashboard.GetProperty("students").EnumerateArray().ToDictionary(s => s.GetProperty("userId").GetString()!);
        Assert.Equal(3, students.Count);
        // annotations, replies, words, questions asked, questions answered, late, feedback received
        AssertCounts(students[room.StudentA.Id], 2, 0, 9, 2, 0, 0, 1);
        // B replied to A's question, but nobody marked the reply as its answer: not a question answered.
        AssertCounts(students[room.StudentB.Id], 1, 1, 5, 0, 0, 1, 0);
        AssertCounts(students[scene.C.Id], 1, 0, 4, 0, 0, 0, 0);
        Assert.Equal("Group one", students[room.StudentA.Id].GetProperty("groupName").GetString());

        var groups = dashboard.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("groupName").GetString()!);
        Assert.Equal(2, groups["Group one"].GetProperty("students").GetInt32());
        AssertCounts(groups["Group one"], 3, 1, 14, 2, 0, 1, 1);
        AssertCounts(groups["Group two"], 1, 0, 4, 0, 0, 0, 0);

        var documents = dashboard.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Afterword", "The Manifesto"], documents);
    }

    [Fact]
    public async Task Questions_answered_counts_the_replies_marked_as_the_answer()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;
        // A reply of A's own on a question of theirs, marked as its answer: answering oneself is not answering a question.
        var own = await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(scene.TeachersQuestionIri, "I found it myself."));
        await (await room.StudentA.Http.PostAsJsonAsync($"{scene.TeachersQuestionIri}/answered", new { reply = own.Iri() })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await Student(room, room.StudentA.Id)).GetProperty("questionsAnswered").GetInt32());

        await (await room.StudentA.Http.PostAsJsonAsync($"{scene.QuestionIri}/answered", new { reply = scene.ReplyIri })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await Student(room, room.StudentB.Id)).GetProperty("questionsAnswered").GetInt32());

        // Opened again: no reply answers it now.
        await (await room.Teacher.Http.DeleteAsync($"{scene.QuestionIri}/answered")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await Student(room, room.StudentB.Id)).GetProperty("questionsAnswered").GetInt32());
    }

    [Fact]
    public async Task Upvotes_received_count_only_upvotes_on_what_the_teacher_may_see()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;
        Task Upvote(ApiUser who, string iri) => who.Http.PostAsync($"{iri}/reactions/upvote", null).ContinueWith(t => t.Result.EnsureSuccessStatusCode());
        await Upvote(room.StudentB, scene.QuestionIri);
        await Upvote(scene.C, scene.QuestionIri);
        await Upvote(room.Teacher, scene.QuestionIri);
        await Upvote(room.StudentA, scene.ReplyIri);
        // A "same question" is no upvote; an upvote on a thread its author then made private is hidden from the teacher with it.
        await (await scene.C.Http.PostAsync($"{scene.QuestionIri}/reactions/same-question", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var posted = await room.StudentB.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Soon mine alone"));
        var hidden = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        await Upvote(scene.C, hidden);
        await (await room.StudentB.PutAnnotationAsync(hidden, room.Comment("class struggles", "Soon mine alone", "private"), posted.Headers.ETag!.ToString()))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var dashboard = await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard")).JsonAsync();
        var upvotes = dashboard.GetProperty("students").EnumerateArray()
            .ToDictionary(s => s.GetProperty("userId").GetString()!, s => s.GetProperty("upvotesReceived").GetInt32());
        Assert.Equal(3, upvotes[room.StudentA.Id]);
        Assert.Equal(1, upvotes[room.StudentB.Id]);
        Assert.Equal(0, upvotes[scene.C.Id]);
        var groups = dashboard.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("groupName").GetString()!, g => g.GetProperty("upvotesReceived").GetInt32());
        Assert.Equal(4, groups["Group one"]);

        var csv = ExportCalls.CsvRows(Encoding.UTF8.GetString(
            (await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard?format=csv")).Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal("3", csv.Single(r => r["User id"] == room.StudentA.Id)["Upvotes received"]);
    }

    [Fact]
    public async Task A_students_timeline_runs_in_time_order_across_documents_without_what_is_hidden()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;

        var a = await Timeline(room, room.StudentA.Id);
        Assert.Equal(["Which classes?", "Only for you: what is a class?"], a.Select(e => e.GetProperty("excerpt").GetString()).ToList());
        Assert.All(a, e => Assert.Equal(e.GetProperty("id").GetGuid(), e.GetProperty("threadId").GetGuid()));
        Assert.All(a, e => Assert.Equal("class struggles", e.GetProperty("quote").GetString()));

        var b = await Timeline(room, room.StudentB.Id);
        Assert.Equal(2, b.Count);
        Assert.True(b[0].GetProperty("isReply").GetBoolean());
        Assert.Equal(Guid.Parse(scene.QuestionIri[(scene.QuestionIri.LastIndexOf('/') + 1)..]), b[0].GetProperty("threadId").GetGuid());
        Assert.Equal("Afterword", b[1].GetProperty("documentTitle").GetString());
        Assert.True(b[1].GetProperty("late").GetBoolean());
        Assert.False(b[0].GetProperty("late").GetBoolean());

        await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard/students/{room.Teacher.Id}/timeline"))
            .ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard/students/{room.Outsider.Id}/timeline"))
            .ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_student_or_an_outsider_gets_the_same_404_and_nothing_else()
    {
        var room = await app.CreateClassroomAsync();
        var paths = new[]
        {
            $"/api/seminars/{room.SeminarId}/dashboard", $"/api/seminars/{room.SeminarId}/dashboard?format=csv",
            $"/api/seminars/{room.SeminarId}/dashboard/students/{room.StudentA.Id}/timeline",
        };
        foreach (var path in paths)
        {
            var asStudent = await (await room.StudentA.Http.GetAsync(path)).ProblemDetailAsync(HttpStatusCode.NotFound);
            var asOutsider = await (await room.Outsider.Http.GetAsync(path)).ProblemDetailAsync(HttpStatusCode.NotFound);
            Assert.Equal(asOutsider, asStudent);
        }
        var missing = await (await room.Teacher.Http.GetAsync("/api/seminars/999999/dashboard")).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Equal(missing, await (await room.StudentA.Http.GetAsync(paths[0])).ProblemDetailAsync(HttpStatusCode.NotFound));
        await (await room.Teacher.Http.GetAsync($"{paths[0]}?format=xlsx")).ProblemDetailAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_gradebook_csv_has_one_row_per_student_and_inert_formulas()
    {
        var scene = await DashboardScene.CreateAsync(app);
        var room = scene.Room;
        var formulaGroup = await room.CreateGroupAsync("=HYPERLINK(\"http://evil.example\")");
        await room.PutInGroupAsync(formulaGroup, scene.C);

        var response = await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard?format=csv");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("reading-group-dashboard.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Student,User id,Group,Annotations,Replies,Words,Questions asked,Questions answered,Upvotes received,Late,Feedback received,"
            + "First activity (UTC),Last activity (UTC)\r\n", text);
        var rows = ExportCalls.CsvRows(text);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(13, r.Count));
        var a = rows.Single(r => r["User id"] == room.StudentA.Id);
        Assert.Equal(["Group one", "2", "0", "9", "2", "0", "0", "1"],
            new[] { "Group", "Annotations", "Replies", "Words", "Questions asked", "Questions answered", "Late", "Feedback received" }.Select(h => a[h]));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", a["First activity (UTC)"]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", rows.Single(r => r["User id"] == scene.C.Id)["Group"]);
    }

    private static async Task<JsonElement> Student(Classroom room, string userId) =>
        (await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard")).JsonAsync())
            .GetProperty("students").EnumerateArray().Single(s => s.GetProperty("userId").GetString() == userId);

    private async Task<List<JsonElement>> Timeline(Classroom room, string studentId)
    {
        var timeline = await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard/students/{studentId}/timeline")).JsonAsync();
        Assert.Equal(studentId, timeline.GetProperty("userId").GetString());
        return timeline.GetProperty("entries").EnumerateArray().ToList();
    }

    private static void AssertCounts(JsonElement row, int annotations, int replies, int words, int asked, int answered, int late, int feedback)
    {
        int[] expected = [annotations, replies, words, asked, answered, late, feedback];
        int[] actual =
        [
            row.GetProperty("annotations").GetInt32(), row.GetProperty("replies").GetInt32(), row.GetProperty("words").GetInt32(),
            row.GetProperty("questionsAsked").GetInt32(), row.GetProperty("questionsAnswered").GetInt32(),
            row.GetProperty("late").GetInt32(), row.GetProperty("feedbackReceived").GetInt32(),
        ];
        Assert.Equal(expected, actual);
    }
}
