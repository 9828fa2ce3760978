using System.Linq.Expressions;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Reads annotations as readers see them (<see cref="AnnotationView"/>), in one query: each row joined
/// with its thread, the thread author's and its own author's membership of the seminar, and the names
/// shown. With a viewer, <see cref="VisibilityFilter"/> runs in
/// the same query, so hidden annotations never leave the database.
/// </summary>
internal static class AnnotationViews
{
    /// <summary>
    /// The annotations of <paramref name="query"/> with what the rule and the views need. For replies those are
    /// the thread's author and group, and the narrower of the reply's own visibility (its thread's when it was
    /// written) and the thread's now: narrowing a thread narrows its replies, and widening it never shows a
    /// reply to more than it was written for. Groups and roles are those of the document's seminar.
    /// </summary>
    public static IQueryable<AnnotationRow> Rows(AnnotateDb db, IQueryable<Annotation> query) =>
        query.Provider.CreateQuery<AnnotationRow>(Expand(RowsOf, Expression.Constant(db), query.Expression));

    /// <summary>The annotations of <paramref name="query"/> as readers see them; with <paramref name="viewer"/>, only what they may see, as they are shown it.</summary>
    public static async Task<List<AnnotationView>> LoadAsync(AnnotateDb db, IQueryable<Annotation> query,
        Viewer? viewer = null, CancellationToken cancellationToken = default)
    {
        var rows = Rows(db, query);
        if (viewer is null) return await ToViewsAsync(db, await rows.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
        var views = await ToViewsAsync(db, await rows.Where(VisibilityFilter.For(viewer)).AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
        return views.ConvertAll(v => v.For(viewer));
    }

    /// <summary>One annotation as readers see it (a reply's parent, what an edit or a mark changed): a compiled query.</summary>
    public static async Task<AnnotationView?> LoadOneAsync(AnnotateDb db, Guid id, CancellationToken cancellationToken = default) =>
        await ById(db, id, cancellationToken) is { } row ? (await ToViewsAsync(db, [row], cancellationToken))[0] : null;

    /// <summary>
    /// <see cref="Rows"/> as an expression with two holes, the context and the annotations to read, so the same
    /// query serves both a composed query (<see cref="Rows"/>) and a compiled one (<see cref="ById"/>).
    /// </summary>
    private static readonly Expression<Func<AnnotateDb, IQueryable<Annotation>, IQueryable<AnnotationRow>>> RowsOf = (db, query) =>
        from a in query
        join d in db.Documents on a.DocumentId equals d.Id
        join thread in db.Annotations on a.ThreadId equals thread.Id into threads
        from t in threads.DefaultIfEmpty()
        join author in db.Users on a.AuthorId equals author.Id into authors
        from au in authors.DefaultIfEmpty()
        join addressee in db.Users on a.AddresseeId equals addressee.Id into addressees
        from ad in addressees.DefaultIfEmpty()
        join authorMember in db.Memberships on new { d.SeminarId, UserId = a.AuthorId } equals new { authorMember.SeminarId, UserId = (string?)authorMember.UserId } into authorMembers
        from am in authorMembers.DefaultIfEmpty()
        join threadMember in db.Memberships on new { d.SeminarId, UserId = t.AuthorId } equals new { threadMember.SeminarId, UserId = (string?)threadMember.UserId } into threadMembers
        from tm in threadMembers.DefaultIfEmpty()
        join answer in db.Annotations on a.AnswerId equals (Guid?)answer.Id into answers
        from an in answers.DefaultIfEmpty()
        select new AnnotationRow
        {
            Id = a.Id,
            DocumentId = a.DocumentId,
            ParentId = a.ParentId,
            ThreadId = a.ThreadId,
            AuthorId = a.AuthorId,
            AuthorName = a.AuthorId == null ? AnnotationService.DeletedAccountName : au.DisplayName,
            AuthorRole = (SeminarRole?)am.Role,
            AddresseeId = a.AddresseeId,
            AddresseeName = a.AddresseeId == null ? null : ad.DisplayName,
            Motivation = a.Motivation,
            Visibility = a.Visibility,
            Body = a.Body,
            WordCount = a.WordCount,
            Tags = a.Tags,
            Exact = a.Exact,
            Prefix = a.Prefix,
            Suffix = a.Suffix,
            Start = a.Start,
            End = a.End,
            DocumentRevision = a.DocumentRevision,
            Created = a.Created,
            Modified = a.Modified,
            Version = a.Version,
            ResolvedAt = a.ResolvedAt,
            Exemplary = a.Exemplary,
            AnsweredAt = a.AnsweredAt,
            // Null when the reply named is gone (deleted since).
            AnswerId = (Guid?)an.Id,
            AnswerVisibility = (Visibility?)an.Visibility,
            AnswerAddresseeId = an.AddresseeId,
            AttributedTo = a.AttributedTo,
            ThreadAuthorId = a.ThreadId == null ? a.AuthorId : t.AuthorId,
            ThreadVisibility = a.ThreadId == null ? a.Visibility : (Visibility?)t.Visibility,
            ThreadGroupId = a.ThreadId == null
                ? (a.AuthorId == null ? a.FormerAuthorGroupId : am.GroupId)
                : (t.AuthorId == null ? t.FormerAuthorGroupId : tm.GroupId),
            CurrentRevision = d.Revision,
        };

    private static readonly Func<AnnotateDb, Guid, CancellationToken, Task<AnnotationRow?>> ById = EF.CompileAsyncQuery(RowById());

    private static Expression<Func<AnnotateDb, Guid, CancellationToken, AnnotationRow?>> RowById()
    {
        Expression<Func<AnnotateDb, Guid, IQueryable<Annotation>>> byId = (db, id) => db.Annotations.Where(a => a.Id == id);
        var rows = Expand(RowsOf, byId.Parameters[0], byId.Body);
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(AnnotationRow)], rows);
        return Expression.Lambda<Func<AnnotateDb, Guid, CancellationToken, AnnotationRow?>>(
            first, byId.Parameters[0], byId.Parameters[1], Expression.Parameter(typeof(CancellationToken), "cancellationToken"));
    }

