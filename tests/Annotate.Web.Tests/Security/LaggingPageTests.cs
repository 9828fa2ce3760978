using Annotate.Web.Tests.Infrastructure;
using Bunit;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// An open reading page whose circuit is too busy to keep up never holds up the writer (its events wait in a
/// bounded queue of its own), and when that queue overflows it reloads its discussion instead of silently
/// missing what was dropped (issue 10).
/// </summary>
public sealed class LaggingPageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_page_that_falls_behind_reloads_and_misses_nothing()
    {
        // Two events may wait for a page; the third one past that makes it fall behind.
        await using var app = AnnotateApp.WithSettings(new Dictionary<string, string> { ["Realtime:SubscriberQueue"] = "2" });
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var page = await pages.OpenAsync(room.StudentA, room.DocumentId);

        // The circuit is busy (a long render, a slow connection): nothing else runs on it until let go.
        using var busy = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = Task.Run(() => page.Component.InvokeAsync(() =>
        {
            entered.SetResult();
            busy.Wait(Timeout);
        }));
        await entered.Task.WaitAsync(Timeout);

        // Each POST answers while the page is stuck: the writer does not wait for it.
        var notes = Enumerable.Range(1, 6).Select(i => $"Lagging note {i}.").ToList();
        foreach (var note in notes)
            await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", note)).WaitAsync(Timeout);
        busy.Set();
        await holding;

        // Most of these events were dropped from the page's queue; the page reloaded instead.
        foreach (var note in notes) await page.WaitUntilShownAsync(note);
    }
}
