using System.Net;
using Annotate.Shared;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// A hub Join that races a removal must not outlive it (issue 10). Join asks access, then lets the
/// connection in; these tests put the removal, and the relay's handling of it, exactly between the two, by
/// running the same <see cref="HubReaders.JoinAsync"/> that <c>AnnotationHub.Join</c> runs for the
/// student's real connection, with an access question that lets the removal happen before it answers.
/// </summary>
public sealed class HubJoinRaceTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private HubReaders Readers => app.Services.GetRequiredService<HubReaders>();

    [Fact]
    public async Task A_removal_handled_between_Joins_check_and_its_add_leaves_the_connection_out()
    {
        var (room, teacherHub, studentHub) = await SceneAsync();

        var joined = await JoinRacingAsync(room, studentHub, async () =>
        {
            await RemoveStudentBAsync(room);
            // The relay takes events in order: once the teacher's connection has an annotation posted after
            // the removal, the relay has handled the removal too.
            var barrier = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Posted after the removal."))).Iri();
            await teacherHub.WaitForAsync(HubListener.Created, barrier);
        });

        Assert.False(joined);
        await AssertGetsNothingMoreAsync(room, teacherHub, studentHub);
    }

    [Fact]
    public async Task A_removal_committed_between_Joins_check_and_its_add_leaves_the_connection_out_whenever_the_relay_handles_it()
    {
        var (room, teacherHub, studentHub) = await SceneAsync();

        // The relay may handle the removal before Join lets the connection in or after: either way it ends out.
        await JoinRacingAsync(room, studentHub, () => RemoveStudentBAsync(room));

        await AssertGetsNothingMoreAsync(room, teacherHub, studentHub);
    }

    /// <summary>A classroom, the teacher's connection joined to its document, and student B's connection, not joined yet.</summary>
    private async Task<(Classroom Room, HubListener TeacherHub, HubListener StudentHub)> SceneAsync()
    {
        var room = await app.CreateClassroomAsync();
        var teacherHub = await app.ConnectHubAsync(room.Teacher);
        await teacherHub.JoinAsync(room.DocumentId);
        return (room, teacherHub, await app.ConnectHubAsync(room.StudentB));
    }

    /// <summary>
    /// Joins <paramref name="hub"/> (student B's connection) to the document as the hub does, but with the
    /// access question answered as it stood before <paramref name="meanwhile"/> ran: a member then.
    /// </summary>
    private async Task<bool> JoinRacingAsync(Classroom room, HubListener hub, Func<Task> meanwhile)
    {
        var access = app.Services.GetRequiredService<ReaderAccess>();
        var joining = new HubReaders.Reader(hub.Connection.ConnectionId!, room.DocumentId, room.StudentB.Id, app.Origin);
        return await Readers.JoinAsync(joining, async () =>
        {
            Viewer? viewer = (await access.ForDocumentAsync(room.StudentB.Id, room.DocumentId))?.Viewer;
            Assert.NotNull(viewer);
            await meanwhile();
            return viewer;
        });
    }

    private static async Task RemoveStudentBAsync(Classroom room) =>
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}"))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

    private async Task AssertGetsNothingMoreAsync(Classroom room, HubListener teacherHub, HubListener studentHub)
    {
        var later = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "For members only."))).Iri();
        await teacherHub.WaitForAsync(HubListener.Created, later);
        Assert.Empty(studentHub.TakeArrived());
        Assert.DoesNotContain(Readers.Of(room.DocumentId), reader => reader.UserId == room.StudentB.Id);
    }
}
