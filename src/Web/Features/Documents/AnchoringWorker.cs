using System.Threading.Channels;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Anchoring;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Documents;

/// <summary>
/// Places every thread of a document again after its text changed, and stores the result per revision.
/// Runs in the background, one document at a time, and reports progress on the feed; revisions left
/// unfinished by a restart are picked up at start.
/// </summary>
internal sealed class AnchoringWorker(IDbContextFactory<AnnotateDb> dbFactory, IAnnotationFeed feed, ILogger<AnchoringWorker> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private readonly Channel<int> queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

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
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Re-anchoring document {DocumentId} failed; it is tried again at the next start", documentId);
            }
        }
    }

    /// <summary>Every unfinished revision of the document, oldest first.</summary>
    internal async Task AnchorDocumentAsync(int documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.DocumentRevisions.Where(r => r.DocumentId == documentId && !r.AnchoringDone)
            .OrderBy(r => r.Number).Select(r => r.Number).ToListAsync(cancellationToken);
        foreach (var number in pending)
            await AnchorRevisionAsync(db, documentId, number, cancellationToken);
    }

    private async Task AnchorRevisionAsync(AnnotateDb db, int documentId, int number, CancellationToken cancellationToken)
    {
        var revision = await db.DocumentRevisions.FirstAsync(r => r.DocumentId == documentId && r.Number == number, cancellationToken);
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
                OriginalPosition = new TextPositionSelector(a.Start!.Value, a.End!.Value),
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
            foreach (var thread in batch)
            {
                // Where the thread was on the revision before, in that revision's own words.
                var (quote, position) = thread.DocumentRevision == number - 1
                    ? (thread.Original, thread.OriginalPosition)
                    : thread.Previous is { Exact: { } exact, Start: { } start, End: { } end } previous
                        ? (new TextQuoteSelector(exact, previous.Prefix ?? "", previous.Suffix ?? ""), new TextPositionSelector(start, end))
                        : (null, null);
                var placement = map is not null && quote is not null && position is not null
                    ? PassageTracker.FollowThroughDiff(map, revision.Text, thread.Original, quote, position)
                    : PassageTracker.Follow(revision.Text, thread.Original, thread.OriginalPosition);
                if (placement.State == AnchorState.Orphan) orphaned++;
                if (placement.State == AnchorState.Edited) edited++;
                placed.Add(new PlacedThread(thread.Id, placement.State));
                db.AnnotationAnchors.Add(new AnnotationAnchor
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
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
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
}
