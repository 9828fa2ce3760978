using System.Net;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Annotate.Web.Tests.Realtime;

/// <summary>
/// "Reading now" across two instances over Redis: who opens or closes a page on one shows on the other at
/// once; a removed member leaves every list at once; an instance that stops refreshing loses its readers
/// within the expiry. The pages are the real reading page rendered against each instance's services.
/// </summary>
public sealed class SharedPresenceTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <summary>Long, so that what a test sees within its timeout came by the live notice, not by a refresh or an expiry.</summary>
    private static readonly Dictionary<string, string> Slow = new()
    {
        ["Redis:PresenceExpirySeconds"] = "120",
        ["Redis:PresenceHeartbeatSeconds"] = "60",
    };

    [RedisFact]
    public async Task Readers_arriving_and_leaving_on_one_instance_show_on_the_other_at_once()
    {
        await using var instances = new TwoInstances(redis, Slow);
        var room = await instances.A.CreateClassroomAsync();
        await using var pagesOnA = new LiveReadingPages(instances.A);
        var teacherOnA = await pagesOnA.OpenAsync(room.Teacher, room.DocumentId);
        await teacherOnA.WaitUntilReadingNowAsync(room.Teacher.DisplayName);

        var pagesOnB = new LiveReadingPages(instances.B);
        var studentOnB = await pagesOnB.OpenAsync(room.StudentA, room.DocumentId);

        await teacherOnA.WaitUntilReadingNowAsync(room.Teacher.DisplayName, room.StudentA.DisplayName);
        await studentOnB.WaitUntilReadingNowAsync(room.Teacher.DisplayName, room.StudentA.DisplayName);

        await pagesOnB.DisposeAsync();
        await teacherOnA.WaitUntilReadingNowAsync(room.Teacher.DisplayName);
    }

    [RedisFact]
    public async Task Someone_on_both_instances_counts_once_and_stays_until_their_last_page_closes()
    {
        await using var instances = new TwoInstances(redis, Slow);
        var room = await instances.A.CreateClassroomAsync();
        await using var teacherPages = new LiveReadingPages(instances.A);
        var teacherOnA = await teacherPages.OpenAsync(room.Teacher, room.DocumentId);
        var studentPagesOnA = new LiveReadingPages(instances.A);
        await studentPagesOnA.OpenAsync(room.StudentA, room.DocumentId);
        await using var studentPagesOnB = new LiveReadingPages(instances.B);
        await studentPagesOnB.OpenAsync(room.StudentA, room.DocumentId);
        await teacherOnA.WaitUntilReadingNowAsync(room.Teacher.DisplayName, room.StudentA.DisplayName);

        // The student's tab on A closes; the one on B is still open.
        await studentPagesOnA.DisposeAsync();
        var barrier = new LiveReadingPages(instances.B);
        await barrier.OpenAsync(room.StudentB, room.DocumentId);
        await teacherOnA.WaitUntilReadingNowAsync(room.Teacher.DisplayName, room.StudentA.DisplayName, room.StudentB.DisplayName);
        await barrier.DisposeAsync();
        await teacherOnA.WaitUntilReadingNowAsync(room.Teacher.DisplayName, room.StudentA.DisplayName);
    }

    [RedisFact]
    public async Task A_member_removed_on_one_instance_leaves_Reading_now_on_the_other_at_once_and_an_outsider_never_appears()
    {
        await using var instances = new TwoInstances(redis, Slow);
        var room = await instances.A.CreateClassroomAsync();
        await using var pagesOnA = new LiveReadingPages(instances.A);
        var teacherOnA = await pagesOnA.OpenAsync(room.Teacher, room.DocumentId);
        await using var pagesOnB = new LiveReadingPages(instances.B);
        var outsiderOnB = await pagesOnB.OpenAsync(room.Outsider, room.DocumentId);
        var studentOnB = await pagesOnB.OpenAsync(room.StudentB, room.DocumentId);
        await teacherOnA.WaitUntilReadingNowAsync(room.Teacher.DisplayName, room.StudentB.DisplayName);

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}"))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await teacherOnA.WaitUntilReadingNowAsync(room.Teacher.DisplayName);
        await studentOnB.Component.WaitForAssertionAsync(() => Assert.True(studentOnB.IsNotFound), LiveReadingPages.Timeout);
        Assert.Empty(studentOnB.ReadingNow);
        Assert.True(outsiderOnB.IsNotFound);
        Assert.False(teacherOnA.EverShowed(room.Outsider.DisplayName), "The teacher's page showed someone who may not read the text.");
    }

    [RedisFact]
    public async Task The_readers_of_an_instance_that_stops_refreshing_disappear_within_the_expiry()
    {
        await using var instances = new TwoInstances(redis, new Dictionary<string, string>
        {
            ["Redis:PresenceExpirySeconds"] = "2",
            ["Redis:PresenceHeartbeatSeconds"] = "0.5",
        });
        var room = await instances.A.CreateClassroomAsync();
        await using var pagesOnA = new LiveReadingPages(instances.A);
        var studentOnA = await pagesOnA.OpenAsync(room.StudentA, room.DocumentId);
        await using var pagesOnB = new LiveReadingPages(instances.B);
        var teacherOnB = await pagesOnB.OpenAsync(room.Teacher, room.DocumentId);
        await teacherOnB.WaitUntilReadingNowAsync(room.Teacher.DisplayName, room.StudentA.DisplayName);
        // Several heartbeats go by: a live instance's readers stay.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(new[] { room.Teacher.DisplayName, room.StudentA.DisplayName }.Order(StringComparer.CurrentCultureIgnoreCase), teacherOnB.ReadingNow);

        // Instance A loses Redis for good (as a crashed or cut-off instance does): it neither refreshes nor says goodbye.
        await instances.A.Services.GetRequiredService<IConnectionMultiplexer>().CloseAsync(allowCommandsToComplete: false);

        await teacherOnB.WaitUntilReadingNowAsync(room.Teacher.DisplayName);
        // And A, hearing nothing more, lets B's reader go as well; its own reader stays.
        await studentOnA.WaitUntilReadingNowAsync(room.StudentA.DisplayName);
    }

    [Fact]
    public async Task A_heartbeat_not_shorter_than_the_expiry_stops_the_start_with_a_sentence()
    {
        await using var app = AnnotateApp.WithSettings(new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["Redis:PresenceExpirySeconds"] = "10",
            ["Redis:PresenceHeartbeatSeconds"] = "10",
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Equal("Redis:PresenceHeartbeatSeconds (10) must be more than 0 and less than Redis:PresenceExpirySeconds (10), or an instance's readers would expire between its refreshes.", error.Message);
    }
}
