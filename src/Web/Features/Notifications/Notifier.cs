using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Notifications;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// Turns a request of the outbox into notifications (in <see cref="NotificationWorker"/>, after the change
/// committed): who should hear of it, each only if they can see what it points at now (the one visibility rule,
/// with their access) and their setting for the seminar lets the kind through; one notification per person per
/// event, the most personal kind winning (feedback, then a mention, then a reply). The notifications, the mails to
/// send at once (mentions, feedback) and the removal of the request commit together; then bells and hub
/// connections hear of it through the feed.
/// </summary>
internal sealed class Notifier(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, IAnnotationFeed feed, NotificationMail mail,
    MentionCheck mentionCheck, NotificationOutbox outbox, TimeProvider clock)
{
    public async Task NotifyAsync(NotificationRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var created = request.ActorId is not { } actorId ? [] : request.Kind switch
        {
            NotificationRequestKind.Annotation => await ForAnnotationAsync(db, request, actorId, cancellationToken),
            NotificationRequestKind.Answer => await ForAnswerAsync(db, request, actorId, cancellationToken),
            NotificationRequestKind.Document => await ForSeminarAsync(db, actorId, NotificationKind.Document,
                await db.Documents.Where(d => d.Id == request.DocumentId).Select(d => (int?)d.SeminarId).FirstOrDefaultAsync(cancellationToken),
                request.DocumentId, null, request.Created, cancellationToken),
            NotificationRequestKind.Announcement => await ForSeminarAsync(db, actorId, NotificationKind.Announcement,
                request.SeminarId, null, request.Text, request.Created, cancellationToken),
            _ => [],
        };
        db.Notifications.AddRange(created);
        var mails = mail.IsOn ? created.Where(n => n.Kind is NotificationKind.Mention or NotificationKind.Feedback).Select(outbox.MailOf).ToList() : [];
        db.NotificationOutbox.AddRange(mails);
        db.NotificationOutbox.Remove(new NotificationRequest { Id = request.Id });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // What they point at was deleted meanwhile (or a recipient's account, or the request with it): a
            // notification of nothing is none.
            await db.NotificationOutbox.Where(r => r.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
            return;
        }
        foreach (var notification in created)
            await feed.PublishAsync(new NotificationEvent(notification.DocumentId ?? NotificationEvent.NoDocument, notification.UserId, notification.Id));
        if (mails.Count > 0) outbox.Wake();
    }

    private async Task<List<Notification>> ForAnnotationAsync(AnnotateDb db, NotificationRequest posted, string actorId, CancellationToken cancellationToken)
    {
        if (await AnnotationViews.LoadOneAsync(db, posted.AnnotationId!.Value, cancellationToken) is not { } view) return [];
        // Who it mentions is read from the words as they are now and stored; those named for the first time hear of it.
        var mentions = await mentionCheck.CheckAsync(view, actorId, cancellationToken);
        var mentioned = await mentionCheck.StoreAsync(view.Id, mentions.Reached, posted.IsNew, cancellationToken);
        var wanted = new Dictionary<string, NotificationKind>();
        if (posted.IsNew && view.IsFeedback && view.AddresseeId is { } student) wanted[student] = NotificationKind.Feedback;
        foreach (var userId in mentioned) wanted.TryAdd(userId, NotificationKind.Mention);
        if (posted.IsNew && view.IsReply)
        {
            if (await AnnotationViews.LoadOneAsync(db, view.ParentId!.Value, cancellationToken) is { AuthorId: { } parentAuthor })
                wanted.TryAdd(parentAuthor, NotificationKind.Reply);
            if (view.Access.AuthorId is { } threadAuthor) wanted.TryAdd(threadAuthor, NotificationKind.Reply);
            // Under feedback, the student it is for hears of every reply, whoever started the thread.
            if (view.AddresseeId is { } addressee) wanted.TryAdd(addressee, NotificationKind.Reply);
        }
        wanted.Remove(actorId);
        return await ToThoseWhoSeeAsync(db, view, wanted, actorId, cancellationToken);
    }

    private async Task<List<Notification>> ForAnswerAsync(AnnotateDb db, NotificationRequest answer, string actorId, CancellationToken cancellationToken)
    {
        if (await AnnotationViews.LoadOneAsync(db, answer.AnnotationId!.Value, cancellationToken) is not { IsReply: true } reply
            || reply.Access.AuthorId is not { } asker || asker == actorId)
            return [];
        return await ToThoseWhoSeeAsync(db, reply, new() { [asker] = NotificationKind.Answer }, actorId, cancellationToken);
    }

    private async Task<List<Notification>> ToThoseWhoSeeAsync(AnnotateDb db, AnnotationView view, Dictionary<string, NotificationKind> wanted, string actorId, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0) return [];
        var seminarId = await db.Documents.Where(d => d.Id == view.DocumentId).Select(d => d.SeminarId).FirstAsync(cancellationToken);
        var levels = await LevelsAsync(db, seminarId, wanted.Keys, cancellationToken);
        var now = clock.GetUtcNow();
        var created = new List<Notification>();
        foreach (var (userId, kind) in wanted)
        {
            if (!levels.GetValueOrDefault(userId, NotificationLevel.Everything).Allows(kind)) continue;
            if (await access.ForDocumentAsync(userId, view.DocumentId, cancellationToken) is not { } reader || !view.CanBeSeenBy(reader.Viewer)) continue;
            created.Add(New(userId, kind, seminarId, view.DocumentId, view.Id, actorId, null, now));
        }
        return created;
    }

    /// <summary>Every member of the seminar but the actor (a new document, an announcement: every member may see them).</summary>
    /// <param name="happened">When the document was added or the announcement made: only who was a member then is told
    /// (the request may be worked on later, after others joined, who find the document there anyway).</param>
    private async Task<List<Notification>> ForSeminarAsync(AnnotateDb db, string actorId, NotificationKind kind, int? seminarId, int? documentId, string? text,
        DateTimeOffset happened, CancellationToken cancellationToken)
    {
        if (seminarId is not { } id) return [];
        var members = await db.Memberships.Where(m => m.SeminarId == id && m.UserId != actorId && m.JoinedAt <= happened)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        var levels = await LevelsAsync(db, id, members, cancellationToken);
        var now = clock.GetUtcNow();
        return members.Where(userId => levels.GetValueOrDefault(userId, NotificationLevel.Everything).Allows(kind))
            .Select(userId => New(userId, kind, id, documentId, null, actorId, text, now)).ToList();
    }

    private static async Task<Dictionary<string, NotificationLevel>> LevelsAsync(AnnotateDb db, int seminarId, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();
        return await db.NotificationSettings.Where(s => s.SeminarId == seminarId && ids.Contains(s.UserId))
            .ToDictionaryAsync(s => s.UserId, s => s.InApp, cancellationToken);
    }

    private static Notification New(string userId, NotificationKind kind, int seminarId, int? documentId, Guid? annotationId, string actorId, string? text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Kind = kind,
        SeminarId = seminarId,
        DocumentId = documentId,
        AnnotationId = annotationId,
        ActorId = actorId,
        Text = text,
        Created = now,
    };
}
