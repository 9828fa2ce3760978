using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>
/// What goes into an export: only what the visibility rule lets the caller see, in every format, narrowed
/// by the filters (mine, one student, one group, a date range, a tag); bad filters answer 400 with a
/// sentence, and a document the caller cannot read answers 404.
/// </summary>
public sealed class ExportFilterTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static readonly string[] DataFormats = ["jsonld", "csv", "markdown"];

    [Fact]
    public async Task A_students_export_never_holds_another_students_private_or_teachers_only_annotations_in_any_format()
    {
        var room = await app.CreateClassroomAsync();
        var hidden = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", "PRIVATE-MARKER", "private"));
        var forTeachers = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Metternich and Guizot", "TEACHERS-MARKER", "teachers"));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(forTeachers.Iri(), "TEACHER-REPLY-MARKER"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "SEMINAR-MARKER"));
        string[] secrets = ["PRIVATE-MARKER", "TEACHERS-MARKER", "TEACHER-REPLY-MARKER", "Pope and Tsar", "Metternich and Guizot",
            Id(hidden), Id(forTeachers)];

        foreach (var format in DataFormats)
        {
            foreach (var filter in new[] { "", "&scope=mine", $"&student={room.StudentB.Id}", "&tag=none" })
            {
                var export = await room.StudentB.ExportTextAsync(room.DocumentId, $"format={format}{filter}");
                foreach (var secret in secrets) Assert.DoesNotContain(secret, export);
                if (filter.Length == 0) Assert.Contains("SEMINAR-MARKER", export);
            }
            var teachers = await room.Teacher.ExportTextAsync(room.DocumentId, $"format={format}");
            Assert.Contains("TEACHERS-MARKER", teachers);
            Assert.Contains("TEACHER-REPLY-MARKER", teachers);
            Assert.DoesNotContain("PRIVATE-MARKER", teachers);
            var authors = await room.StudentA.ExportTextAsync(room.DocumentId, $"format={format}");
            Assert.Contains("PRIVATE-MARKER", authors);
            Assert.Contains("TEACHER-REPLY-MARKER", authors);
        }
    }

    [Fact]
    public async Task Someone_who_may_not_read_the_document_gets_404_in_every_format_and_nobody_signed_in_gets_401()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles"));

        foreach (var format in new[] { "jsonld", "csv", "markdown", "html", "pdf" })
        {
            var detail = await (await room.Outsider.ExportAsync(room.DocumentId, $"format={format}")).ProblemDetailAsync(HttpStatusCode.NotFound);
            Assert.Contains("no document with that id", detail);
            await (await room.StudentA.ExportAsync(room.DocumentId + 1000, $"format={format}")).ProblemDetailAsync(HttpStatusCode.NotFound);
        }
        var anonymous = await app.CreateApiClient().GetAsync($"/api/documents/{room.DocumentId}/export?format=csv");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Mine_and_one_student_choose_the_threads_the_person_started_or_replied_in_with_all_their_replies()
    {
        var room = await app.CreateClassroomAsync();
        var spectreByB = await Thread(room.StudentB, room, "A spectre is haunting Europe");
        var classesByA = await Thread(room.StudentA, room, "class struggles");
        var chainsByB = await Thread(room.StudentB, room, "nothing to lose but their chains");
        var unitedByTeacher = await Thread(room.Teacher, room, "Working men of all countries, unite!");
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(chainsByB, "A's answer."));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(chainsByB, "The teacher's answer."));

        Assert.Equal([spectreByB, classesByA, chainsByB, unitedByTeacher], await room.StudentA.ExportedThreadIrisAsync(room.DocumentId));
        Assert.Equal([classesByA, chainsByB], await room.StudentA.ExportedThreadIrisAsync(room.DocumentId, "scope=mine"));
        Assert.Equal([classesByA, chainsByB], await room.StudentA.ExportedThreadIrisAsync(room.DocumentId, $"student={room.StudentA.Id}"));
        Assert.Equal([classesByA, chainsByB], await room.Teacher.ExportedThreadIrisAsync(room.DocumentId, $"student={room.StudentA.Id}"));
        Assert.Equal([spectreByB, chainsByB], await room.Teacher.ExportedThreadIrisAsync(room.DocumentId, $"student={room.StudentB.Id}"));
        // The whole thread comes along: the teacher sees what the student answered and what came after.
        var items = await room.Teacher.ExportItemsAsync(room.DocumentId, $"format=jsonld&student={room.StudentA.Id}");
        Assert.Equal(["Which passage?", "Which passage?", "A's answer.", "The teacher's answer."], items.Select(i => i.CommentText()));

        var markdown = await room.Teacher.ExportTextAsync(room.DocumentId, $"format=markdown&student={room.StudentA.Id}");
        Assert.Contains($"**Contains:** Feedback report for {room.StudentA.DisplayName}: threads they started or replied in, and feedback for them. 2 threads, 4 annotations.", markdown);

        // Feedback the teacher addressed to A on a passage of its own belongs in A's report, and only there.
        var feedback = room.Comment("A spectre is haunting Europe", "Look at this image again.");
        feedback["motivation"] = "assessing";
        feedback["addressee"] = room.StudentA.Id;
        var forA = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, feedback)).Iri();
        Assert.Contains(forA, await room.Teacher.ExportedThreadIrisAsync(room.DocumentId, $"student={room.StudentA.Id}"));
        Assert.DoesNotContain(forA, await room.Teacher.ExportedThreadIrisAsync(room.DocumentId, $"student={room.StudentB.Id}"));

        var detail = await (await room.StudentA.ExportAsync(room.DocumentId, $"format=csv&student={room.StudentB.Id}")).ProblemDetailAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Only the seminar's teachers", detail);
    }

    [Fact]
    public async Task Group_filter_chooses_threads_started_by_the_groups_members()
    {
        var room = await app.CreateClassroomAsync();
        var group = await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name = "Red" })).JsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt32();
        await (await room.Teacher.Http.PutAsync($"/api/seminars/{room.SeminarId}/groups/{groupId}/members/{room.StudentA.Id}", null))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var byA = await Thread(room.StudentA, room, "class struggles");
        var byB = await Thread(room.StudentB, room, "A spectre is haunting Europe");
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(byB, "A replies to B."));

        Assert.Equal([byA], await room.Teacher.ExportedThreadIrisAsync(room.DocumentId, $"group={groupId}"));
        Assert.Equal([byA], await room.StudentB.ExportedThreadIrisAsync(room.DocumentId, $"group={groupId}"));
        var markdown = await room.Teacher.ExportTextAsync(room.DocumentId, $"format=markdown&group={groupId}");
        Assert.Contains("**Contains:** Everything you may see, started by members of Red. 1 thread, 1 annotation.", markdown);
    }

    [Fact]
    public async Task Date_range_and_tag_filters_narrow_by_when_a_thread_was_started_and_its_tags()
    {
        var room = await app.CreateClassroomAsync();
        var tagged = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Which classes?", tags: "Question"))).Iri();
        var plain = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Gothic."))).Iri();
        var created = (await room.StudentA.ExportItemsAsync(room.DocumentId)).Select(i => DateOnly.FromDateTime(i.GetProperty("created").GetDateTimeOffset().UtcDateTime)).Max();
        string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal([tagged], await room.StudentA.ExportedThreadIrisAsync(room.DocumentId, "tag=question"));
        Assert.Empty(await room.StudentA.ExportedThreadIrisAsync(room.DocumentId, "tag=quest"));
        Assert.Equal([plain, tagged], await room.StudentA.ExportedThreadIrisAsync(room.DocumentId, $"from={Day(created.AddDays(-1))}&to={Day(created)}"));
        Assert.Empty(await room.StudentA.ExportedThreadIrisAsync(room.DocumentId, $"from={Day(created.AddDays(1))}"));
        Assert.Empty(await room.StudentA.ExportedThreadIrisAsync(room.DocumentId, $"to={Day(created.AddDays(-1))}"));
        Assert.Equal([tagged], await room.StudentA.ExportedThreadIrisAsync(room.DocumentId, $"scope=mine&from={Day(created)}&to={Day(created)}"));

        var markdown = await room.StudentA.ExportTextAsync(room.DocumentId, $"format=markdown&tag=nothing&from={Day(created.AddDays(1))}");
        Assert.Contains($"**Contains:** Everything you may see, tagged “nothing”, started on or after {Day(created.AddDays(1))} (UTC). 0 threads, 0 annotations.", markdown);
        Assert.Contains("Nothing here matches this export's filters.", markdown);
    }

    [Fact]
    public async Task Unknown_formats_and_bad_filter_values_answer_400_with_a_sentence()
    {
        var room = await app.CreateClassroomAsync();
        (string Query, string Says)[] cases =
        [
            ("", "Say which format"),
            ("format=xml", "\"xml\" is not an export format"),
            ("format=csv&scope=everyone", "scope must be \"all\""),
            ("format=csv&scope=mine&student=" + room.StudentA.Id, "either scope=mine or one student"),
            ("format=csv&from=yesterday", "from must be a date written like 2026-03-01"),
            ("format=csv&to=2026-13-01", "to must be a date"),
            ("format=csv&from=2026-03-02&to=2026-03-01", "is after the end date"),
            ("format=csv&group=red", "group must be the number"),
            ("format=pdf&paper=b5", "paper must be \"a4\" or \"letter\""),
            ("format=csv&group=999999", "names no group of this seminar"),
            ("format=csv&student=nobody", "names nobody in this seminar"),
            ("format=csv&student=" + room.Outsider.Id, "names nobody in this seminar"),
        ];
        foreach (var (query, says) in cases)
        {
            var detail = await (await room.Teacher.ExportAsync(room.DocumentId, query)).ProblemDetailAsync(HttpStatusCode.BadRequest);
            Assert.True(detail.Contains(says, StringComparison.Ordinal), $"{query}: {detail}");
        }
    }

    private static async Task<string> Thread(ApiUser author, Classroom room, string exact) =>
        (await author.CreateAnnotationAsync(room.DocumentId, room.Comment(exact, "Which passage?"))).Iri();

    private static string Id(JsonElement annotation) => annotation.Iri()[(annotation.Iri().LastIndexOf('/') + 1)..];
}
