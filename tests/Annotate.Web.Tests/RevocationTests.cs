using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>Removing a member or moving a student to another group takes effect at once, live connections included.</summary>
public sealed class RevocationTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_removed_member_stops_receiving_hub_events_at_once()
    {
        var room = await app.CreateClassroomAsync();
        var teacherHub = await app.ConnectHubAsync(room.Teacher);
        var hubB = await app.ConnectHubAsync(room.StudentB);
        await teacherHub.JoinAsync(room.DocumentId);
        await hubB.JoinAsync(room.DocumentId);
        var before = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Before."))).Iri();
        await hubB.WaitForAsync(HubListener.Created, before);

        var removed = await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}");
        await removed.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var after = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "After."))).Iri();

        // The teacher's connection is the barrier: once the event is there, B's would have been too.
        await teacherHub.WaitForAsync(HubListener.Created, after);
        Assert.DoesNotContain(hubB.Received, e => e.AnnotationIri == after);
        await (await room.StudentB.GetAnnotationAsync(before)).ProblemDetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_student_moved_to_another_group_stops_seeing_the_old_groups_annotations_live()
    {
        var room = await app.CreateClassroomAsync();
        var groupOne = await CreateGroupAsync(room, "Group one");
        var groupTwo = await CreateGroupAsync(room, "Group two");
        await PutInGroupAsync(room, groupOne, room.StudentA.Id);
        await PutInGroupAsync(room, groupOne, room.StudentB.Id);
        var teacherHub = await app.ConnectHubAsync(room.Teacher);
        var hubB = await app.ConnectHubAsync(room.StudentB);
        await teacherHub.JoinAsync(room.DocumentId);
        await hubB.JoinAsync(room.DocumentId);
        var inGroup = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "For our group.", "group"))).Iri();
        await hubB.WaitForAsync(HubListener.Created, inGroup);

        await PutInGroupAsync(room, groupTwo, room.StudentB.Id);
        var later = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Still our group.", "group"))).Iri();

        await teacherHub.WaitForAsync(HubListener.Created, later);
        Assert.DoesNotContain(hubB.Received, e => e.AnnotationIri == later);
        Assert.DoesNotContain(inGroup, await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    private static async Task<int> CreateGroupAsync(Classroom room, string name)
    {
        var response = await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/groups", new { name });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    private static async Task PutInGroupAsync(Classroom room, int groupId, string userId) =>
        await (await room.Teacher.Http.PutAsync($"/api/seminars/{room.SeminarId}/groups/{groupId}/members/{userId}", null))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
}
