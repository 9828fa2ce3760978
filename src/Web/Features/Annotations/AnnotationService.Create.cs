using System.Linq.Expressions;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Annotate.Web.Features.Annotations;

// Creating a thread or reply: checks, the writer's queue, the answer built without reading it back.
internal sealed partial class AnnotationService
{
    public async Task<ServiceResult<AnnotationView>> CreateAsync(string userId, int documentId, AnnotationDraft draft) =>
        await access.ForDocumentAsync(userId, documentId) is { } reader
            ? await CreateAsync(reader, draft)
            : ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);

    /// <summary>
    /// Stores a new thread or reply for <paramref name="reader"/> (their access to the document, looked up once
    /// for the request). Everything is checked before the annotation joins <see cref="AnnotationWriter"/>'s queue;
    /// the answer is the annotation as every later read shows it, built without reading it back.
    /// </summary>
    public async Task<ServiceResult<AnnotationView>> CreateAsync(ReaderAccess.DocumentAccess reader, AnnotationDraft draft)
    {
        if ((CheckDraft(draft, reader.Viewer) ?? await tagLock.CheckAsync(reader.SeminarId, draft.Tags, [])) is { } problem)
            return ServiceProblem.Invalid(problem);

        var userId = reader.Viewer.UserId!;
        var documentId = reader.DocumentId;
        var now = AsStored(clock.GetUtcNow());
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
        AnnotationView? parent = null;
        string? addresseeName = null;

        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (draft.ReplyTo is { } parentId)
            {
                parent = await AnnotationViews.LoadOneAsync(db, parentId);
                // A thread the author cannot see cannot be answered, and looks the same as one that is not there.
                if (parent is null || parent.DocumentId != documentId || !parent.CanBeSeenBy(reader.Viewer))
                    return ServiceProblem.NotFound(ParentGone);
                if (AnnotationPermissions.Check(reader.Viewer, parent, AnnotationAction.Reply) is { } refused) return refused;
                annotation.ParentId = parent.Id;
                annotation.ThreadId = parent.ThreadRootId;
                AnnotationView? thread = null;
                if (draft.Motivation == Motivations.Assessing)
                {
                    // Feedback in a thread is for the student whose thread it is, as the thread card offers it.
                    thread = parent.IsReply ? await AnnotationViews.LoadOneAsync(db, parent.ThreadRootId) : parent;
                    if (thread is null) return ServiceProblem.NotFound(ParentGone);
                    if (AnnotationPermissions.Check(reader.Viewer, thread, AnnotationAction.GiveFeedback) is { } notFeedback) return notFeedback;
                }
                // Under feedback, replies stay between that student and the teachers; a teacher's feedback in a
                // student's thread is for that student alone.
                annotation.AddresseeId = parent.AddresseeId
                    ?? (draft.Motivation == Motivations.Assessing ? parent.Access.AuthorId : null);
                addresseeName = parent.AddresseeId is not null ? parent.AddresseeName
                    : annotation.AddresseeId is not null ? thread?.AuthorName : null;
                if (draft.AddresseeId is not null && draft.AddresseeId != annotation.AddresseeId)
                    return ServiceProblem.Invalid("A reply goes to whoever its thread is for; leave \"addressee\" out of replies.");
                // A reply takes the visibility of what it answers (as its readers see it now): it can never widen it.
                // It keeps that even if the thread is widened later; see AnnotationViews.Rows.
                annotation.Visibility = parent.Access.Visibility;
                annotation.DocumentRevision = parent.DocumentRevision;
            }
            else
            {
                if (draft.AddresseeId is { } addressee)
                {
                    if (draft.Motivation != Motivations.Assessing)
                        return ServiceProblem.Invalid("Only feedback (motivation \"assessing\") is addressed to one student.");
                    addresseeName = await StudentName(db, reader.SeminarId, addressee);
                    if (addresseeName is null)
                        return ServiceProblem.Invalid("Feedback can only be addressed to a student of this seminar.");
                    annotation.AddresseeId = addressee;
                }
                var document = (await CurrentText(db, documentId))!;
                var (passage, error) = PassageResolver.Resolve(document.Text, draft.Quote, draft.Position);
                if (passage is null) return ServiceProblem.Invalid(error!);
                SetPassage(annotation, passage, document.Revision);
            }
        }

        int revisionAtCommit;
        try
        {
            revisionAtCommit = await writer.InsertAsync(annotation, RequestFor(annotation, userId));
        }
        catch (DbUpdateException)
        {
            // Checked a moment ago, gone now: the thread, the document or the author's account was deleted meanwhile.
            return ServiceProblem.NotFound(parent is null ? ReaderAccess.NoSuchDocument : ParentGone);
        }
        var view = annotation.Exact is null || revisionAtCommit == annotation.DocumentRevision
            ? AsCreated(annotation, reader, parent, addresseeName)
            // A teacher's revision was saved in between: the thread is shown where it now is, as every read will show it.
            : await LoadAsync(annotation.Id);
        await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Created, view));
        // On a post-first document this post may be what opens the rest of the discussion to its author.
        if (reader.Viewer.AwaitingOwnPost && ReaderAccess.OpensPostFirst(annotation.ParentId, annotation.Motivation, annotation.Visibility))
            await feed.PublishAsync(new AccessChangedEvent(documentId, reader.SeminarId, userId, OthersAffected: false));
        return await NotifyAsync(userId, view);
    }

    private async Task<AnnotationView> LoadAsync(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await AnnotationViews.LoadOneAsync(db, id))!;
    }

    private const string ParentGone = "The annotation you are replying to is not there any more.";

    /// <summary>
    /// A new annotation as <see cref="AnnotationViews"/> would read it back: its author is the reader, on the
    /// revision it was written on; a reply's thread facts are those its parent was read with, and its
    /// visibility (its parent's) is already the narrower of its own and its thread's.
    /// </summary>
    private static AnnotationView AsCreated(Annotation a, ReaderAccess.DocumentAccess reader, AnnotationView? parent, string? addresseeName) =>
        AnnotationViews.ToView(new AnnotationRow
        {
            Id = a.Id, DocumentId = a.DocumentId, ParentId = a.ParentId, ThreadId = a.ThreadId,
            AuthorId = a.AuthorId, AuthorName = reader.ReaderName, AuthorRole = reader.Viewer.Role,
            AddresseeId = a.AddresseeId, AddresseeName = addresseeName,
            Motivation = a.Motivation, Visibility = a.Visibility, Body = a.Body, Tags = a.Tags,
            Exact = a.Exact, Prefix = a.Prefix, Suffix = a.Suffix, Start = a.Start, End = a.End,
            DocumentRevision = a.DocumentRevision, CurrentRevision = a.DocumentRevision,
            Created = a.Created, Modified = a.Modified, Version = a.Version,
            ThreadAuthorId = parent is null ? a.AuthorId : parent.Access.AuthorId,
            ThreadVisibility = parent is null ? a.Visibility : parent.Access.Visibility,
            ThreadGroupId = parent is null ? reader.Viewer.GroupId : parent.Access.AuthorGroupId,
        });

    /// <summary>The database keeps times to a tenth of a millisecond (AnnotateDb stores them as numbers): the answer shows what later reads show.</summary>
    private static DateTimeOffset AsStored(DateTimeOffset time) =>
        (DateTimeOffset)StoredTime.ConvertFromProvider(StoredTime.ConvertToProvider(time))!;

    private static readonly DateTimeOffsetToBinaryConverter StoredTime = new();

    private static readonly Func<AnnotateDb, int, Task<DocumentText?>> CurrentText = EF.CompileAsyncQuery(
        (AnnotateDb db, int documentId) => db.Documents.Where(d => d.Id == documentId).Select(d => new DocumentText(d.Text, d.Revision)).FirstOrDefault());

    private sealed record DocumentText(string Text, int Revision);

    private static readonly Func<AnnotateDb, int, string, Task<string?>> StudentName = EF.CompileAsyncQuery(
        (AnnotateDb db, int seminarId, string userId) => db.Memberships
            .Where(m => m.SeminarId == seminarId && m.UserId == userId && m.Role == SeminarRole.Student)
            .Select(m => m.User!.DisplayName).FirstOrDefault());
}
