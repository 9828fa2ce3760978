using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>A member's e-mail address: the seminar's teachers may see it, other members never do.</summary>
public sealed class MemberEmailTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Teachers_see_each_members_email_in_the_members_list()
    {
        var room = await app.CreateClassroomAsync();

        var members = await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/members")).JsonAsync();

        var emails = members.EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetString()!, m => m.GetProperty("email").GetString());
        Assert.Equal(room.Teacher.Email, emails[room.Teacher.Id]);
        Assert.Equal(room.StudentA.Email, emails[room.StudentA.Id]);
        Assert.Equal(room.StudentB.Email, emails[room.StudentB.Id]);
    }

    [Fact]
    public async Task A_student_finds_no_e_mail_address_in_the_members_list_annotations_exports_or_profiles()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "From the teacher."));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "From B."));

        var members = await (await room.StudentA.Http.GetAsync($"/api/seminars/{room.SeminarId}/members")).JsonAsync();
        Assert.All(members.EnumerateArray(), m => Assert.False(m.TryGetProperty("email", out _), "A student was shown an e-mail address."));

        var answers = new List<string>
        {
            members.GetRawText(),
            (await room.StudentA.GetCollectionAsync(room.DocumentId)).GetRawText(),
            await (await room.StudentA.Http.GetAsync($"/api/users/{room.Teacher.Id}")).Content.ReadAsStringAsync(),
            await (await room.StudentA.Http.GetAsync($"/api/users/{room.StudentB.Id}")).Content.ReadAsStringAsync(),
        };
        foreach (var format in new[] { "csv", "markdown", "html", "jsonld" })
            answers.Add(await room.StudentA.ExportTextAsync(room.DocumentId, $"format={format}"));
        var overview = await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}/participation");
        Assert.Equal(HttpStatusCode.Forbidden, overview.StatusCode);

        // The answers are about these people: B's reply is in them, only the addresses are not.
        Assert.Contains("From B.", string.Concat(answers));
        foreach (var answer in answers)
        {
            Assert.DoesNotContain(room.Teacher.Email, answer);
            Assert.DoesNotContain(room.StudentB.Email, answer);
        }
    }

    [Fact]
    public async Task The_teachers_participation_table_names_students_without_their_addresses()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A's comment."));

        var csv = await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/participation?format=csv")).Content.ReadAsStringAsync();

        Assert.Contains(room.StudentA.DisplayName, csv);
        Assert.DoesNotContain(room.StudentA.Email, csv);
    }
}
