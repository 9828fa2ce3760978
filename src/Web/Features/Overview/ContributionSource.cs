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
    /// One document's contributions counted in the database, for its overview (<see cref="CountAsync"/>).
    /// </summary>
    public Task<List<ContributionCount>> CountForDocumentAsync(ReaderAccess.DocumentAccess reader, CancellationToken cancellationToken) =>
        CountAsync(reader.SeminarId, reader.Viewer, a => a.DocumentId == reader.DocumentId, forDashboard: false, cancellationToken);

    /// <summary>
    /// Every document of the seminar counted in the database, for the dashboard, with the questions asked and
    /// answered and the upvotes it shows (<see cref="CountAsync"/>). Only for a teacher: "post first" never hides
    /// anything from them.
    /// </summary>
    public Task<List<ContributionCount>> CountForSeminarAsync(int seminarId, Viewer teacher, CancellationToken cancellationToken)
    {
        if (!teacher.IsTeacher) throw new InvalidOperationException("The seminar's counts are read for a teacher only.");
        return CountAsync(seminarId, teacher, a => a.Document!.SeminarId == seminarId, forDashboard: true, cancellationToken);
    }

    /// <summary>
    /// Contributions counted in the database: a row for each set of annotations that share an author, a kind and what
    /// the visibility rule checks, so the rule still decides each set (as it decides each row on every other read)
    /// while the 10,000 annotations of a busy document stay in the database; reading them was four fifths of the
    /// overview's time. <paramref name="forDashboard"/> adds what only the dashboard shows, a subquery a row each:
    /// replies that answered someone else's question, and upvotes by members of the seminar.
    /// </summary>
    private async Task<List<ContributionCount>> CountAsync(int seminarId, Viewer viewer, Expression<Func<Annotation, bool>> which,
        bool forDashboard, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows =
            from r in AnnotationViews.Rows(db, db.Annotations.Where(which)).Where(VisibilityFilter.For(viewer))
            join d in db.Documents on r.DocumentId equals d.Id
            select new
            {
                Row = r,
                d.DueAt,
                // The asker or a teacher marked this reply as the answer to a question, and the question is not its author's
                // own (answering one's own question is no answer to count). EF leaves both subqueries out when the flag is false.
                Answers = forDashboard && r.ParentId != null && db.Annotations.Any(t => t.Id == r.ThreadId && t.ParentId == null
                    && t.Motivation == Motivations.Questioning && t.AnswerId == r.Id && t.AuthorId != r.AuthorId),
                // Counted like the annotation JSON's: reactions of the seminar's members (AnnotationViews.ReactionsAsync).
                Upvotes = !forDashboard ? 0 : db.Reactions.Count(x => x.AnnotationId == r.Id && x.Kind == ReactionKinds.Upvote
                    && db.Memberships.Any(m => m.SeminarId == seminarId && m.UserId == x.UserId)),
            };
        var sets = await rows
            .GroupBy(x => new
            {
                x.Row.AuthorId,
                IsReply = x.Row.ParentId != null,
                Assesses = x.Row.Motivation == Motivations.Assessing,
                InThread = x.Row.ThreadId != null,
                x.Row.ThreadAuthorId,
                x.Row.Visibility,
                x.Row.ThreadVisibility,
                x.Row.ThreadGroupId,
                x.Row.AddresseeId,
            })
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                // WordCount is null only on rows from before it was stored, and the start-up backfill
                // (DerivedColumnsBackfill) fills those in before the app serves anyone.
                Words = g.Sum(x => x.Row.WordCount ?? 0),
                Questions = g.Count(x => x.Row.ParentId == null && x.Row.Motivation == Motivations.Questioning),
                Answers = g.Count(x => x.Answers),
                Upvotes = g.Sum(x => x.Upvotes),
                // Times are stored as UTC numbers (AnnotateDb), the due date too.
                Late = g.Count(x => x.DueAt != null && x.Row.Created > x.DueAt),
                First = g.Min(x => x.Row.Created),
                Last = g.Max(x => x.Row.Modified),
            })
            .ToListAsync(cancellationToken);
        return sets
            .Select(s => new ContributionCount(s.Key.AuthorId, s.Key.IsReply, s.Key.Assesses ? s.Key.AddresseeId : null,
                s.Count, s.Words, s.Questions, s.Answers, s.Upvotes, s.Late, s.First, s.Last,
                AnnotationViews.FactsOf(s.Key.InThread, s.Key.ThreadAuthorId, s.Key.Visibility, s.Key.ThreadVisibility, s.Key.ThreadGroupId, s.Key.AddresseeId)))
            .Where(s => VisibilityRule.CanSee(viewer, s.Access))
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
    /// timeline on the dashboard. Only for a teacher, as <see cref="CountForSeminarAsync"/>.
    /// </summary>
    public Task<(List<Contribution> Own, Dictionary<Guid, Contribution> Roots)> ByAuthorInSeminarAsync(int seminarId, Viewer teacher,
        string authorId, CancellationToken cancellationToken)
    {
        if (!teacher.IsTeacher) throw new InvalidOperationException("A student's timeline is read for a teacher only.");
        return ByAuthorAsync(seminarId, teacher, a => a.Document!.SeminarId == seminarId && a.AuthorId == authorId, withBodies: true, cancellationToken);
    }

    /// <summary>The author's own (<paramref name="own"/>) and the roots of the threads they replied in that the viewer may see.</summary>
    private async Task<(List<Contribution> Own, Dictionary<Guid, Contribution> Roots)> ByAuthorAsync(int seminarId, Viewer viewer,
        Expression<Func<Annotation, bool>> own, bool withBodies, CancellationToken cancellationToken)
    {
        var theirs = await LoadAsync(seminarId, viewer, own, withBodies, cancellationToken);
        var missing = theirs.Where(c => c.IsReply).Select(c => c.ThreadRootId).Except(theirs.Select(c => c.Id)).Distinct().ToList();
        var others = missing.Count == 0 ? [] : await LoadAsync(seminarId, viewer,
            a => EF.Parameter(missing).Contains(a.Id), withBodies: false, cancellationToken);
        var roots = theirs.Concat(others).Where(c => !c.IsReply).ToDictionary(c => c.Id);
        return (theirs, roots);
    }

    private async Task<List<Contribution>> LoadAsync(int seminarId, Viewer viewer, Expression<Func<Annotation, bool>> which,
        bool withBodies, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await AnnotationViews.Rows(db, db.Annotations.Where(which))
            .Where(VisibilityFilter.For(viewer))
            .Select(r => new Contribution(r.Id, r.DocumentId, r.ParentId, r.ThreadId, r.Motivation,
                r.Created, r.Exact, r.Exact != null && r.DocumentRevision != r.CurrentRevision,
                AnnotationViews.FactsOf(r.ThreadId, r.ThreadAuthorId, r.Visibility, r.ThreadVisibility, r.ThreadGroupId, r.AddresseeId))
                {
                    // EF works out the flag when it compiles the query: left false, it leaves the body's column out of the SQL.
                    Body = withBodies ? r.Body : "",
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
