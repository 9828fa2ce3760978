using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>Teachers managing a seminar's members, roles and groups over the HTTP API (contract section 2).</summary>
public sealed class SeminarManagementTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Teacher_creates_a_group_and_every_member_sees_it_with_its_member_count()
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name = "  Red team " });
        var group = await response.JsonAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt32();
        await PutInGroupAsync(room, groupId, room.StudentA);

        Assert.Equal("Red team", group.GetProperty("name").GetString());
        Assert.Equal($"/api/seminars/{room.SeminarId}/groups/{groupId}", response.Headers.Location?.OriginalString);
        var seen = await (await room.StudentB.Http.GetAsync($"/api/seminars/{room.SeminarId}/groups")).JsonAsync();
        JsonAssert.Equal($$"""[{"id":{{groupId}},"name":"Red team","memberCount":1}]""", seen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Group_without_a_name_answers_400(string? name)
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name });

        Assert.Contains("needs a name", await response.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Group_name_is_at_most_200_characters_and_unique_within_its_seminar_only()
    {
        var room = await app.CreateClassroomAsync();
        var other = await app.CreateClassroomAsync();
        await CreateGroupAsync(room, "Readers");

        var tooLong = await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name = new string('g', 201) });
        var twice = await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name = "readers" });

        Assert.Contains("at most 200 characters", await tooLong.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("already has a group called", await twice.ProblemDetailAsync(HttpStatusCode.BadRequest));
        await CreateGroupAsync(room, new string('g', 200));
        await CreateGroupAsync(other, "Readers");
        Assert.Equal(2, (await GroupsAsync(room)).GetArrayLength());
    }

    [Fact]
    public async Task Non_members_get_404_on_every_call_and_students_403_on_every_teacher_call()
    {
        var room = await app.CreateClassroomAsync();
        var groupId = await CreateGroupAsync(room, "Blue");
        var seminar = $"/api/seminars/{room.SeminarId}";
        var teacherCalls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, $"{seminar}/groups", new { name = "Green" }),
            (HttpMethod.Post, $"{seminar}/groups/split", new { size = 2 }),
            (HttpMethod.Put, $"{seminar}/groups/{groupId}/members/{room.StudentB.Id}", null),
            (HttpMethod.Delete, $"{seminar}/groups/{groupId}/members/{room.StudentB.Id}", null),
            (HttpMethod.Delete, $"{seminar}/members/{room.StudentB.Id}", null),
            (HttpMethod.Put, $"{seminar}/members/{room.StudentB.Id}/role", new { role = "teacher" }),
        };
        var memberCalls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"{seminar}/groups", null),
            (HttpMethod.Get, $"{seminar}/members", null),
        };

        foreach (var (method, path, body) in teacherCalls.Concat(memberCalls))
            Assert.Contains("no seminar with that id", await (await SendAsync(room.Outsider, method, path, body)).ProblemDetailAsync(HttpStatusCode.NotFound));
        foreach (var (method, path, body) in teacherCalls)
            Assert.Contains("Only the seminar's teachers", await (await SendAsync(room.StudentA, method, path, body)).ProblemDetailAsync(HttpStatusCode.Forbidden));
        foreach (var (method, path, body) in memberCalls)
            await (await SendAsync(room.StudentA, method, path, body)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Nothing the refused calls asked for happened.
        var members = await MembersAsync(room);
        Assert.Equal(3, members.GetArrayLength());
        Assert.All(members.EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("groupId").ValueKind));
        Assert.Equal(1, (await GroupsAsync(room)).GetArrayLength());
    }

    [Fact]
    public async Task Members_are_listed_teachers_first_then_by_name_with_role_and_group()
    {
        var room = await app.CreateClassroomAsync();
        var groupId = await CreateGroupAsync(room, "Blue");
        await PutInGroupAsync(room, groupId, room.StudentB);

        var members = (await (await room.StudentA.Http.GetAsync($"/api/seminars/{room.SeminarId}/members")).JsonAsync()).EnumerateArray().ToList();

        var students = new[] { room.StudentA, room.StudentB }.OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
        Assert.Equal([room.Teacher.Id, .. students.Select(s => s.Id)], members.Select(m => m.GetProperty("userId").GetString()));
        Assert.Equal(["teacher", "student", "student"], members.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(room.Teacher.DisplayName, members[0].GetProperty("displayName").GetString());
        var b = members.Single(m => m.GetProperty("userId").GetString() == room.StudentB.Id);
        Assert.Equal(groupId, b.GetProperty("groupId").GetInt32());
    }

    [Fact]
    public async Task A_student_is_in_one_group_at_most_and_moving_them_takes_them_out_of_the_old_one()
    {
        var room = await app.CreateClassroomAsync();
        var first = await CreateGroupAsync(room, "First");
        var second = await CreateGroupAsync(room, "Second");

        await PutInGroupAsync(room, first, room.StudentA);
        await PutInGroupAsync(room, second, room.StudentA);

        Assert.Equal(second, await GroupOfAsync(room, room.StudentA));
        Assert.Equal([0, 1], (await GroupsAsync(room)).EnumerateArray().Select(g => g.GetProperty("memberCount").GetInt32()));
        var fromOld = await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/groups/{first}/members/{room.StudentA.Id}");
        Assert.Contains("not in this group", await fromOld.ProblemDetailAsync(HttpStatusCode.NotFound));

        var removed = await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/groups/{second}/members/{room.StudentA.Id}");

        await removed.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Null(await GroupOfAsync(room, room.StudentA));
    }

    [Fact]
    public async Task Only_a_student_member_goes_into_a_group_of_this_seminar()
    {
        var room = await app.CreateClassroomAsync();
        var other = await app.CreateClassroomAsync();
        var groupId = await CreateGroupAsync(room, "Blue");
        var otherGroup = await CreateGroupAsync(other, "Elsewhere");
        string Path(int group, string userId) => $"/api/seminars/{room.SeminarId}/groups/{group}/members/{userId}";

        Assert.Contains("not a member", await (await room.Teacher.Http.PutAsync(Path(groupId, room.Outsider.Id), null)).ProblemDetailAsync(HttpStatusCode.NotFound));
        Assert.Contains("not a member", await (await room.Teacher.Http.PutAsync(Path(groupId, "no-such-user"), null)).ProblemDetailAsync(HttpStatusCode.NotFound));
        Assert.Contains("no group with that id", await (await room.Teacher.Http.PutAsync(Path(otherGroup, room.StudentA.Id), null)).ProblemDetailAsync(HttpStatusCode.NotFound));
        Assert.Contains("no group with that id", await (await room.Teacher.Http.PutAsync(Path(999_999, room.StudentA.Id), null)).ProblemDetailAsync(HttpStatusCode.NotFound));
        Assert.Contains("Only students", await (await room.Teacher.Http.PutAsync(Path(groupId, room.Teacher.Id), null)).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, (await GroupsAsync(room))[0].GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task The_last_teacher_can_be_neither_removed_nor_demoted_but_a_co_teacher_can_take_over()
    {
        var room = await app.CreateClassroomAsync();
        var self = $"/api/seminars/{room.SeminarId}/members/{room.Teacher.Id}";

        Assert.Contains("at least one teacher", await (await room.Teacher.Http.DeleteAsync(self)).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("at least one teacher", await (await room.Teacher.Http.PutAsJsonAsync($"{self}/role", new { role = "student" })).ProblemDetailAsync(HttpStatusCode.BadRequest));

        var promoted = await room.Teacher.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}/role", new { role = "teacher" });
        await promoted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        // The co-teacher may now do what teachers do, including sending the first teacher away.
        await (await room.StudentA.Http.PutAsJsonAsync($"{self}/role", new { role = "student" })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await room.StudentA.Http.DeleteAsync(self)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var members = await MembersAsync(room, room.StudentA);
        Assert.Equal([room.StudentA.Id, room.StudentB.Id], members.EnumerateArray().Select(m => m.GetProperty("userId").GetString()));
        Assert.Equal("teacher", members[0].GetProperty("role").GetString());
        var self2 = $"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}";
        Assert.Contains("at least one teacher", await (await room.StudentA.Http.DeleteAsync(self2)).ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("""{"role":"admin"}""")]
    [InlineData("""{"role":"Teacher"}""")]
    [InlineData("{}")]
    public async Task Role_must_be_teacher_or_student(string body)
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.Teacher.Http.PutAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}/role",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("\"teacher\" or \"student\"", await response.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Promoting_a_student_takes_them_out_of_their_group()
    {
        var room = await app.CreateClassroomAsync();
        var groupId = await CreateGroupAsync(room, "Blue");
        await PutInGroupAsync(room, groupId, room.StudentA);

        await (await room.Teacher.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}/role", new { role = "teacher" }))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Null(await GroupOfAsync(room, room.StudentA));
    }

    [Fact]
    public async Task Removing_a_member_ends_their_access_and_keeps_their_annotations()
    {
        var room = await app.CreateClassroomAsync();
        var kept = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Still true."))).Iri();

        var removed = await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}");

        await removed.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}")).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.StudentA.GetAnnotationAsync(kept)).ProblemDetailAsync(HttpStatusCode.NotFound);
        await (await room.StudentA.Http.GetAsync($"/api/seminars/{room.SeminarId}/members")).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Equal([kept], await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.DoesNotContain(room.StudentA.Id, (await MembersAsync(room)).EnumerateArray().Select(m => m.GetProperty("userId").GetString()));
        var again = await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}");
        Assert.Contains("not a member", await again.ProblemDetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Split_puts_every_student_in_exactly_one_new_group_of_even_size_and_keeps_existing_groups()
    {
        var room = await app.CreateClassroomAsync();
        var joinCode = await JoinCodeAsync(room);
        for (var i = 0; i < 3; i++) await app.JoinAsync(await app.RegisterAsync("student.more"), joinCode);
        var existing = await CreateGroupAsync(room, "Group 1");
        await PutInGroupAsync(room, existing, room.StudentA);

        var split = await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups/split", new { size = 2 })).JsonAsync();

        var groups = split.EnumerateArray().ToList();
        var sizes = groups.Select(g => g.GetProperty("memberIds").GetArrayLength()).ToList();
        Assert.Equal(5, sizes.Sum());
        Assert.True(sizes.Max() - sizes.Min() <= 1, $"Group sizes {string.Join(",", sizes)} differ by more than one.");
        Assert.All(sizes, size => Assert.InRange(size, 1, 3));
        Assert.DoesNotContain("Group 1", groups.Select(g => g.GetProperty("name").GetString()));
        Assert.All(groups, g => Assert.StartsWith("Group ", g.GetProperty("name").GetString()));

        var members = (await MembersAsync(room)).EnumerateArray().ToList();
        var students = members.Where(m => m.GetProperty("role").GetString() == "student").ToList();
        Assert.Equal(5, students.Count);
        foreach (var student in students)
        {
            var id = student.GetProperty("userId").GetString();
            var holding = Assert.Single(groups, g => g.GetProperty("memberIds").EnumerateArray().Any(m => m.GetString() == id));
            Assert.Equal(holding.GetProperty("id").GetInt32(), student.GetProperty("groupId").GetInt32());
        }
        var listed = await GroupsAsync(room);
        Assert.Equal(groups.Count + 1, listed.GetArrayLength());
        Assert.Equal(0, listed.EnumerateArray().Single(g => g.GetProperty("id").GetInt32() == existing).GetProperty("memberCount").GetInt32());
    }

    [Theory]
    [InlineData("""{"size":1}""")]
    [InlineData("""{"size":0}""")]
    [InlineData("{}")]
    public async Task Split_needs_a_size_of_at_least_two(string body)
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.Teacher.Http.PostAsync($"/api/seminars/{room.SeminarId}/groups/split",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("at least 2", await response.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, (await GroupsAsync(room)).GetArrayLength());
    }

    [Fact]
    public async Task Group_annotation_reaches_the_authors_group_and_teachers_once_groups_are_assigned_through_the_API()
    {
        var room = await app.CreateClassroomAsync();
        var classmate = await app.RegisterAsync("student.c");
        await app.JoinAsync(classmate, await JoinCodeAsync(room));
        var red = await CreateGroupAsync(room, "Red");
        var blue = await CreateGroupAsync(room, "Blue");
        await PutInGroupAsync(room, red, room.StudentA);
        await PutInGroupAsync(room, red, classmate);
        await PutInGroupAsync(room, blue, room.StudentB);

        var note = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "For the red group.", "group"))).Iri();

        Assert.Equal([note], await classmate.VisibleAnnotationIrisAsync(room.DocumentId));
        await (await classmate.GetAnnotationAsync(note)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal([note], await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Empty(await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Contains("no annotation with that id", await (await room.StudentB.GetAnnotationAsync(note)).ProblemDetailAsync(HttpStatusCode.NotFound));

        // Moving students between groups changes what they see at the next read.
        await PutInGroupAsync(room, red, room.StudentB);
        await PutInGroupAsync(room, blue, classmate);

        Assert.Equal([note], await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Empty(await classmate.VisibleAnnotationIrisAsync(room.DocumentId));
        await (await classmate.GetAnnotationAsync(note)).ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    private static async Task<int> CreateGroupAsync(Classroom room, string name) =>
        (await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name })).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetInt32();

    private static async Task PutInGroupAsync(Classroom room, int groupId, ApiUser student) =>
        await (await room.Teacher.Http.PutAsync($"/api/seminars/{room.SeminarId}/groups/{groupId}/members/{student.Id}", null))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

    private static async Task<JsonElement> GroupsAsync(Classroom room) =>
        await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/groups")).JsonAsync();

    private static async Task<JsonElement> MembersAsync(Classroom room, ApiUser? asker = null) =>
        await (await (asker ?? room.Teacher).Http.GetAsync($"/api/seminars/{room.SeminarId}/members")).JsonAsync();

    private static async Task<int?> GroupOfAsync(Classroom room, ApiUser student)
    {
        var member = (await MembersAsync(room)).EnumerateArray().Single(m => m.GetProperty("userId").GetString() == student.Id);
        var group = member.GetProperty("groupId");
        return group.ValueKind == JsonValueKind.Null ? null : group.GetInt32();
    }

    private static async Task<string> JoinCodeAsync(Classroom room) =>
        (await (await room.Teacher.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("id").GetInt32() == room.SeminarId).GetProperty("joinCode").GetString()!;

    private static Task<HttpResponseMessage> SendAsync(ApiUser user, HttpMethod method, string path, object? body) =>
        user.Http.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
}
