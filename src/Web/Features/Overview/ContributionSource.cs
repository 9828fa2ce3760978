using System.Linq.Expressions;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// What a teacher may see of a document or of a whole seminar, only the parts the counts need: the database filters
/// (<see cref="VisibilityFilter"/>) and the rule has the last word, as for every read. A thread written on an older
/// revision shows the passage where it now is, read whole for it.
/// </summary>
internal sealed class ContributionSource(IDbContextFactory<AnnotateDb> dbFactory, AnnotationService annotations)
{
    /// <summary>
    /// One document's, for its overview: without the bodies and the upvotes, which it does not show (reading them would
    /// cost a long string and a subquery a row).
    /// </summary>
    public Task<List<Contribution>> ForDocumentAsync(ReaderAccess.DocumentAccess reader, CancellationToken cancellationToken) =>
        LoadAsync(reader.SeminarId, reader.Viewer, a => a.DocumentId == reader.DocumentId, withBodies: false, withUpvotes: false, cancellationToken);

    /// <summary>
    /// Every document of the seminar at once, for the dashboard: with the upvotes it counts, and with the bodies when
    /// asked (<paramref name="withBodies"/>: a student's timeline shows them). Only for a teacher: "post first" never
    /// hides anything from them.
    /// </summary>
    public Task<List<Contribution>> ForSeminarAsync(int seminarId, Viewer teacher, bool withBodies, CancellationToken cancellationToken)
    {
        if (!teacher.IsTeacher) throw new InvalidOperationException("The seminar's counts are read for a teacher only.");
        return LoadAsync(seminarId, teacher, a => a.Document!.SeminarId == seminarId, withBodies, withUpvotes: true, cancellationToken);
    }

    private async Task<List<Contribution>> LoadAsync(int seminarId, Viewer viewer, Expression<Func<Annotation, bool>> which,
        bool withBodies, bool withUpvotes, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await AnnotationViews.Rows(db, db.Annotations.Where(which))
            .Where(VisibilityFilter.For(viewer))
            // WordCount is null only on rows from before it was stored, and the start-up backfill fills those in
            // before the app serves anyone.
            .Select(r => new Contribution(r.Id, r.DocumentId, r.ParentId, r.ThreadId, r.AuthorId, r.AddresseeId, r.Motivation,
                r.WordCount ?? 0, r.Created, r.Modified, r.Exact, r.Exact != null && r.DocumentRevision != r.CurrentRevision,
                AnnotationViews.FactsOf(r.ThreadId, r.ThreadAuthorId, r.Visibility, r.ThreadVisibility, r.ThreadGroupId, r.AddresseeId))
                {
                    AnswerId = r.AnswerId,
                    // EF works out these two flags when it compiles the query: one left false leaves the body's column or the
                    // upvotes' subquery out of the SQL (each combination is a query of its own in EF's cache).
                    Body = withBodies ? r.Body : "",
                    // Counted like the annotation JSON's: reactions of the seminar's members (AnnotationViews.ReactionsAsync).
                    Upvotes = !withUpvotes ? 0 : db.Reactions.Count(x => x.AnnotationId == r.Id && x.Kind == ReactionKinds.Upvote
                        && db.Memberships.Any(m => m.SeminarId == seminarId && m.UserId == x.UserId)),
                })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var visible = rows.Where(c => VisibilityRule.CanSee(viewer, c.Access)).ToList();
        var moved = visible.Where(c => c.Moved).GroupBy(c => c.DocumentId).ToList();
        if (moved.Count == 0) return visible;

        var placed = new Dictionary<Guid, string?>();
        foreach (var onDocument in moved)
        {
            var ids = onDocument.Select(c => c.Id).ToList();
            var reader = new ReaderAccess.DocumentAccess(onDocument.Key, seminarId, viewer);
            // After a revision this may be every thread of the document: one parameter, not one per id (AnnotationViews).
            foreach (var view in await annotations.ListVisibleAsync(reader, a => EF.Parameter(ids).Contains(a.Id), cancellationToken))
                placed[view.Id] = view.Quote?.Exact;
        }
        return visible.Select(c => c.Moved && placed.TryGetValue(c.Id, out var quote) ? c with { Quote = quote } : c).ToList();
    }
}
