using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Annotate.Web.Tests;

/// <summary>
/// The re-anchoring worker always brings a revision to done: a thread deleted while it works is left out
/// (the rest are placed), and a failure is tried again a little later instead of waiting for a restart.
/// The worker runs here with a feed of the test's own, which acts between its batches.
/// </summary>
public sealed class AnchoringWorkerTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const int Threads = 250; // more than one batch of 200
    private const string History = "The history of all hitherto existing society is the history of class struggles.";

    [Fact]
    public async Task A_thread_deleted_between_the_workers_read_and_its_save_is_left_out_and_the_revision_is_done()
    {
        var (room, ids) = await ClassroomWithThreadsAsync();
        var annotations = app.Services.GetRequiredService<AnnotationService>();
        Guid? deleted = null;
        // After the first batch is saved, a thread of the second batch (read already, not saved yet) is deleted by its author.
        var feed = new TestFeed(room.DocumentId, async progress =>
        {
            if (deleted is not null || progress.Finished) return;
            deleted = await UnanchoredThreadAsync(room.DocumentId, 2);
            Assert.NotNull((await annotations.DeleteAsync(room.StudentA.Id, deleted.Value)).Value);
        });
        var worker = new AnchoringWorker(DbFactory, feed, NullLogger<AnchoringWorker>.Instance);

        await worker.AnchorDocumentAsync(room.DocumentId);

        Assert.NotNull(deleted);
        Assert.True(await RevisionDoneAsync(room.DocumentId, 2));
        Assert.Equal(Threads - 1, await app.Database.CountAsync(
            "SELECT COUNT(*) FROM AnnotationAnchors x JOIN Annotations a ON a.Id = x.AnnotationId WHERE a.DocumentId = $id AND x.Revision = 2", ("$id", room.DocumentId)));
        Assert.DoesNotContain(deleted.Value, await AnchoredAsync(room.DocumentId, 2));
        Assert.Equal(ids.Where(id => id != deleted).Order(), (await AnchoredAsync(room.DocumentId, 2)).Order());
        Assert.True(feed.Events[^1].Finished); // the page's "Placing the threads…" ends
    }

    [Fact]
    public async Task A_failure_is_tried_again_after_a_short_wait_and_the_revision_reaches_done()
    {
        var (room, _) = await ClassroomWithThreadsAsync();
        var failed = 0;
        // The first batch is saved, then the revision fails (as when the database goes away for a moment).
        var feed = new TestFeed(room.DocumentId, progress =>
        {
            if (!progress.Finished && Interlocked.Increment(ref failed) == 1) throw new InvalidOperationException("The database went away.");
            return Task.CompletedTask;
        });
        using var worker = new AnchoringWorker(DbFactory, feed, NullLogger<AnchoringWorker>.Instance) { FirstRetryDelay = TimeSpan.FromMilliseconds(50) };

        // Started, it finds the unfinished revision itself, once.
        await worker.StartAsync(CancellationToken.None);
        await feed.Finished.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(1, failed);
        Assert.True(await RevisionDoneAsync(room.DocumentId, 2));
        Assert.Equal(Threads, (await AnchoredAsync(room.DocumentId, 2)).Count);
    }

    private IDbContextFactory<AnnotateDb> DbFactory => app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>();

    /// <summary>A classroom whose document has <see cref="Threads"/> threads on revision 1 and an unplaced revision 2 (stored directly, so only the test's worker places it).</summary>
    private async Task<(Classroom Room, List<Guid> Ids)> ClassroomWithThreadsAsync()
    {
        var room = await app.CreateClassroomAsync();
        var start = room.DocumentText.IndexOf(History, StringComparison.Ordinal);
        await using var db = await DbFactory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var threads = Enumerable.Range(0, Threads).Select(n => new Annotation
        {
            Id = Guid.CreateVersion7(now.AddMilliseconds(n)),
            DocumentId = room.DocumentId,
            AuthorId = room.StudentA.Id,
            Motivation = Motivations.Commenting,
            Body = $"Thread {n}.",
            Exact = History,
            Prefix = "",
            Suffix = "",
            Start = start,
            End = start + History.Length,
            DocumentRevision = 1,
            Created = now,
            Modified = now,
        }).ToList();
        db.Annotations.AddRange(threads);
        var revised = "Preface\n\n" + room.DocumentText;
        var document = await db.Documents.SingleAsync(d => d.Id == room.DocumentId);
        document.Text = revised;
        document.Revision = 2;
        db.DocumentRevisions.Add(new DocumentRevision { DocumentId = room.DocumentId, Number = 2, Title = document.Title, Text = revised, CreatedAt = now });
        await db.SaveChangesAsync();
        return (room, threads.Select(t => t.Id).ToList());
    }

    private async Task<Guid> UnanchoredThreadAsync(int documentId, int revision)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Annotations.Where(a => a.DocumentId == documentId && !db.AnnotationAnchors.Any(x => x.AnnotationId == a.Id && x.Revision == revision))
            .Select(a => a.Id).FirstAsync();
    }

    private async Task<List<Guid>> AnchoredAsync(int documentId, int revision)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.AnnotationAnchors.Where(x => x.Revision == revision && x.Annotation!.DocumentId == documentId).Select(x => x.AnnotationId).ToListAsync();
    }

    private async Task<bool> RevisionDoneAsync(int documentId, int revision)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.DocumentRevisions.Where(r => r.DocumentId == documentId && r.Number == revision).Select(r => r.AnchoringDone).SingleAsync();
    }

    /// <summary>
    /// A feed that only the worker publishes to: it records the progress on the test's document and lets the
    /// test act on each step (a started worker also finishes what other tests left unfinished).
    /// </summary>
    private sealed class TestFeed(int documentId, Func<AnchoringProgressEvent, Task> onProgress) : IAnnotationFeed
    {
        private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<AnchoringProgressEvent> Events { get; } = [];

        public Task Finished => finished.Task;

        public async Task PublishAsync(FeedEvent feedEvent)
        {
            if (feedEvent is not AnchoringProgressEvent progress || progress.DocumentId != documentId) return;
            Events.Add(progress);
            await onProgress(progress);
            if (progress.Finished) finished.TrySetResult();
        }

        public IDisposable Subscribe(int documentId, Func<FeedEvent, Task> handler) => throw new NotSupportedException();

        public IDisposable SubscribeAll(Func<FeedEvent, Task> handler, int? queueLimit = null) => throw new NotSupportedException();
    }
}
