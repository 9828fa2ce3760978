using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Membership that holds: a removed account stays out until a teacher lets it back in, a regenerated join
/// code ends the old one at once, closed joining admits no one, and only the seminar's teachers manage any
/// of it (404 for those outside the seminar, 403 for its students).
/// </summary>
public sealed class MembershipTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_removed_student_cannot_rejoin_with_the_same_code_until_a_teacher_lets_them_back_in()
    {
        var room = await app.CreateClassroomAsync();
        var code = await room.JoinCodeAsync();
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}"))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var rejoin = await JoinAsync(room.StudentA, code);

        Assert.Equal("You were removed from this seminar; ask its teacher to let you back in.", await rejoin.ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.DoesNotContain(room.StudentA.Id, await MemberIdsAsync(room));
        await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}")).ProblemDetailAsync(HttpStatusCode.NotFound);
        var removed = (await RemovedAsync(room)).EnumerateArray().Single();
        Assert.Equal(room.StudentA.Id, removed.GetProperty("userId").GetString());
        Assert.Equal(room.StudentA.DisplayName, removed.GetProperty("displayName").GetString());
        Assert.True(DateTimeOffset.UtcNow - removed.GetProperty("removedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/removed/{room.StudentA.Id}"))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        // Letting back in lifts the bar; it does not make them a member by itself.
        Assert.Equal(0, (await RemovedAsync(room)).GetArrayLength());
        Assert.DoesNotContain(room.StudentA.Id, await MemberIdsAsync(room));
        var joined = await (await JoinAsync(room.StudentA, code)).JsonAsync();
        Assert.Equal("student", joined.GetProperty("role").GetString());
        await (await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var again = await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/removed/{room.StudentA.Id}");
        Assert.Contains("not on this seminar's removed list", await again.ProblemDetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_removed_account_is_not_a_member_so_removing_it_again_is_404_and_keeps_the_bar()
    {
        var room = await app.CreateClassroomAsync();
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}"))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var again = await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}");

        Assert.Contains("not a member", await again.ProblemDetailAsync(HttpStatusCode.NotFound));
        Assert.Equal([room.StudentB.Id], (await RemovedAsync(room)).EnumerateArray().Select(r => r.GetProperty("userId").GetString()));
        await (await JoinAsync(room.StudentB, await room.JoinCodeAsync())).ProblemDetailAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_regenerated_join_code_works_and_the_old_one_stops_at_once()
    {
        var room = await app.CreateClassroomAsync();
        var oldCode = await room.JoinCodeAsync();

        var answer = await (await room.Teacher.Http.PostAsync($"/api/seminars/{room.SeminarId}/join-code", null)).JsonAsync();

        var newCode = answer.GetProperty("joinCode").GetString()!;
        Assert.NotEqual(oldCode, newCode);
        Assert.Matches("^[A-Z2-9]{8}$", newCode);
        Assert.Equal(newCode, await room.JoinCodeAsync());
        Assert.Contains("No seminar has that join code", await (await JoinAsync(room.Outsider, oldCode)).ProblemDetailAsync(HttpStatusCode.NotFound));
        Assert.DoesNotContain(room.Outsider.Id, await MemberIdsAsync(room));
        var joined = await (await JoinAsync(room.Outsider, newCode.ToLowerInvariant())).JsonAsync();
        Assert.Equal(room.SeminarId, joined.GetProperty("id").GetInt32());
        // Members already in stay in.
        Assert.Contains(room.StudentA.Id, await MemberIdsAsync(room));
    }

    [Fact]
    public async Task While_joining_is_closed_the_code_answers_403_and_nothing_changes()
    {
        var room = await app.CreateClassroomAsync();
        var code = await room.JoinCodeAsync();

        await (await SetJoiningAsync(room.Teacher, room.SeminarId, false)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.False((await MySeminarAsync(room.Teacher, room.SeminarId)).GetProperty("joiningOpen").GetBoolean());
        var refused = await JoinAsync(room.Outsider, code);
        Assert.Contains("closed joining", await refused.ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.DoesNotContain(room.Outsider.Id, await MemberIdsAsync(room));
        Assert.Equal(code, await room.JoinCodeAsync());
        // A member asking again changes nothing either way.
        await (await JoinAsync(room.StudentA, code)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(3, (await MemberIdsAsync(room)).Count);

        await (await SetJoiningAsync(room.Teacher, room.SeminarId, true)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await JoinAsync(room.Outsider, code)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.True((await MySeminarAsync(room.Teacher, room.SeminarId)).GetProperty("joiningOpen").GetBoolean());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"open":null}""")]
    public async Task Joining_without_saying_open_or_closed_answers_400_and_stays_open(string body)
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.Teacher.Http.PutAsync($"/api/seminars/{room.SeminarId}/joining",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("\"open\"", await response.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.True((await MySeminarAsync(room.Teacher, room.SeminarId)).GetProperty("joiningOpen").GetBoolean());
    }

    [Fact]
    public async Task Non_members_get_404_and_students_403_on_every_new_teacher_call_and_nothing_changes()
    {
        var room = await app.CreateClassroomAsync();
        var barred = await app.AddStudentAsync(room, "student.barred");
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{barred.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var code = await room.JoinCodeAsync();
        var seminar = $"/api/seminars/{room.SeminarId}";
        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, $"{seminar}/join-code", null),
            (HttpMethod.Put, $"{seminar}/joining", new { open = false }),
            (HttpMethod.Get, $"{seminar}/removed", null),
            (HttpMethod.Delete, $"{seminar}/removed/{barred.Id}", null),
        };

        foreach (var (method, path, body) in calls)
        {
            foreach (var stranger in new[] { room.Outsider, barred })
                Assert.Contains("no seminar with that id", await (await SendAsync(stranger, method, path, body)).ProblemDetailAsync(HttpStatusCode.NotFound));
            Assert.Contains("Only the seminar's teachers", await (await SendAsync(room.StudentA, method, path, body)).ProblemDetailAsync(HttpStatusCode.Forbidden));
            var unknown = path.Replace($"/{room.SeminarId}/", "/999999/", StringComparison.Ordinal);
            await (await SendAsync(room.Teacher, method, unknown, body)).ProblemDetailAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(code, await room.JoinCodeAsync());
        Assert.True((await MySeminarAsync(room.Teacher, room.SeminarId)).GetProperty("joiningOpen").GetBoolean());
        Assert.Equal([barred.Id], (await RemovedAsync(room)).EnumerateArray().Select(r => r.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task Forged_user_ids_let_no_one_back_in_anywhere_else()
    {
        var room = await app.CreateClassroomAsync();
        var other = await app.CreateClassroomAsync();
        // Barred from the other seminar; this room's teacher tries to lift that bar through their own seminar.
        await (await other.Teacher.Http.DeleteAsync($"/api/seminars/{other.SeminarId}/members/{other.StudentA.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        foreach (var forged in new[] { other.StudentA.Id, Guid.NewGuid().ToString(), room.StudentA.Id, "%20", "..%2F..%2Fmembers" })
        {
            var response = await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/removed/{forged}");
            Assert.Contains("not on this seminar's removed list", await response.ProblemDetailAsync(HttpStatusCode.NotFound));
        }
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{other.SeminarId}/removed/{other.StudentA.Id}")).ProblemDetailAsync(HttpStatusCode.NotFound);

        Assert.Equal([other.StudentA.Id], (await RemovedAsync(other)).EnumerateArray().Select(r => r.GetProperty("userId").GetString()));
        await (await JoinAsync(other.StudentA, await other.JoinCodeAsync())).ProblemDetailAsync(HttpStatusCode.Forbidden);
        Assert.Contains(room.StudentA.Id, await MemberIdsAsync(room));
    }

    [Fact]
    public async Task A_removed_co_teacher_is_barred_like_a_student()
    {
        var room = await app.CreateClassroomAsync();
        await (await room.Teacher.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}/role", new { role = "teacher" }))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await JoinAsync(room.StudentB, await room.JoinCodeAsync())).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await room.StudentB.Http.PostAsync($"/api/seminars/{room.SeminarId}/join-code", null)).ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> JoinAsync(ApiUser user, string joinCode) =>
        user.Http.PostAsJsonAsync("/api/seminars/join", new { joinCode });

    private static Task<HttpResponseMessage> SetJoiningAsync(ApiUser user, int seminarId, bool open) =>
        user.Http.PutAsJsonAsync($"/api/seminars/{seminarId}/joining", new { open });

    private static async Task<JsonElement> RemovedAsync(Classroom room) =>
        await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/removed")).JsonAsync();

    private static async Task<List<string?>> MemberIdsAsync(Classroom room) =>
        (await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/members")).JsonAsync())
            .EnumerateArray().Select(m => m.GetProperty("userId").GetString()).ToList();

    private static async Task<JsonElement> MySeminarAsync(ApiUser user, int seminarId) =>
        (await (await user.Http.GetAsync("/api/seminars")).JsonAsync()).EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == seminarId);

    private static Task<HttpResponseMessage> SendAsync(ApiUser user, HttpMethod method, string path, object? body) =>
        user.Http.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
}
