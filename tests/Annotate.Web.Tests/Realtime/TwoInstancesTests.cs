using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Realtime;

/// <summary>
/// Two instances of one installation (one database, one Redis, issue 13): what happens on one reaches the
/// readers of the other, at once and once.
/// </summary>
public sealed class TwoInstancesTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private TwoInstances instances = null!;
    private AnnotateApp a = null!;
    private AnnotateApp b = null!;

    public Task InitializeAsync()
    {
        instances = new TwoInstances(redis);
        (a, b) = (instances.A, instances.B);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => instances.DisposeAsync().AsTask();

    [RedisFact]
    public async Task An_annotation_posted_on_one_instance_reaches_hub_clients_and_reading_pages_of_the_other_once()
    {
        var room = await a.CreateClassroomAsync();
        var hubOnB = await b.ConnectHubAsync(room.Teacher);
        await hubOnB.JoinAsync(room.DocumentId);
        var hubOnA = await a.ConnectHubAsync(room.StudentB);
        await hubOnA.JoinAsync(room.DocumentId);
        await using var pagesOnB = new LiveReadingPages(b);
        var pageOnB = await pagesOnB.OpenAsync(room.StudentB, room.DocumentId);

        var posted = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Posted on instance A."))).Iri();

        await hubOnB.WaitForAsync(HubListener.Created, posted);
        await pageOnB.WaitUntilShownAsync("Posted on instance A.");
        await hubOnA.WaitForAsync(HubListener.Created, posted);

        // Once: after a later event has arrived everywhere, the first arrived exactly one time on each instance.
        var barrier = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "The barrier."))).Iri();
        await hubOnB.WaitForAsync(HubListener.Created, barrier);
        await hubOnA.WaitForAsync(HubListener.Created, barrier);
        Assert.Single(hubOnB.TakeArrived(), e => e.Name == HubListener.Created && e.AnnotationIri == posted);
        Assert.Single(hubOnA.TakeArrived(), e => e.Name == HubListener.Created && e.AnnotationIri == posted);
    }

    [RedisFact]
    public async Task A_member_removed_on_one_instance_is_cut_off_on_the_hub_of_the_other_at_once()
    {
        var room = await a.CreateClassroomAsync();
        var teacherHubOnB = await b.ConnectHubAsync(room.Teacher);
        await teacherHubOnB.JoinAsync(room.DocumentId);
        var studentHubOnB = await b.ConnectHubAsync(room.StudentB);
        await studentHubOnB.JoinAsync(room.DocumentId);

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}"))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        // The next event after the removal: B's relay takes the feed in order, so it has handled the removal first.
        var later = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "For members only."))).Iri();

        await teacherHubOnB.WaitForAsync(HubListener.Created, later);
        Assert.Empty(studentHubOnB.TakeArrived());
    }
}
