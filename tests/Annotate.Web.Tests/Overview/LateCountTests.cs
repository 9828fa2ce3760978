using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Overview;

/// <summary>
/// The overview and the dashboard count late posts in the database (each post's stored time against its document's
/// due date): on both engines, with the due date given in any offset, the posts after it and only those.
/// </summary>
[EngineSpecific]
public sealed class LateCountTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Posts_after_the_due_date_count_as_late_on_the_overview_and_the_dashboard_alike()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "On time"))).Iri();
        await Task.Delay(50);
        // Due now, written in Hanoi's offset: the posts before it are on time, those after it late.
        var due = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        await (await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}/schedule", new { dueAt = due }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await Task.Delay(50);
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "Late reply"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("Working men of all countries", "Late thread"));

        var overview = await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/participation")).JsonAsync();
        var late = overview.GetProperty("students").EnumerateArray()
            .ToDictionary(s => s.GetProperty("userId").GetString()!, s => s.GetProperty("late").GetInt32());
        Assert.Equal(1, late[room.StudentA.Id]);
        Assert.Equal(1, late[room.StudentB.Id]);
        Assert.Equal(2, overview.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("late").GetInt32()));

        var dashboard = await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard")).JsonAsync();
        Assert.Equal(late, dashboard.GetProperty("students").EnumerateArray()
            .ToDictionary(s => s.GetProperty("userId").GetString()!, s => s.GetProperty("late").GetInt32()));
    }
}
