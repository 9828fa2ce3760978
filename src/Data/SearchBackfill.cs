using Microsoft.EntityFrameworkCore;

namespace Annotate.Data;

/// <summary>
/// Annotations written before search existed have no <c>SearchText</c> (their Markdown reduced to words) and no
/// <c>SearchTags</c>: SQL cannot reduce Markdown, so the migration indexed their raw bodies. After migrating, this
/// works them out in batches; the triggers then index the words as they index every change. Nothing to do on a
/// database made by this version or already backfilled.
/// </summary>
internal static class SearchBackfill
{
    private const int BatchSize = 500;

    public static async Task RunAsync(AnnotateDb db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await db.Annotations.Where(a => a.SearchText == null || a.SearchTags == null)
                .OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) return;
            foreach (var annotation in batch) annotation.RefreshSearchColumns();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
