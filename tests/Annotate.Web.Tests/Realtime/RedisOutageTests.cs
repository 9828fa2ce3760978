using System.Net;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Web.Tests.Realtime;

/// <summary>
/// Redis goes away under two instances and comes back (issue 13): meanwhile each instance keeps serving its
/// own readers live, opens new pages, and says it is not ready (while it is alive); afterwards the link
/// between them works again and every open page and hub client catches up on what it missed.
/// </summary>
public sealed class RedisOutageTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [RedisFact]
    public async Task During_an_outage_each_instance_serves_its_own_readers_and_afterwards_every_reader_catches_up()
    {
        await using var instances = new TwoInstances(redis);
        var (a, b) = (instances.A, instances.B);
        var room = await a.CreateClassroomAsync();
        var hubOnA = await a.ConnectHubAsync(room.Teacher);
        await hubOnA.JoinAsync(room.DocumentId);
        var hubOnB = await b.ConnectHubAsync(room.Teacher);
        await hubOnB.JoinAsync(room.DocumentId);
        await using var pagesOnA = new LiveReadingPages(a);
        var pageOnA = await pagesOnA.OpenAsync(room.StudentB, room.DocumentId);
        await using var pagesOnB = new LiveReadingPages(b);
        var pageOnB = await pagesOnB.OpenAsync(room.Teacher, room.DocumentId);
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Before the outage."));
        await pageOnB.WaitUntilShownAsync("Before the outage.");

        await redis.StopAsync();
        try
        {
            foreach (var instance in new[] { a, b })
            {
                await ShouldAnswerAsync(instance, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy");
                await ShouldAnswerAsync(instance, "/health/live", HttpStatusCode.OK, "Healthy");
            }
            var onA = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Posted on A during the outage."))).Iri();
            var onB = (await b.As(room.StudentA).CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Posted on B during the outage."))).Iri();

            await pageOnA.WaitUntilShownAsync("Posted on A during the outage.");
            await hubOnA.WaitForAsync(HubListener.Created, onA);
            await pageOnB.WaitUntilShownAsync("Posted on B during the outage.");
            await hubOnB.WaitForAsync(HubListener.Created, onB);
        }
        finally
        {
            await redis.StartAgainAsync();
        }

        await a.WaitUntilReadyAsync();
        await b.WaitUntilReadyAsync();
        // Each page reloads what it shows, so what the other instance posted meanwhile appears; hub clients are
        // let go so that they connect again and read (their client library's reconnect does that).
        await pageOnA.WaitUntilShownAsync("Posted on B during the outage.");
        await pageOnB.WaitUntilShownAsync("Posted on A during the outage.");
        await WaitUntilAsync(() => hubOnB.Connection.State == HubConnectionState.Disconnected, "B's hub client was not let go to read again.");
        var hubOnBAgain = await b.ConnectHubAsync(room.Teacher);
        await hubOnBAgain.JoinAsync(room.DocumentId);

        var after = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "After the outage."))).Iri();

        await pageOnB.WaitUntilShownAsync("After the outage.");
        await hubOnBAgain.WaitForAsync(HubListener.Created, after);
        // "Reading now" is shared again too: someone opening the text on A shows on B at once.
        await using var laterOnA = new LiveReadingPages(a);
        await laterOnA.OpenAsync(room.StudentA, room.DocumentId);
        await pageOnB.WaitUntilReadingNowAsync(room.Teacher.DisplayName, room.StudentA.DisplayName, room.StudentB.DisplayName);
    }

    [RedisFact]
    public async Task A_page_opened_during_an_outage_still_gets_its_live_circuit()
    {
        await using var instances = new TwoInstances(redis);
        await instances.A.CreateClassroomAsync();

        await redis.StopAsync();
        try
        {
            await using var circuit = await CircuitClient.ConnectAsync(instances.A.Server);

            Assert.False(await CircuitClient.ResumeUnknownCircuitAsync(circuit));
        }
        finally
        {
            await redis.StartAgainAsync();
        }
    }

    private static async Task ShouldAnswerAsync(AnnotateApp instance, string path, HttpStatusCode status, string body)
    {
        var response = await instance.CreateApiClient().GetAsync(path);
        Assert.Equal((status, body), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var until = DateTime.UtcNow + LiveReadingPages.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, failure);
            await Task.Delay(50);
        }
    }
}
