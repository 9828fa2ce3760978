using System.Net;
using System.Net.Http.Json;
using System.Text;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>Seminars, roles and documents over the HTTP API (contract section 2).</summary>
public sealed class SeminarAndDocumentTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Seminar_list_gives_each_member_their_role_and_the_join_code_only_to_teachers()
    {
        var room = await app.CreateClassroomAsync();

        var teachers = Assert.Single((await (await room.Teacher.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray());
        var students = Assert.Single((await (await room.StudentA.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray());

        Assert.Equal("teacher", teachers.GetProperty("role").GetString());
        Assert.Equal(8, teachers.GetProperty("joinCode").GetString()!.Length);
        Assert.Equal("student", students.GetProperty("role").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, students.GetProperty("joinCode").ValueKind);
        Assert.Empty((await (await room.Outsider.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Join_with_an_unknown_code_answers_404_with_a_sentence()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/seminars/join", new { joinCode = "NOSUCH99" });

        Assert.Contains("No seminar has that join code", await response.ProblemDetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Document_text_given_as_JSON_is_stored_with_line_endings_normalised()
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);

        var added = await (await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/documents",
            new { title = "  Windows notes ", text = "First paragraph.\r\n\r\nSecond\r\nparagraph.\r\n" })).JsonAsync(HttpStatusCode.Created);
        var document = await (await teacher.Http.GetAsync($"/api/documents/{added.GetProperty("id").GetInt32()}")).JsonAsync();

        Assert.Equal("Windows notes", added.GetProperty("title").GetString());
        Assert.Equal(1, added.GetProperty("revision").GetInt32());
        Assert.Equal("First paragraph.\n\nSecond\nparagraph.", document.GetProperty("text").GetString());
        Assert.Equal(seminarId, document.GetProperty("seminarId").GetInt32());
    }

    [Fact]
    public async Task Student_may_not_add_documents()
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.StudentA.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/documents", new { title = "Mine", text = "A text." });

        Assert.Contains("Only the seminar's teachers", await response.ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.Single((await (await room.StudentA.Http.GetAsync("/api/documents")).JsonAsync()).EnumerateArray());
    }

    [Theory]
    [InlineData("/api/seminars", "{\"name\":")]
    [InlineData("/api/seminars", "")]
    [InlineData("/api/seminars/join", "not json")]
    public async Task Unreadable_request_body_answers_400_problem_with_a_sentence(string path, string body)
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ProblemDetailAsync(HttpStatusCode.BadRequest);
    }
}
