using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Annotate.Web.Features.Import;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Annotate.Web.Tests.Infrastructure.ImportJson;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Annotation import work is bounded: one running import per person and a few in all (429 while busy),
/// and a time budget for placing quotes, after which the rest is reported as not placed.
/// </summary>
public sealed class ImportBoundsTests
{
    [Fact]
    public async Task A_second_import_by_the_same_person_while_the_first_runs_answers_429_until_it_has_finished()
    {
        await using var app = new AnnotateApp();
        var room = await app.CreateClassroomAsync();
        var release = new TaskCompletionSource();

        var first = StartHeldImport(room.StudentA, room.DocumentId, release.Task);
        await WaitUntilRunningAsync(app, 1);
        var second = await room.StudentA.PostImportAsync(room.DocumentId, "[]");
        var (detail, retryAfter) = await second.ShouldBeRateLimitedAsync();
        // Someone else is not held up by it.
        var other = await room.StudentB.PostImportAsync(room.DocumentId, "[]");
        release.SetResult();

        Assert.Equal("Another import of yours is running; try again when it has finished.", detail);
        Assert.Equal(ImportSlots.RetryAfter, retryAfter);
        await other.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await first).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await room.StudentA.PostImportAsync(room.DocumentId, "[]")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Beyond_the_imports_allowed_at_once_everyone_else_gets_429()
    {
        await using var app = AnnotateApp.WithSettings(new Dictionary<string, string> { ["Import:MaxConcurrent"] = "2" });
        var room = await app.CreateClassroomAsync();
        var release = new TaskCompletionSource();

        var running = new[] { StartHeldImport(room.StudentA, room.DocumentId, release.Task), StartHeldImport(room.StudentB, room.DocumentId, release.Task) };
        await WaitUntilRunningAsync(app, 2);
        var third = await room.Teacher.PostImportAsync(room.DocumentId, "[]");
        var (detail, _) = await third.ShouldBeRateLimitedAsync();
        release.SetResult();

        Assert.Equal("The server is busy with other people's imports; try again in a few seconds.", detail);
        foreach (var import in running) await (await import).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await room.Teacher.PostImportAsync(room.DocumentId, "[]")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Placing_stops_when_the_time_budget_is_spent_and_reports_the_rest_as_not_placed()
    {
        // No time at all: the budget is spent before the first quote, so the outcome does not depend on the machine.
        await using var app = AnnotateApp.WithSettings(new Dictionary<string, string> { ["Import:PlacingSeconds"] = "0" });
        var room = await app.CreateClassroomAsync();
        var file = new JsonArray(
            W3c("urn:x:1", room.DocumentText, "nothing to lose but their chains", "Placed?"),
            W3cReply("urn:x:2", "urn:x:1", "And its reply?"));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 0, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        // Not tried is not an orphan: not stored, so that importing the file again places it.
        var reasons = report.GetProperty("notPlaced").EnumerateArray().Select(o => o.GetProperty("reason").GetString()).ToList();
        Assert.StartsWith("Not placed: placing the file's quotes took longer than 0 seconds, so this one was not tried.", reasons[0]);
        Assert.Equal("It answers an annotation that was not placed in time.", reasons[1]);
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", room.DocumentId)));
    }

    /// <summary>An import whose body arrives only when <paramref name="release"/> completes: it runs (holding its slot) until then.</summary>
    private static Task<HttpResponseMessage> StartHeldImport(ApiUser user, int documentId, Task release) =>
        user.Http.PostAsync($"/api/documents/{documentId}/import", new HeldBody(release));

    private static async Task WaitUntilRunningAsync(AnnotateApp app, int count)
    {
        var slots = app.Services.GetRequiredService<ImportSlots>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (slots.Running < count) await Task.Delay(20, timeout.Token);
    }

    /// <summary>"[", then "]" once released: an empty import file that takes as long as the test wants.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly Task release;

        public HeldBody(Task release)
        {
            this.release = release;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("["u8.ToArray());
            await stream.FlushAsync();
            await release;
            await stream.WriteAsync("]"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
