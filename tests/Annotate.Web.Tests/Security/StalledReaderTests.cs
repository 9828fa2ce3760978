using System.Diagnostics;
using System.Net;
using Annotate.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Writers are never held hostage by readers (issue 10): a member's hub client that joins a document and
/// then stops reading its socket must not slow another member's posts, and is itself dropped once it
/// falls too far behind. Real sockets (Kestrel), since only they fill up. It runs alone: its bound is on
/// time, and other test classes running beside it on a 2-core machine would be measured too.
/// </summary>
[Collection(TimedTests.Collection)]
public sealed class StalledReaderTests(ITestOutputHelper output)
{
    private const int Posts = 400;
    // The bound for each POST while a reader stalls.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    // Before the fix a POST behind a stalled reader never answered; stop waiting long before that.
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_hub_client_that_stops_reading_neither_slows_posts_nor_stays_connected()
    {
        // Rate limits (where the build has them) would answer some of 400 quick posts with 429.
        await using var app = AnnotateApp.OnRealPort(new Dictionary<string, string> { ["RateLimits:Enabled"] = "false" });
        var room = await app.CreateClassroomAsync();
        // The first post of a fresh app also compiles the write path: that is not the reader's doing.
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Warming up."));
        await using var stalled = await RawHubClient.ConnectAsync(app.RootUri, room.StudentB.Token);
        await stalled.JoinAsync(room.DocumentId);
        stalled.StopReadingButKeepPinging();

        // ~18 KB per post, as measured in the issue.
        var comment = string.Concat(Enumerable.Repeat("A long reading note that quotes the passage at length. ", 330));
        var times = new List<TimeSpan>(Posts);
        for (var i = 0; i < Posts; i++)
        {
            using var giveUp = new CancellationTokenSource(GiveUp);
            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await room.StudentA.Http.PostAsync($"/api/documents/{room.DocumentId}/annotations",
                    AnnotationCalls.LdJson(room.Comment("A spectre is haunting Europe", $"{i}: {comment}").ToJsonString()), giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                Report(times);
                Assert.Fail($"POST {i + 1} of {Posts} had no answer after {GiveUp.TotalSeconds} s: the writer waits for the stalled reader.");
                throw;
            }
            times.Add(clock.Elapsed);
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        Report(times);
        Assert.All(times, time => Assert.True(time < Bound, $"A POST took {time.TotalMilliseconds:F0} ms."));

        // Reading now what piled up ends in the server closing the connection, short of everything posted:
        // it fell behind and was dropped, rather than being waited for.
        var (events, closed) = await stalled.ReadUntilClosedAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"The stalled connection received {events} of {Posts} events before it was closed: {closed}.");
        Assert.True(closed, "The stalled connection is still open.");
        Assert.True(events < Posts, "The stalled connection got every event: it was waited for, not dropped.");
    }

    private void Report(List<TimeSpan> times)
    {
        if (times.Count == 0) return;
        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToList();
        double At(double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
        output.WriteLine($"{times.Count} POSTs of ~18 KB with a stalled reader: p50 {At(0.50):F0} ms, p99 {At(0.99):F0} ms, max {sorted[^1]:F0} ms.");
        var slowest = times.Select((time, i) => (time, i)).OrderByDescending(p => p.time).Take(5);
        output.WriteLine("Slowest: " + string.Join(", ", slowest.Select(p => $"#{p.i + 1} {p.time.TotalMilliseconds:F0} ms")));
    }
}
