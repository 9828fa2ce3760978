using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Anchoring;
using Annotate.Web.Operations.Telemetry;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Documents;

/// <summary>
/// Places every thread of a document again after its text changed, and stores the result per revision.
/// Runs in the background, one document at a time, and reports progress on the feed; revisions left
/// unfinished by a restart are picked up at start. Every revision reaches done: a thread deleted
/// meanwhile is left out, a thread that cannot be placed is an orphan, and a document whose
/// re-anchoring fails is tried again later, waiting longer after each failure.
/// </summary>
internal sealed class AnchoringWorker(IDbContextFactory<AnnotateDb> dbFactory, IAnnotationFeed feed, ILogger<AnchoringWorker> logger,
    AnnotateMetrics? metrics = null) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(5);
    private readonly Channel<int> queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, int> failures = new();

    /// <summary>How long after a first failure a document is tried again; each further failure doubles it, up to five minutes.</summary>
    internal TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public void Enqueue(int documentId) => queue.Writer.TryWrite(documentId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            foreach (var documentId in await db.DocumentRevisions.Where(r => !r.AnchoringDone).Select(r => r.DocumentId).Distinct().ToListAsync(stoppingToken))
                Enqueue(documentId);
        }

        await foreach (var documentId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await AnchorDocumentAsync(documentId, stoppingToken);
                failures.TryRemove(documentId, out _);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var attempt = failures.AddOrUpdate(documentId, 1, (_, count) => count + 1);
                var delay = TimeSpan.FromTicks(Math.Min(LongestRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempt - 1, 20)));
                logger.LogError(exception, "Re-anchoring document {DocumentId} failed (attempt {Attempt}); trying again in {Delay}", documentId, attempt, delay);
                _ = RetryLaterAsync(documentId, delay, stoppingToken);
            }
        }
    }

    /// <summary>Puts the document back in line after a while; the others go on meanwhile.</summary>
    private async Task RetryLaterAsync(int documentId, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            Enqueue(documentId);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next start picks up every unfinished revision.
        }
    }

    /// <summary>Every unfinished revision of the document, oldest first.</summary>
    internal async Task AnchorDocumentAsync(int documentId, CancellationToken cancellationToken = default)
    {
        using var span = AnnotateMetrics.Activities.StartActivity("anchor document");
        span?.SetTag("annotate.document.id", documentId);
        var started = Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.DocumentRevisions.Where(r => r.DocumentId == documentId && !r.AnchoringDone)
            .OrderBy(r => r.Number).Select(r => r.Number).ToListAsync(cancellationToken);
        foreach (var number in pending)
            await AnchorRevisionAsync(db, documentId, number, cancellationToken);
        metrics?.Anchored(Stopwatch.GetElapsedTime(started));
    }

    private async Task AnchorRevisionAsync(AnnotateDb db, int documentId, int number, CancellationToken cancellationToken)
    {
        // Gone with its document meanwhile: nothing to place.
        if (await db.DocumentRevisions.FirstOrDefaultAsync(r => r.DocumentId == documentId && r.Number == number, cancellationToken) is not { } revision)
            return;
        var previousText = await db.DocumentRevisions.Where(r => r.DocumentId == documentId && r.Number == number - 1)
            .Select(r => r.Text).FirstOrDefaultAsync(cancellationToken);
        // Threads written on an older text, not placed on this revision yet (a restart may have stored some),
        // with where they were on the revision before: the diff carries those across unchanged text.
        var threads = await db.Annotations
            .Where(a => a.DocumentId == documentId && a.ParentId == null && a.Exact != null && a.DocumentRevision < number
                && !db.AnnotationAnchors.Any(x => x.AnnotationId == a.Id && x.Revision == number))
            .Select(a => new
            {
                a.Id,
                a.DocumentRevision,
                Original = new TextQuoteSelector(a.Exact!, a.Prefix ?? "", a.Suffix ?? ""),
                // None for a thread imported from another text whose quote was not in this one (an orphan from the start).
                OriginalPosition = a.Start == null || a.End == null ? null : new TextPositionSelector(a.Start.Value, a.End.Value),
                Previous = db.AnnotationAnchors.Where(x => x.AnnotationId == a.Id && x.Revision == number - 1)
                    .Select(x => new { x.Exact, x.Prefix, x.Suffix, x.Start, x.End }).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // One diff per revision, shared by every thread.
        var map = previousText is null ? null : RevisionMap.Build(previousText, revision.Text);
        int done = 0, orphaned = 0, edited = 0;
        List<PlacedThread> placed = [];
        foreach (var batch in threads.Chunk(BatchSize))
        {
            placed = new List<PlacedThread>(batch.Length);
            var anchors = new List<AnnotationAnchor>(batch.Length);
            foreach (var thread in batch)
            {
                // Where the thread was on the revision before, in that revision's own words.
                var (quote, position) = thread.DocumentRevision == number - 1
                    ? (thread.Original, thread.OriginalPosition)
                    : thread.Previous is { Exact: { } exact, Start: { } start, End: { } end } previous
                        ? (new TextQuoteSelector(exact, previous.Prefix ?? "", previous.Suffix ?? ""), new TextPositionSelector(start, end))
                        : (null, null);
                var placement = Place(documentId, thread.Id, () => map is not null && quote is not null && position is not null
                    ? PassageTracker.FollowThroughDiff(map, revision.Text, thread.Original, quote, position)
                    : PassageTracker.Follow(revision.Text, thread.Original, thread.OriginalPosition));
                if (placement.State == AnchorState.Orphan) orphaned++;
                if (placement.State == AnchorState.Edited) edited++;
                placed.Add(new PlacedThread(thread.Id, placement.State));
                anchors.Add(new AnnotationAnchor
                {
                    AnnotationId = thread.Id,
                    Revision = number,
                    State = placement.State,
                    Exact = placement.Quote?.Exact,
                    Prefix = placement.Quote?.Prefix,
                    Suffix = placement.Quote?.Suffix,
                    Start = placement.Position?.Start,
                    End = placement.Position?.End,
                });
            }
            await SaveAsync(db, anchors, cancellationToken);
            done += batch.Length;
            // The last batch goes with the event that says it is finished, once that is stored.
            if (done < threads.Count)
                await feed.PublishAsync(new AnchoringProgressEvent(documentId, number, placed, Finished: false));
        }

        await db.DocumentRevisions.Where(r => r.Id == revision.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.AnchoringDone, true), cancellationToken);
        // Announced only once it is stored, so whoever reacts to it reads a finished revision.
        await feed.PublishAsync(new AnchoringProgressEvent(documentId, number, placed, Finished: true));
        logger.LogInformation("Placed {Count} threads of document {DocumentId} on revision {Revision}: {Orphaned} orphaned, {Edited} edited",
            threads.Count, documentId, number, orphaned, edited);
    }

    /// <summary>A thread whose placement fails is an orphan (never shown on words it may not be about), not a failed revision.</summary>
    private PassageTracker.Placement Place(int documentId, Guid threadId, Func<PassageTracker.Placement> follow)
    {
        try
        {
            return follow();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not place thread {ThreadId} of document {DocumentId}; it is listed as orphaned", threadId, documentId);
            return new PassageTracker.Placement(AnchorState.Orphan, null, null);
        }
    }

    /// <summary>
    /// Stores a batch of anchors. A thread deleted since it was read has nothing left to anchor, and its
    /// anchor fails the save on its foreign key: the threads still there are saved without it.
    /// </summary>
    private static async Task SaveAsync(AnnotateDb db, List<AnnotationAnchor> anchors, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.AnnotationAnchors.AddRange(anchors);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                var ids = anchors.Select(a => a.AnnotationId).ToList();
                var remaining = (await db.Annotations.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
                anchors = anchors.Where(a => remaining.Contains(a.AnnotationId)).ToList();
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