    /// <summary>The body of <paramref name="template"/> with its parameters replaced by the expressions given.</summary>
    private static Expression Expand(LambdaExpression template, params Expression[] arguments) =>
        new Substitution(template.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(template.Body);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
    }

    /// <summary>
    /// Threads written on an older revision are placed on the current one (see <see cref="Place"/>): their
    /// anchors on it are read for them alone, since most threads are on the current revision. A thread root with
    /// a quote and no position on its own revision is an imported orphan.
    /// </summary>
    public static async Task<List<AnnotationView>> ToViewsAsync(AnnotateDb db, List<AnnotationRow> rows, CancellationToken cancellationToken)
    {
        var older = rows.Where(r => r.Exact is not null && r.DocumentRevision != r.CurrentRevision).Select(r => r.Id).ToList();
        var anchors = older.Count == 0 ? [] : await db.AnnotationAnchors.AsNoTracking()
            .Where(x => EF.Parameter(older).Contains(x.AnnotationId)).ToListAsync(cancellationToken);
        var anchorOn = anchors.ToDictionary(x => (x.AnnotationId, x.Revision));
        // Only threads whose anchoring on the current text has not been stored yet need the text.
        var texts = new Dictionary<int, string>();
        async Task<string> CurrentTextAsync(int documentId) => texts.TryGetValue(documentId, out var text) ? text
            : texts[documentId] = await db.Documents.Where(d => d.Id == documentId).Select(d => d.Text).FirstAsync(cancellationToken);

        var reactions = await ReactionsAsync(db, rows, cancellationToken);
        var views = new List<AnnotationView>(rows.Count);
        foreach (var r in rows)
        {
            var view = ToView(r);
            if (reactions[r.Id].ToList() is { Count: > 0 } theirs) view = view with { Reactions = theirs };
            if (view.Quote is not null && r.DocumentRevision != r.CurrentRevision)
                view = anchorOn.TryGetValue((r.Id, r.CurrentRevision), out var anchor) ? Place(view, PlacementOf(anchor))
                    : Place(view, PassageTracker.Follow(await CurrentTextAsync(r.DocumentId), view.Quote, view.Position));
            else if (view.Quote is not null && view.Position is null)
                // A quote without a position: imported from another text and not found in this one (ImportPlanner).
                view = view with { Orphan = true };
            views.Add(view);
        }
        return views;
    }

    /// <summary>The reactions to the rows' annotations by members of each one's seminar, oldest first.</summary>
    private static async Task<ILookup<Guid, Reactor>> ReactionsAsync(AnnotateDb db, List<AnnotationRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return Enumerable.Empty<Reactor>().ToLookup(_ => Guid.Empty);
        var ids = rows.Select(r => r.Id).ToList();
        // The ids as one parameter (json_each on SQLite, an array on PostgreSQL), as for the anchors above: EF's default of
        // one parameter per id made a document's 10,000 ids a statement of 10,000 parameters, 380 ms to build and bind.
        var found = await (from r in db.Reactions
                           where EF.Parameter(ids).Contains(r.AnnotationId)
                           join a in db.Annotations on r.AnnotationId equals a.Id
                           join d in db.Documents on a.DocumentId equals d.Id
                           join m in db.Memberships on new { d.SeminarId, r.UserId } equals new { m.SeminarId, m.UserId }
                           orderby r.Created
                           select new { r.AnnotationId, r.Kind, r.UserId, m.User!.DisplayName })
            .AsNoTracking().ToListAsync(cancellationToken);
        return found.ToLookup(r => r.AnnotationId, r => new Reactor(r.Kind, r.UserId, r.DisplayName));
    }

