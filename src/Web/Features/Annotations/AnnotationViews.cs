using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Reads annotations as readers see them (<see cref="AnnotationView"/>), in one query: each row joined
/// with its thread, the thread author's and its own author's membership of the seminar, the names shown,
/// and its stored anchor on the current revision. With a viewer, <see cref="VisibilityFilter"/> runs in
/// the same query, so hidden annotations never leave the database.
/// </summary>
internal static class AnnotationViews
{
    /// <summary>
    /// The annotations of <paramref name="query"/> (of documents of seminar <paramref name="seminarId"/>) with
    /// what the rule and the views need. For replies those are the thread's author and group, and the narrower
    /// of the reply's own visibility (its thread's when it was written) and the thread's now: narrowing a
    /// thread narrows its replies, and widening it never shows a reply to more than it was written for.
    /// </summary>
    public static IQueryable<AnnotationRow> Rows(AnnotateDb db, int seminarId, IQueryable<Annotation> query) =>
        from a in query
        join d in db.Documents on a.DocumentId equals d.Id
        join thread in db.Annotations on a.ThreadId equals thread.Id into threads
        from t in threads.DefaultIfEmpty()
        join author in db.Users on a.AuthorId equals author.Id into authors
        from au in authors.DefaultIfEmpty()
        join addressee in db.Users on a.AddresseeId equals addressee.Id into addressees
        from ad in addressees.DefaultIfEmpty()
        join authorMember in db.Memberships.Where(m => m.SeminarId == seminarId) on a.AuthorId equals authorMember.UserId into authorMembers
        from am in authorMembers.DefaultIfEmpty()
        join threadMember in db.Memberships.Where(m => m.SeminarId == seminarId) on t.AuthorId equals threadMember.UserId into threadMembers
        from tm in threadMembers.DefaultIfEmpty()
        join anchor in db.AnnotationAnchors on new { AnnotationId = a.Id, d.Revision } equals new { anchor.AnnotationId, anchor.Revision } into anchors
        from x in anchors.DefaultIfEmpty()
        select new AnnotationRow
        {
            Id = a.Id,
            DocumentId = a.DocumentId,
            ParentId = a.ParentId,
            ThreadId = a.ThreadId,
            AuthorId = a.AuthorId,
            AuthorName = a.AuthorId == null ? AnnotationService.DeletedAccountName : au.DisplayName,
            AuthorRole = a.AuthorId == null ? null : (SeminarRole?)am.Role,
            AddresseeId = a.AddresseeId,
            AddresseeName = a.AddresseeId == null ? null : ad.DisplayName,
            Motivation = a.Motivation,
            Visibility = a.Visibility,
            Body = a.Body,
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
            AttributedTo = a.AttributedTo,
            ThreadAuthorId = a.ThreadId == null ? a.AuthorId : t.AuthorId,
            ThreadVisibility = a.ThreadId == null ? a.Visibility : (Visibility?)t.Visibility,
            ThreadGroupId = a.ThreadId == null
                ? (a.AuthorId == null ? a.FormerAuthorGroupId : am.GroupId)
                : (t.AuthorId == null ? t.FormerAuthorGroupId : tm.GroupId),
            CurrentRevision = d.Revision,
            AnchorState = (AnchorState?)x.State,
            AnchorExact = x.Exact,
            AnchorPrefix = x.Prefix,
            AnchorSuffix = x.Suffix,
            AnchorStart = x.Start,
            AnchorEnd = x.End,
        };

    /// <summary>The annotations of <paramref name="query"/> as readers see them; with <paramref name="viewer"/>, only what they may see.</summary>
    public static async Task<List<AnnotationView>> LoadAsync(AnnotateDb db, int seminarId, IQueryable<Annotation> query,
        Viewer? viewer = null, CancellationToken cancellationToken = default)
    {
        var rows = Rows(db, seminarId, query);
        if (viewer is not null) rows = rows.Where(VisibilityFilter.For(viewer));
        return await ToViewsAsync(db, await rows.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    public static async Task<AnnotationView?> LoadOneAsync(AnnotateDb db, int seminarId, Guid id) =>
        (await LoadAsync(db, seminarId, db.Annotations.Where(a => a.Id == id))).FirstOrDefault();

    /// <summary>Threads written on an older revision are placed on the current one (see <see cref="Place"/>).</summary>
    public static async Task<List<AnnotationView>> ToViewsAsync(AnnotateDb db, List<AnnotationRow> rows, CancellationToken cancellationToken)
    {
        // Only threads written on an older text whose anchoring has not been stored yet need the text.
        string? currentText = null;
        async Task<string> CurrentTextAsync(int documentId) =>
            currentText ??= await db.Documents.Where(d => d.Id == documentId).Select(d => d.Text).FirstAsync(cancellationToken);

        var views = new List<AnnotationView>(rows.Count);
        foreach (var r in rows)
        {
            var view = ToView(r);
            if (view.Quote is not null && r.DocumentRevision != r.CurrentRevision)
                view = r.AnchorState is { } state ? Place(view, PlacementOf(r, state))
                    : Place(view, PassageTracker.Follow(await CurrentTextAsync(r.DocumentId), view.Quote, view.Position));
            views.Add(view);
        }
        return views;
    }

    internal static AnnotationView ToView(AnnotationRow r)
    {
        // A thread missing under its reply (it cannot be: deleting a thread deletes its replies) would hide it.
        var visibility = r.ThreadId == null ? r.Visibility : VisibilityScope.Narrower(r.Visibility, r.ThreadVisibility ?? Visibility.Private);
        return new AnnotationView(
            r.Id, r.DocumentId, r.ParentId, r.ThreadId, r.AuthorId, r.AuthorName, r.Motivation, visibility,
            r.Body, r.Tags.Length == 0 ? [] : r.Tags.Split('\n'),
            r.Exact is null ? null : new TextQuoteSelector(r.Exact, r.Prefix ?? "", r.Suffix ?? ""),
            r.Start is { } start && r.End is { } end ? new TextPositionSelector(start, end) : null,
            r.DocumentRevision, r.Created, r.Modified, r.Version,
            new VisibilityFacts(r.ThreadAuthorId, visibility, r.ThreadGroupId, r.AddresseeId))
        {
            ResolvedAt = r.ResolvedAt,
            Exemplary = r.Exemplary,
            AttributedTo = r.AttributedTo,
            AddresseeName = r.AddresseeName,
            AuthorRole = r.AuthorRole,
        };
    }

    /// <summary>A thread written on an older revision, as its stored anchor on the current one says.</summary>
    private static PassageTracker.Placement PlacementOf(AnnotationRow anchor, AnchorState state) =>
        state == AnchorState.Orphan || anchor.AnchorExact is null || anchor.AnchorStart is null || anchor.AnchorEnd is null
            ? new PassageTracker.Placement(AnchorState.Orphan, null, null)
            : new PassageTracker.Placement(state,
                new TextQuoteSelector(anchor.AnchorExact, anchor.AnchorPrefix ?? "", anchor.AnchorSuffix ?? ""),
                new TextPositionSelector(anchor.AnchorStart.Value, anchor.AnchorEnd.Value));

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
