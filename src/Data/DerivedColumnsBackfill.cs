using Microsoft.EntityFrameworkCore;

namespace Annotate.Data;

/// <summary>
/// Fills in the columns an annotation derives from its body and tags where a migration could not compute them in SQL:
/// annotations written before search existed have no <c>SearchText</c> (their Markdown reduced to words) and no
/// <c>SearchTags</c> (the migration indexed their raw bodies), and those written before word counts were stored have
/// no <c>WordCount</c>. After migrating, this works them out in batches; the search index's triggers then index the
/// words as they index every change. Nothing to do on a database made by this version or already backfilled.
/// </summary>
internal static class DerivedColumnsBackfill
{
    private const int BatchSize = 500;

    public static async Task RunAsync(AnnotateDb db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await db.Annotations.Where(a => a.SearchText == null || a.SearchTags == null || a.WordCount == null)
                .OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) return;
            foreach (var annotation in batch) annotation.RefreshDerivedColumns();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