    internal static AnnotationView ToView(AnnotationRow r)
    {
        var facts = FactsOf(r.ThreadId, r.ThreadAuthorId, r.Visibility, r.ThreadVisibility, r.ThreadGroupId, r.AddresseeId);
        return new AnnotationView(
            r.Id, r.DocumentId, r.ParentId, r.ThreadId, r.AuthorId, r.AuthorName, r.Motivation, facts.Visibility,
            r.Body, TagsOf(r.Tags),
            r.Exact is null ? null : new TextQuoteSelector(r.Exact, r.Prefix ?? "", r.Suffix ?? ""),
            r.Start is { } start && r.End is { } end ? new TextPositionSelector(start, end) : null,
            r.DocumentRevision, r.Created, r.Modified, r.Version, facts)
        {
            ResolvedAt = r.ResolvedAt,
            Exemplary = r.Exemplary,
            AnsweredAt = r.AnsweredAt,
            // The answer is a reply in this thread: as visible as the narrower of its own visibility and the question's.
            Answer = r.AnswerId is { } answer
                ? new AnswerMark(answer, FactsOf(r.Id, r.ThreadAuthorId, r.AnswerVisibility ?? Visibility.Private, r.Visibility, r.ThreadGroupId, r.AnswerAddresseeId))
                : null,
            AttributedTo = r.AttributedTo,
            AddresseeName = r.AddresseeName,
            AuthorRole = r.AuthorRole,
        };
    }

    /// <summary>
    /// What the visibility rule needs, from a row's columns: a reply is as visible as the narrower of its own
    /// visibility and its thread's. (A thread missing under its reply, which deleting a thread rules out, would hide it.)
    /// </summary>
    internal static VisibilityFacts FactsOf(Guid? threadId, string? threadAuthorId, Visibility visibility, Visibility? threadVisibility,
        int? threadGroupId, string? addresseeId) =>
        FactsOf(threadId is not null, threadAuthorId, visibility, threadVisibility, threadGroupId, addresseeId);

    /// <inheritdoc cref="FactsOf(Guid?, string?, Visibility, Visibility?, int?, string?)"/>
    /// <param name="inThread">Whether the row has a thread above it (a reply): the overview's counts group rows by that alone.</param>
    internal static VisibilityFacts FactsOf(bool inThread, string? threadAuthorId, Visibility visibility, Visibility? threadVisibility,
        int? threadGroupId, string? addresseeId) =>
        new(threadAuthorId,
            inThread ? VisibilityScope.Narrower(visibility, threadVisibility ?? Visibility.Private) : visibility,
            threadGroupId, addresseeId);

    /// <summary>Tags are stored as one column, separated by "\n".</summary>
    internal static IReadOnlyList<string> TagsOf(string tags) => tags.Length == 0 ? [] : tags.Split('\n');

    /// <summary>A thread written on an older revision, as its stored anchor on the current one says.</summary>
    private static PassageTracker.Placement PlacementOf(AnnotationAnchor anchor) =>
        anchor.State == AnchorState.Orphan || anchor.Exact is null || anchor.Start is null || anchor.End is null
            ? new PassageTracker.Placement(AnchorState.Orphan, null, null)
            : new PassageTracker.Placement(anchor.State,
                new TextQuoteSelector(anchor.Exact, anchor.Prefix ?? "", anchor.Suffix ?? ""),
                new TextPositionSelector(anchor.Start.Value, anchor.End.Value));

    /// <summary>
    /// A thread written on an older revision, shown where it is on the current one: from its stored
    /// anchor, or worked out now (not stored) while re-anchoring has not reached it yet.
    /// </summary>
    private static AnnotationView Place(AnnotationView view, PassageTracker.Placement placement) =>
        placement.State == AnchorState.Orphan
            ? view with { Orphan = true }
            : view with
            {
                Quote = placement.Quote,
                Position = placement.Position,
                OriginalExact = placement.Quote!.Exact == view.Quote!.Exact ? null : view.Quote.Exact,
            };
}
