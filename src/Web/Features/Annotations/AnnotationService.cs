using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// The one place annotations are read and written. Every read filters through the visibility rule;
/// every write publishes its event after the save has committed.
/// </summary>
internal sealed class AnnotationService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, IAnnotationFeed feed, TimeProvider clock)
{
    /// <summary>How readers see the author of a thread whose author deleted their account.</summary>
    public const string DeletedAccountName = "a deleted account";

    /// <summary>What readers see in place of the words of such a thread (in italics where the format has them).</summary>
    public const string DeletedBodyText = "Deleted with its author's account.";

    /// <summary>Every annotation of the document the viewer may see, threads in document order, replies by time.</summary>
    public async Task<List<AnnotationView>> ListVisibleAsync(ReaderAccess.DocumentAccess reader, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var views = await LoadViewsAsync(db, reader.SeminarId, db.Annotations.Where(a => a.DocumentId == reader.DocumentId), cancellationToken);
        return views.Where(v => v.CanBeSeenBy(reader.Viewer))
            .OrderBy(v => v.Position?.Start ?? int.MaxValue).ThenBy(v => v.Created)
            .ToList();
    }

    /// <summary>The annotation and the caller's access to its document, or null when it is absent or hidden from them.</summary>
    public async Task<(AnnotationView Annotation, ReaderAccess.DocumentAccess Reader)?> GetVisibleAsync(string userId, Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var documentId = await db.Annotations.Where(a => a.Id == id).Select(a => (int?)a.DocumentId).FirstOrDefaultAsync();
        if (documentId is null || await access.ForDocumentAsync(userId, documentId.Value) is not { } reader) return null;
        var view = await LoadOneAsync(db, reader.SeminarId, id);
        return view is not null && view.CanBeSeenBy(reader.Viewer) ? (view, reader) : null;
    }

    public async Task<AnnotationResult> CreateAsync(string userId, int documentId, AnnotationDraft draft)
    {
        if (await access.ForDocumentAsync(userId, documentId) is not { } reader)
            return AnnotationResult.Fail(AnnotationFailure.NotFound, ReaderAccess.NoSuchDocument);
        if (CheckDraft(draft, reader.Viewer) is { } problem)
            return AnnotationResult.Fail(AnnotationFailure.Invalid, problem);

        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var annotation = new Annotation
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = documentId,
            AuthorId = userId,
            Motivation = draft.Motivation,
            Visibility = draft.Visibility ?? Visibility.Seminar,
            Body = draft.Body,
            Tags = string.Join('\n', draft.Tags),
            Created = now,
            Modified = now,
        };

