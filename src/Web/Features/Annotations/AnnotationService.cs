using System.Linq.Expressions;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.Mentions;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Features.Tags;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// The one place annotations are read and written. Every read filters through the visibility rule;
/// every write publishes its event after the save has committed. Creating one, the longest of them, is in
/// AnnotationService.Create.cs.
/// </summary>
internal sealed partial class AnnotationService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, AnnotationWriter writer, IAnnotationFeed feed,
    TagLock tagLock, MentionCheck mentionCheck, NotificationOutbox notifications, TimeProvider clock)
{
    /// <summary>How readers see the author of a thread whose author deleted their account.</summary>
    public const string DeletedAccountName = "a deleted account";
    public const string NoSuchAnnotation = "There is no annotation with that id that you can see.";

    /// <summary>What readers see in place of the words of such a thread (in italics where the format has them).</summary>
    public const string DeletedBodyText = "Deleted with its author's account.";

    /// <summary>Every annotation of the document the viewer may see, threads in document order, replies by time.</summary>
    public Task<List<AnnotationView>> ListVisibleAsync(ReaderAccess.DocumentAccess reader, CancellationToken cancellationToken = default) =>
        ListVisibleAsync(reader, null, cancellationToken);

    /// <summary>Those of them that <paramref name="which"/> picks (in SQL), in the same order.</summary>
    public async Task<List<AnnotationView>> ListVisibleAsync(ReaderAccess.DocumentAccess reader, Expression<Func<Annotation, bool>>? which, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var onDocument = db.Annotations.Where(a => a.DocumentId == reader.DocumentId);
        var views = await AnnotationViews.LoadAsync(db, which is null ? onDocument : onDocument.Where(which), reader.Viewer, cancellationToken);
        // The database has kept only what the viewer may see (VisibilityFilter); the rule itself has the last word.
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
        var view = await AnnotationViews.LoadOneAsync(db, id);
        return view is not null && view.CanBeSeenBy(reader.Viewer) ? (view.For(reader.Viewer), reader) : null;
    }

    /// <summary>
    /// Replaces what the author wrote. <paramref name="expectedVersion"/> (from If-Match or the version the
    /// editor loaded) must still be current, or someone else's change would be overwritten.
    /// </summary>
    public async Task<ServiceResult<AnnotationView>> UpdateAsync(string userId, Guid id, AnnotationDraft draft, int? expectedVersion)
    {
        if (await GetVisibleAsync(userId, id) is not { } found) return ServiceProblem.NotFound(AnnotationService.NoSuchAnnotation);
        var (current, reader) = found;
        if (AnnotationPermissions.Check(reader.Viewer, current, AnnotationAction.Edit) is { } refused) return refused;
        if (expectedVersion is not null && expectedVersion != current.Version)
            return ServiceProblem.Stale("This annotation was changed since you loaded it. Reload it and make your change again.");
        if (draft.AddresseeId is not null && draft.AddresseeId != current.AddresseeId)
            return ServiceProblem.Invalid("Who feedback is for cannot be changed; delete it and give it again.");
        if (current.IsReply != draft.ReplyTo is not null || (draft.ReplyTo is not null && draft.ReplyTo != current.ParentId))
            return ServiceProblem.Invalid("An edit cannot turn a reply into a thread, move it to another thread, or the other way round.");
        if ((CheckDraft(draft, reader.Viewer) ?? await tagLock.CheckAsync(reader.SeminarId, draft.Tags, current.Tags)) is { } problem)
            return ServiceProblem.Invalid(problem);
        var visibility = draft.Visibility ?? current.Visibility;
        var threadVisibilityChanges = !current.IsReply && current.Visibility != visibility;

        await using var db = await dbFactory.CreateDbContextAsync();
        // The replies as their readers see them before the change (each may be narrower than its thread).
        var repliesBefore = threadVisibilityChanges
            ? (await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => a.ThreadId == id))).ToDictionary(r => r.Id)
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
                if (passage is null) return ServiceProblem.Invalid(error!);
                SetPassage(annotation, passage, document.Revision);
            }
            annotation.Visibility = visibility;
        }

        // Mentions added or taken away: the worker stores who it now mentions and tells those named anew.
        if (MentionSyntax.Parse(draft.Body).Count > 0 || MentionSyntax.Parse(current.Body).Count > 0)
            db.NotificationOutbox.Add(notifications.AnnotationPosted(userId, id, isNew: false));

        // Replies keep the visibility they were written with: a thread's visibility bounds what its replies
        // show (AnnotationViews.Rows takes the narrower of the two), so nothing of theirs needs rewriting here.
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceProblem.Stale("This annotation was changed since you loaded it. Reload it and make your change again.");
        }

        var view = (await AnnotationViews.LoadOneAsync(db, id))!;
        // Readers who could see the old version but not the new one must lose it: tell them it is gone.
        await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view, Previous: current));
        if (threadVisibilityChanges)
            // Each reply whose audience changed, from what it was to what it is: narrowing takes replies from
            // those who lose the thread; widening adds no reader to a reply written for fewer.
            foreach (var reply in await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => a.ThreadId == id)))
                if (repliesBefore.TryGetValue(reply.Id, out var before) && before.Visibility != reply.Visibility)
                    await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, reply, Previous: before));
        await AnnounceGateChangeAsync(reader, current, view);
        return await NotifyAsync(userId, view.For(reader.Viewer));
    }

    /// <summary>
    /// After a create or an edit committed with its outbox row (<see cref="NotificationOutbox"/>): the worker is woken
    /// to tell whoever should hear of it (a reply's thread, feedback's student, the people newly mentioned). The
    /// answer carries the mentions that reach nobody, for the writer.
    /// </summary>
    private async Task<AnnotationView> NotifyAsync(string userId, AnnotationView view)
    {
        notifications.Wake();
        var mentions = await mentionCheck.CheckAsync(view, userId);
        return mentions.Warnings.Count == 0 ? view : view with { MentionWarnings = mentions.Warnings };
    }

    /// <summary>The outbox row of a new annotation, when anyone may need to hear of it.</summary>
    private NotificationRequest? RequestFor(Annotation annotation, string userId) =>
        annotation.ParentId is not null || annotation.AddresseeId is not null || MentionSyntax.Parse(annotation.Body).Count > 0
            ? notifications.AnnotationPosted(userId, annotation.Id, isNew: true)
            : null;

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
    public async Task<ServiceResult<AnnotationView>> ReattachAsync(string userId, Guid id, TextQuoteSelector? quote, TextPositionSelector? position)
    {
        if (await GetVisibleAsync(userId, id) is not { } found) return ServiceProblem.NotFound(AnnotationService.NoSuchAnnotation);
        var (current, reader) = found;
        if (AnnotationPermissions.Check(reader.Viewer, current, AnnotationAction.Attach) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync();
        var document = await db.Documents.Where(d => d.Id == current.DocumentId).Select(d => new { d.Text, d.Revision }).FirstAsync();
        var (passage, error) = PassageResolver.Resolve(document.Text, quote, position);
        if (passage is null) return ServiceProblem.Invalid(error!);

        var annotation = await db.Annotations.FirstAsync(a => a.Id == id);
        SetPassage(annotation, passage, document.Revision);
        annotation.Version++;
        annotation.Modified = clock.GetUtcNow();
        await db.AnnotationAnchors.Where(x => x.AnnotationId == id && x.Revision >= document.Revision).ExecuteDeleteAsync();
        await db.SaveChangesAsync();

        var view = (await AnnotationViews.LoadOneAsync(db, id))!;
        await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view, Previous: current));
        return view.For(reader.Viewer);
    }

    /// <summary>
    /// A teacher marks a thread resolved (or opens it again). A mark, not an edit: the author's ETag stays
    /// valid, and everyone who sees the thread sees the mark.
    /// </summary>
    public Task<ServiceResult<AnnotationView>> SetResolvedAsync(string userId, Guid id, bool resolved) =>
        MarkAsync(userId, id, AnnotationAction.Resolve,
            annotation =>
            {
                annotation.ResolvedAt = resolved ? clock.GetUtcNow() : null;
                annotation.ResolvedById = resolved ? userId : null;
            });

    /// <summary>A teacher holds an annotation up as exemplary (or takes that back); it stays as visible as it was.</summary>
    public Task<ServiceResult<AnnotationView>> SetExemplaryAsync(string userId, Guid id, bool exemplary) =>
        MarkAsync(userId, id, exemplary ? AnnotationAction.MarkExemplary : AnnotationAction.UnmarkExemplary,
            annotation => annotation.Exemplary = exemplary);

    /// <param name="request">An outbox row to commit with the mark (who should hear of it), if any.</param>
    private async Task<ServiceResult<AnnotationView>> MarkAsync(string userId, Guid id, AnnotationAction action, Action<Annotation> mark, NotificationRequest? request = null)
    {
        if (await GetVisibleAsync(userId, id) is not { } found) return ServiceProblem.NotFound(AnnotationService.NoSuchAnnotation);
        var (current, reader) = found;
        if (AnnotationPermissions.Check(reader.Viewer, current, action) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync();
        var annotation = await db.Annotations.FirstAsync(a => a.Id == id);
        mark(annotation);
        if (request is not null) db.NotificationOutbox.Add(request);
        await db.SaveChangesAsync();
        if (request is not null) notifications.Wake();
        var view = (await AnnotationViews.LoadOneAsync(db, id))!;
        await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view, Previous: current));
        return view.For(reader.Viewer);
    }

    /// <summary>The author, or a teacher of the seminar, deletes; a thread goes with its replies.</summary>
    public async Task<ServiceResult<AnnotationView>> DeleteAsync(string userId, Guid id)
    {
        if (await GetVisibleAsync(userId, id) is not { } found) return ServiceProblem.NotFound(AnnotationService.NoSuchAnnotation);
        var (current, reader) = found;
        if (AnnotationPermissions.Check(reader.Viewer, current, AnnotationAction.Delete) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync();
        var removed = await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => a.Id == id || a.ThreadId == id || a.ParentId == id));
        // Replies to a reply stay in the thread: re-point them at the deleted reply's parent.
        if (current.IsReply)
        {
            removed = removed.Where(v => v.Id == id).ToList();
            await db.Annotations.Where(a => a.ParentId == id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.ParentId, current.ParentId));
        }
        var answered = current.IsReply ? await AnsweredByAsync(db, current) : null;
        await db.Annotations.Where(a => removed.Select(r => r.Id).Contains(a.Id)).ExecuteDeleteAsync();
        if (answered is not null) await ReopenAsync(db, answered.Id, current.Id);

        foreach (var view in removed.OrderByDescending(v => v.IsReply))
            await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Deleted, view));
        if (answered is not null && await AnnotationViews.LoadOneAsync(db, answered.Id) is { } reopened)
            await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, reopened, Previous: answered));
        // Deleting one's only post on a post-first document closes the gate again for its author.
        if (!current.IsReply && ReaderAccess.OpensPostFirst(null, current.Motivation, current.Visibility)
            && await db.Documents.AnyAsync(d => d.Id == current.DocumentId && d.PostFirst))
            await feed.PublishAsync(new AccessChangedEvent(current.DocumentId, reader.SeminarId, current.AuthorId, OthersAffected: false));
        return current;
    }

    /// <summary>
    /// Stores what an import checked and placed (parents before their replies) in one transaction, so all
    /// of it or none is stored, then tells every open page and hub client about them in one event.
    /// </summary>
    internal async Task<List<AnnotationView>> AddImportedAsync(ReaderAccess.DocumentAccess importer, IReadOnlyList<Annotation> annotations, CancellationToken cancellationToken = default)
    {
        if (annotations.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken))
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

    private static void SetPassage(Annotation annotation, PassageResolver.Passage passage, int revision)
    {
        annotation.Exact = passage.Quote.Exact;
        annotation.Prefix = passage.Quote.Prefix;
        annotation.Suffix = passage.Quote.Suffix;
        annotation.Start = passage.Position.Start;
        annotation.End = passage.Position.End;
        annotation.DocumentRevision = revision;
    }
}
