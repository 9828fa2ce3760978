using System.Linq.Expressions;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.W3c;
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
    /// One document's contributions counted in the database, for its overview: a row for each set of annotations that
    /// share an author, a kind and what the visibility rule checks, so the rule still decides each set while the
    /// 10,000 annotations of a busy document stay in the database (reading them was 4/5 of the overview's time).
    /// </summary>
    /// <param name="dueAt">The document's due date: what was written after it counts as late.</param>
    public async Task<List<ContributionCount>> CountForDocumentAsync(ReaderAccess.DocumentAccess reader, DateTimeOffset? dueAt,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Times are stored as UTC numbers (AnnotateDb): the due date is compared as one too.
        var lateAfter = dueAt?.ToUniversalTime();
        var sets = await AnnotationViews.Rows(db, db.Annotations.Where(a => a.DocumentId == reader.DocumentId))
            .Where(VisibilityFilter.For(reader.Viewer))
            .GroupBy(r => new
            {
                r.AuthorId,
                IsReply = r.ParentId != null,
                Assesses = r.Motivation == Motivations.Assessing,
                InThread = r.ThreadId != null,
                r.ThreadAuthorId,
                r.Visibility,
                r.ThreadVisibility,
                r.ThreadGroupId,
                r.AddresseeId,
            })
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                // As in LoadAsync: a missing word count is filled in at start-up (DerivedColumnsBackfill).
                Words = g.Sum(r => r.WordCount ?? 0),
                Late = g.Count(r => lateAfter != null && r.Created > lateAfter),
                First = g.Min(r => r.Created),
                Last = g.Max(r => r.Modified),
            })
            .ToListAsync(cancellationToken);
        return sets
            .Select(s => new ContributionCount(s.Key.AuthorId, s.Key.IsReply, s.Key.Assesses ? s.Key.AddresseeId : null,
                s.Count, s.Words, s.Late, s.First, s.Last,
                AnnotationViews.FactsOf(s.Key.InThread, s.Key.ThreadAuthorId, s.Key.Visibility, s.Key.ThreadVisibility, s.Key.ThreadGroupId, s.Key.AddresseeId)))
            .Where(s => VisibilityRule.CanSee(reader.Viewer, s.Access))
            .ToList();
    }

    /// <summary>
    /// What one author wrote on a document that the reader may see, with the thread roots they replied in (for their
    /// passages), for the overview's list of a student's posts.
    /// </summary>
    public Task<(List<Contribution> Own, Dictionary<Guid, Contribution> Roots)> ByAuthorOnDocumentAsync(ReaderAccess.DocumentAccess reader,
        string authorId, CancellationToken cancellationToken) =>
        ByAuthorAsync(reader.SeminarId, reader.Viewer, a => a.DocumentId == reader.DocumentId && a.AuthorId == authorId, withBodies: false, cancellationToken);

    /// <summary>
    /// What one student wrote across the seminar, with their bodies, and the thread roots they replied in: a student's
    /// timeline on the dashboard. Only for a teacher, as <see cref="ForSeminarAsync"/>.
    /// </summary>
    public Task<(List<Contribution> Own, Dictionary<Guid, Contribution> Roots)> ByAuthorInSeminarAsync(int seminarId, Viewer teacher,
        string authorId, CancellationToken cancellationToken)
    {
        if (!teacher.IsTeacher) throw new InvalidOperationException("A student's timeline is read for a teacher only.");
        return ByAuthorAsync(seminarId, teacher, a => a.Document!.SeminarId == seminarId && a.AuthorId == authorId, withBodies: true, cancellationToken);
    }

    /// <summary>
    /// Every document of the seminar at once, for the dashboard's counts: with the upvotes it counts and without the
    /// bodies. Only for a teacher: "post first" never hides anything from them.
    /// </summary>
    public Task<List<Contribution>> ForSeminarAsync(int seminarId, Viewer teacher, CancellationToken cancellationToken)
    {
        if (!teacher.IsTeacher) throw new InvalidOperationException("The seminar's counts are read for a teacher only.");
        return LoadAsync(seminarId, teacher, a => a.Document!.SeminarId == seminarId, withBodies: false, withUpvotes: true, cancellationToken);
    }

    /// <summary>The author's own (<paramref name="own"/>) and the roots of the threads they replied in that the viewer may see.</summary>
    private async Task<(List<Contribution> Own, Dictionary<Guid, Contribution> Roots)> ByAuthorAsync(int seminarId, Viewer viewer,
        Expression<Func<Annotation, bool>> own, bool withBodies, CancellationToken cancellationToken)
    {
        var theirs = await LoadAsync(seminarId, viewer, own, withBodies, withUpvotes: false, cancellationToken);
        var missing = theirs.Where(c => c.IsReply).Select(c => c.ThreadRootId).Except(theirs.Select(c => c.Id)).Distinct().ToList();
        var others = missing.Count == 0 ? [] : await LoadAsync(seminarId, viewer,
            a => EF.Parameter(missing).Contains(a.Id), withBodies: false, withUpvotes: false, cancellationToken);
        var roots = theirs.Concat(others).Where(c => !c.IsReply).ToDictionary(c => c.Id);
        return (theirs, roots);
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