        if (draft.ReplyTo is { } parentId)
        {
            var parent = await LoadOneAsync(db, reader.SeminarId, parentId);
            // A thread the author cannot see cannot be answered, and looks the same as one that is not there.
            if (parent is null || parent.DocumentId != documentId || !parent.CanBeSeenBy(reader.Viewer))
                return AnnotationResult.Fail(AnnotationFailure.NotFound, "The annotation you are replying to is not there any more.");
            if (AnnotationPermissions.Check(reader.Viewer, parent, AnnotationAction.Reply) is { } refused) return refused;
            annotation.ParentId = parent.Id;
            annotation.ThreadId = parent.ThreadRootId;
            if (draft.Motivation == Motivations.Assessing)
            {
                // Feedback in a thread is for the student whose thread it is, as the thread card offers it.
                var thread = parent.IsReply ? await LoadOneAsync(db, reader.SeminarId, parent.ThreadRootId) : parent;
                if (thread is null) return AnnotationResult.Fail(AnnotationFailure.NotFound, "The annotation you are replying to is not there any more.");
                if (AnnotationPermissions.Check(reader.Viewer, thread, AnnotationAction.GiveFeedback) is { } notFeedback) return notFeedback;
            }
            // Under feedback, replies stay between that student and the teachers; a teacher's feedback in a
            // student's thread is for that student alone.
            annotation.AddresseeId = parent.AddresseeId
                ?? (draft.Motivation == Motivations.Assessing ? parent.Access.AuthorId : null);
            if (draft.AddresseeId is not null && draft.AddresseeId != annotation.AddresseeId)
                return AnnotationResult.Fail(AnnotationFailure.Invalid, "A reply goes to whoever its thread is for; leave \"addressee\" out of replies.");
            // A reply takes the visibility of what it answers (as its readers see it now): it can never widen it.
            // It keeps that even if the thread is widened later; see LoadViewsAsync.
            annotation.Visibility = parent.Access.Visibility;
            annotation.DocumentRevision = parent.DocumentRevision;
        }
        else
        {
            if (draft.AddresseeId is { } addressee)
            {
                if (draft.Motivation != Motivations.Assessing)
                    return AnnotationResult.Fail(AnnotationFailure.Invalid, "Only feedback (motivation \"assessing\") is addressed to one student.");
                if (!await IsStudentAsync(db, reader.SeminarId, addressee))
                    return AnnotationResult.Fail(AnnotationFailure.Invalid, "Feedback can only be addressed to a student of this seminar.");
                annotation.AddresseeId = addressee;
            }
            var document = await db.Documents.Where(d => d.Id == documentId).Select(d => new { d.Text, d.Revision }).FirstAsync();
            var (passage, error) = PassageResolver.Resolve(document.Text, draft.Quote, draft.Position);
            if (passage is null) return AnnotationResult.Fail(AnnotationFailure.Invalid, error!);
            SetPassage(annotation, passage, document.Revision);
        }

