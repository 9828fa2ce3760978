using System.Threading.Channels;
using Annotate.Data;
using Annotate.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// New annotations reach the database through one writer (group commit). SQLite lets one connection write
/// at a time: twenty requests that each commit on their own queue for its lock (Microsoft.Data.Sqlite
/// retries a busy database every 150 ms) and wait for one sync to disk each. Here one task takes whatever
/// is waiting, up to <see cref="MaxBatch"/>, commits it in one transaction and only then answers each
/// caller, so a 201 still means the annotation is on disk. Callers check everything they can before they
/// queue; if the database still refuses one (its thread or document was deleted meanwhile), the batch is
/// written again one by one, and only that caller fails.
/// </summary>
internal sealed class AnnotationWriter : IAsyncDisposable
{
    /// <summary>At most this many inserts share a transaction.</summary>
    internal const int MaxBatch = 128;

    /// <summary>Inserts waiting for the writer; beyond this, callers wait to queue (the database is the bottleneck then).</summary>
    private const int QueueLimit = 1024;

    private readonly IDbContextFactory<AnnotateDb> dbFactory;
    private readonly ILogger<AnnotationWriter> logger;
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(QueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task writing;

    public AnnotationWriter(IDbContextFactory<AnnotateDb> dbFactory, ILogger<AnnotationWriter> logger)
    {
        this.dbFactory = dbFactory;
        this.logger = logger;
        writing = Task.Run(WriteAsync);
    }

    /// <summary>
    /// Stores the annotation; returns once it is committed, with its document's revision at that moment
    /// (a revision saved since the caller read the text means the passage must be placed on it).
    /// </summary>
    /// <param name="request">Written in the same transaction: who should hear of the annotation (the notification outbox).</param>
    public async Task<int> InsertAsync(Annotation annotation, NotificationRequest? request = null)
    {
        var pending = new Pending(annotation, request);
        await queue.Writer.WriteAsync(pending);
        return await pending.Committed.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            var revisions = await SaveAsync(batch);
            foreach (var pending in batch) pending.Committed.TrySetResult(revisions[pending.Annotation.DocumentId]);
            return;
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            logger.LogInformation(exception, "A group of {Count} new annotations was refused; storing them one by one.", batch.Count);
        }
        catch (Exception exception)
        {
            batch[0].Committed.TrySetException(exception);
            return;
        }
        foreach (var pending in batch)
        {
            try
            {
                var revisions = await SaveAsync([pending]);
                pending.Committed.TrySetResult(revisions[pending.Annotation.DocumentId]);
            }
            catch (Exception exception)
            {
                pending.Committed.TrySetException(exception);
            }
        }
    }

    /// <summary>One transaction: the inserts, and the revisions of their documents as they stand when it commits.</summary>
    private async Task<Dictionary<int, int>> SaveAsync(List<Pending> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        // One prepared INSERT for the group, run once per annotation: on SQLite, preparing an insert compiles the
        // triggers that keep the search index (three times the work of running them), which SaveChanges would do
        // for every row.
        await AnnotationBulkInsert.InsertAsync(db, batch.ConvertAll(p => p.Annotation), CancellationToken.None);
        if (batch.Where(p => p.Request is not null).Select(p => p.Request!).ToList() is { Count: > 0 } requests)
        {
            db.NotificationOutbox.AddRange(requests);
            await db.SaveChangesAsync();
        }
        var revisions = new Dictionary<int, int>();
        foreach (var documentId in batch.Select(p => p.Annotation.DocumentId).Distinct())
            revisions[documentId] = await RevisionOf(db, documentId);
        await transaction.CommitAsync();
        return revisions;
    }

    private static readonly Func<AnnotateDb, int, Task<int>> RevisionOf = EF.CompileAsyncQuery(
        (AnnotateDb db, int documentId) => db.Documents.Where(d => d.Id == documentId).Select(d => d.Revision).First());

    /// <summary>At shutdown (after the server has stopped taking requests): what is queued is still written.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writing;
    }

    private sealed record Pending(Annotation Annotation, NotificationRequest? Request)
    {
        // Callers go on (serialising JSON, publishing) on their own threads, not on the writer's.
        public TaskCompletionSource<int> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