        db.Annotations.Add(annotation);
        await db.SaveChangesAsync();
        var view = (await LoadOneAsync(db, reader.SeminarId, annotation.Id))!;
        await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Created, view));
        // On a post-first document this post may be what opens the rest of the discussion to its author.
        if (reader.Viewer.AwaitingOwnPost && ReaderAccess.OpensPostFirst(annotation.ParentId, annotation.Motivation, annotation.Visibility))
            await feed.PublishAsync(new AccessChangedEvent(documentId, reader.SeminarId, userId, OthersAffected: false));
        return new AnnotationResult(view);
    }

    /// <summary>
    /// Replaces what the author wrote. <paramref name="expectedVersion"/> (from If-Match or the version the
    /// editor loaded) must still be current, or someone else's change would be overwritten.
    /// </summary>
    public async Task<AnnotationResult> UpdateAsync(string userId, Guid id, AnnotationDraft draft, int? expectedVersion)
    {
        if (await GetVisibleAsync(userId, id) is not { } found) return AnnotationResult.NotFound();
        var (current, reader) = found;
        if (AnnotationPermissions.Check(reader.Viewer, current, AnnotationAction.Edit) is { } refused) return refused;
        if (expectedVersion is not null && expectedVersion != current.Version)
            return AnnotationResult.Fail(AnnotationFailure.Stale, "This annotation was changed since you loaded it. Reload it and make your change again.");
        if (draft.AddresseeId is not null && draft.AddresseeId != current.AddresseeId)
            return AnnotationResult.Fail(AnnotationFailure.Invalid, "Who feedback is for cannot be changed; delete it and give it again.");
        if (current.IsReply != draft.ReplyTo is not null || (draft.ReplyTo is not null && draft.ReplyTo != current.ParentId))
            return AnnotationResult.Fail(AnnotationFailure.Invalid, "An edit cannot turn a reply into a thread, move it to another thread, or the other way round.");
        if (CheckDraft(draft, reader.Viewer) is { } problem)
            return AnnotationResult.Fail(AnnotationFailure.Invalid, problem);
        var visibility = draft.Visibility ?? current.Visibility;
        var threadVisibilityChanges = !current.IsReply && current.Visibility != visibility;

        await using var db = await dbFactory.CreateDbContextAsync();
        // The replies as their readers see them before the change (each may be narrower than its thread).
        var repliesBefore = threadVisibilityChanges
            ? (await LoadViewsAsync(db, reader.SeminarId, db.Annotations.Where(a => a.ThreadId == id))).ToDictionary(r => r.Id)
            : [];
        var annotation = await db.Annotations.FirstAsync(a => a.Id == id);
        annotation.Body = draft.Body;
        annotation.Tags = string.Join('\n', draft.Tags);
        annotation.Motivation = draft.Motivation;
        annotation.Modified = clock.GetUtcNow();
        annotation.Version = current.Version + 1;
        db.Entry(annotation).Property(a => a.Version).OriginalValue = current.Version;

        if (!current.IsReply)
        {
            if (draft.Quote is not null || draft.Position is not null)
            {
                var document = await db.Documents.Where(d => d.Id == current.DocumentId).Select(d => new { d.Text, d.Revision }).FirstAsync();
                var (passage, error) = PassageResolver.Resolve(document.Text, draft.Quote, draft.Position);
                if (passage is null) return AnnotationResult.Fail(AnnotationFailure.Invalid, error!);
                SetPassage(annotation, passage, document.Revision);
            }
            annotation.Visibility = visibility;
        }

        // Replies keep the visibility they were written with: a thread's visibility bounds what its replies
        // show (LoadViewsAsync takes the narrower of the two), so nothing of theirs needs rewriting here.
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return AnnotationResult.Fail(AnnotationFailure.Stale, "This annotation was changed since you loaded it. Reload it and make your change again.");
        }

        var view = (await LoadOneAsync(db, reader.SeminarId, id))!;
        // Readers who could see the old version but not the new one must lose it: tell them it is gone.
        await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view, Previous: current));
        if (threadVisibilityChanges)
            // Each reply whose audience changed, from what it was to what it is: narrowing takes replies from
            // those who lose the thread; widening adds no reader to a reply written for fewer.
            foreach (var reply in await LoadViewsAsync(db, reader.SeminarId, db.Annotations.Where(a => a.ThreadId == id)))
                if (repliesBefore.TryGetValue(reply.Id, out var before) && before.Visibility != reply.Visibility)
                    await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, reply, Previous: before));
        await AnnounceGateChangeAsync(reader, current, view);
        return new AnnotationResult(view);
    }

    /// <summary>
    /// On a "post first" document, an edit can change whether the author's own posts open the discussion to
    /// them: a thread made private (or a bare highlight) may close it, the other way may open it. Whether it
    /// did is asked again (another post of theirs may keep it open); if so, their open pages and hub
    /// connections follow at once, as after a delete.
    /// </summary>
    private async Task AnnounceGateChangeAsync(ReaderAccess.DocumentAccess before, AnnotationView was, AnnotationView now)
    {
        if (was.IsReply || was.AuthorId is not { } authorId
            || ReaderAccess.OpensPostFirst(null, was.Motivation, was.Visibility) == ReaderAccess.OpensPostFirst(null, now.Motivation, now.Visibility))
            return;
        if (await access.ForDocumentAsync(authorId, was.DocumentId) is { } after && after.Viewer.AwaitingOwnPost != before.Viewer.AwaitingOwnPost)
            await feed.PublishAsync(new AccessChangedEvent(was.DocumentId, before.SeminarId, authorId, OthersAffected: false));
    }

    /// <summary>
    /// Attaches an orphaned thread (its passage is gone from the text) to a new passage of the current text:
    /// its author or a teacher. From now on the thread is about these words, as if written on this revision.
    /// </summary>
    public async Task<AnnotationResult> ReattachAsync(string userId, Guid id, TextQuoteSelector? quote, TextPositionSelector? position)
    {
        if (await GetVisibleAsync(userId, id) is not { } found) return AnnotationResult.NotFound();
        var (current, reader) = found;
        if (AnnotationPermissions.Check(reader.Viewer, current, AnnotationAction.Attach) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync();
        var document = await db.Documents.Where(d => d.Id == current.DocumentId).Select(d => new { d.Text, d.Revision }).FirstAsync();
        var (passage, error) = PassageResolver.Resolve(document.Text, quote, position);
        if (passage is null) return AnnotationResult.Fail(AnnotationFailure.Invalid, error!);

        var annotation = await db.Annotations.FirstAsync(a => a.Id == id);
        SetPassage(annotation, passage, document.Revision);
        annotation.Version++;
        annotation.Modified = clock.GetUtcNow();
        await db.AnnotationAnchors.Where(x => x.AnnotationId == id && x.Revision >= document.Revision).ExecuteDeleteAsync();
        await db.SaveChangesAsync();

        var view = (await LoadOneAsync(db, reader.SeminarId, id))!;
        await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view, Previous: current));
        return new AnnotationResult(view);
    }

    /// <summary>
    /// A teacher marks a thread resolved (or opens it again). A mark, not an edit: the author's ETag stays
    /// valid, and everyone who sees the thread sees the mark.
    /// </summary>
    public Task<AnnotationResult> SetResolvedAsync(string userId, Guid id, bool resolved) =>
        MarkAsync(userId, id, AnnotationAction.Resolve,
            annotation =>
            {
                annotation.ResolvedAt = resolved ? clock.GetUtcNow() : null;
                annotation.ResolvedById = resolved ? userId : null;
            });

    /// <summary>A teacher holds an annotation up as exemplary (or takes that back); it stays as visible as it was.</summary>
    public Task<AnnotationResult> SetExemplaryAsync(string userId, Guid id, bool exemplary) =>
        MarkAsync(userId, id, exemplary ? AnnotationAction.MarkExemplary : AnnotationAction.UnmarkExemplary,
            annotation => annotation.Exemplary = exemplary);

    private async Task<AnnotationResult> MarkAsync(string userId, Guid id, AnnotationAction action, Action<Annotation> mark)
    {
        if (await GetVisibleAsync(userId, id) is not { } found) return AnnotationResult.NotFound();
        var (current, reader) = found;
        if (AnnotationPermissions.Check(reader.Viewer, current, action) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync();
        var annotation = await db.Annotations.FirstAsync(a => a.Id == id);
        mark(annotation);
        await db.SaveChangesAsync();
        var view = (await LoadOneAsync(db, reader.SeminarId, id))!;
        await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view, Previous: current));
        return new AnnotationResult(view);
    }

    /// <summary>The author, or a teacher of the seminar, deletes; a thread goes with its replies.</summary>
    public async Task<AnnotationResult> DeleteAsync(string userId, Guid id)
    {
        if (await GetVisibleAsync(userId, id) is not { } found) return AnnotationResult.NotFound();
        var (current, reader) = found;
        if (AnnotationPermissions.Check(reader.Viewer, current, AnnotationAction.Delete) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync();
        var removed = await LoadViewsAsync(db, reader.SeminarId,
            db.Annotations.Where(a => a.Id == id || a.ThreadId == id || a.ParentId == id));
        // Replies to a reply stay in the thread: re-point them at the deleted reply's parent.
        if (current.IsReply)
        {
            removed = removed.Where(v => v.Id == id).ToList();
            await db.Annotations.Where(a => a.ParentId == id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.ParentId, current.ParentId));
        }
        await db.Annotations.Where(a => removed.Select(r => r.Id).Contains(a.Id)).ExecuteDeleteAsync();

        foreach (var view in removed.OrderByDescending(v => v.IsReply))
            await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Deleted, view));
        // Deleting one's only post on a post-first document closes the gate again for its author.
        if (!current.IsReply && ReaderAccess.OpensPostFirst(null, current.Motivation, current.Visibility)
            && await db.Documents.AnyAsync(d => d.Id == current.DocumentId && d.PostFirst))
            await feed.PublishAsync(new AccessChangedEvent(current.DocumentId, reader.SeminarId, current.AuthorId, OthersAffected: false));
        return new AnnotationResult(current);
    }

    /// <summary>
    /// Stores what an import checked and placed (parents before their replies) in one transaction, so all
    /// of it or none is stored, then tells every open page and hub client about them in one event.
    /// </summary>
    internal async Task<List<AnnotationView>> AddImportedAsync(ReaderAccess.DocumentAccess importer, IReadOnlyList<Annotation> annotations, CancellationToken cancellationToken = default)
    {
        if (annotations.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await AnnotationBulkInsert.InsertAsync(db, annotations, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // Stored is stored: the event goes out even if the importer has gone away meanwhile.
        var views = await ImportedViews.OfAsync(db, importer, annotations, CancellationToken.None);
        await feed.PublishAsync(new AnnotationsImportedEvent(importer.DocumentId, views));
        return views;
    }

    private static string? CheckDraft(AnnotationDraft draft, Viewer viewer)
    {
        if (AnnotationRules.CheckMotivation(draft.Motivation) is { } badMotivation) return badMotivation;
        if (draft.Motivation == Motivations.Replying && draft.ReplyTo is null)
            return "A reply's target must be the id (IRI) of the annotation it answers.";
        if (draft.ReplyTo is not null && draft.Motivation is not (Motivations.Replying or Motivations.Assessing))
            return "A reply's motivation is \"replying\", or \"assessing\" for a teacher's feedback.";
        if (draft.Motivation == Motivations.Assessing && !viewer.IsTeacher)
            return "Only the seminar's teachers can give feedback (motivation \"assessing\").";
        return AnnotationRules.CheckBody(draft.Motivation, draft.Body) ?? AnnotationRules.CheckTags(draft.Tags);
    }

    private static Task<bool> IsStudentAsync(AnnotateDb db, int seminarId, string userId) =>
        db.Memberships.AnyAsync(m => m.SeminarId == seminarId && m.UserId == userId && m.Role == SeminarRole.Student);

    private static void SetPassage(Annotation annotation, PassageResolver.Passage passage, int revision)
    {
        annotation.Exact = passage.Quote.Exact;
        annotation.Prefix = passage.Quote.Prefix;
        annotation.Suffix = passage.Quote.Suffix;
        annotation.Start = passage.Position.Start;
        annotation.End = passage.Position.End;
        annotation.DocumentRevision = revision;
    }

    private static async Task<AnnotationView?> LoadOneAsync(AnnotateDb db, int seminarId, Guid id) =>
        (await LoadViewsAsync(db, seminarId, db.Annotations.Where(a => a.Id == id))).FirstOrDefault();

    /// <summary>
    /// Loads annotations with their authors' names and the facts the visibility rule needs. For replies
    /// those are the thread's author and group, and the narrower of the reply's own visibility (its
    /// thread's when it was written) and the thread's now: narrowing a thread narrows its replies, and
    /// widening it never shows a reply to more than it was written for. Threads are placed on the
    /// document's current revision (see <see cref="Place"/>).
    /// </summary>
    internal static async Task<List<AnnotationView>> LoadViewsAsync(AnnotateDb db, int seminarId, IQueryable<Annotation> query, CancellationToken cancellationToken = default)
    {
        var rows = await query
            .Select(a => new ViewRow
            {
                Annotation = a,
                AuthorName = a.AuthorId == null ? DeletedAccountName : a.Author!.DisplayName,
                AddresseeName = a.AddresseeId == null ? null : db.Users.Where(u => u.Id == a.AddresseeId).Select(u => u.DisplayName).FirstOrDefault(),
                ThreadAuthorId = a.ThreadId == null ? a.AuthorId : db.Annotations.Where(t => t.Id == a.ThreadId).Select(t => t.AuthorId).FirstOrDefault(),
                ThreadVisibility = a.ThreadId == null ? a.Visibility : db.Annotations.Where(t => t.Id == a.ThreadId).Select(t => t.Visibility).FirstOrDefault(),
                ThreadFormerGroupId = a.ThreadId == null ? a.FormerAuthorGroupId : db.Annotations.Where(t => t.Id == a.ThreadId).Select(t => t.FormerAuthorGroupId).FirstOrDefault(),
                CurrentRevision = a.Document!.Revision,
                Anchor = db.AnnotationAnchors.FirstOrDefault(x => x.AnnotationId == a.Id && x.Revision == a.Document!.Revision),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return await ViewsOfAsync(db, seminarId, rows, cancellationToken);
    }

    /// <summary>An annotation with what its view needs from around it: the names, its thread's author, visibility and former group, its anchor.</summary>
    internal sealed class ViewRow
    {
        public required Annotation Annotation { get; init; }
        public required string AuthorName { get; init; }
        public string? AddresseeName { get; init; }
        public string? ThreadAuthorId { get; init; }
        public Visibility ThreadVisibility { get; init; }
        public int? ThreadFormerGroupId { get; init; }
        public int CurrentRevision { get; init; }
        public AnnotationAnchor? Anchor { get; init; }
    }

    /// <summary>The views of loaded rows (see <see cref="LoadViewsAsync"/>): the one place their visibility facts and placement are decided.</summary>
    internal static async Task<List<AnnotationView>> ViewsOfAsync(AnnotateDb db, int seminarId, IReadOnlyList<ViewRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0) return [];

        var members = await db.Memberships.Where(m => m.SeminarId == seminarId)
            .ToDictionaryAsync(m => m.UserId, m => (m.Role, m.GroupId), cancellationToken);
        // Only threads written on an older text whose anchoring has not been stored yet need the text.
        string? currentText = null;
        async Task<string> CurrentTextAsync(int documentId) =>
            currentText ??= await db.Documents.Where(d => d.Id == documentId).Select(d => d.Text).FirstAsync(cancellationToken);

        var views = new List<AnnotationView>(rows.Count);
        foreach (var r in rows)
        {
            var a = r.Annotation;
            var threadAuthor = a.ThreadId == null ? a.AuthorId : r.ThreadAuthorId;
            var threadGroup = threadAuthor is null ? r.ThreadFormerGroupId
                : members.TryGetValue(threadAuthor, out var threadMember) ? threadMember.GroupId : null;
            var visibility = a.ThreadId == null ? a.Visibility : VisibilityScope.Narrower(a.Visibility, r.ThreadVisibility);
            var facts = new VisibilityFacts(threadAuthor, visibility, threadGroup, a.AddresseeId);
            var view = new AnnotationView(
                a.Id, a.DocumentId, a.ParentId, a.ThreadId, a.AuthorId, r.AuthorName, a.Motivation, visibility,
                a.Body, a.Tags.Length == 0 ? [] : a.Tags.Split('\n'),
                a.Exact is null ? null : new TextQuoteSelector(a.Exact, a.Prefix ?? "", a.Suffix ?? ""),
                a.Start is { } start && a.End is { } end ? new TextPositionSelector(start, end) : null,
                a.DocumentRevision, a.Created, a.Modified, a.Version, facts)
            {
                ResolvedAt = a.ResolvedAt,
                Exemplary = a.Exemplary,
                AttributedTo = a.AttributedTo,
                AddresseeName = r.AddresseeName,
                AuthorRole = a.AuthorId is not null && members.TryGetValue(a.AuthorId, out var author) ? author.Role : null,
            };
            if (view.Quote is not null && a.DocumentRevision != r.CurrentRevision)
                view = r.Anchor is not null ? Place(view, PlacementOf(r.Anchor)) : Place(view, PassageTracker.Follow(await CurrentTextAsync(a.DocumentId), view.Quote, view.Position));
            else if (view.Quote is not null && view.Position is null)
                // A quote without a position: imported from another text and not found in this one (ImportPlanner).
                view = view with { Orphan = true };
            views.Add(view);
        }
        return views;
    }

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
