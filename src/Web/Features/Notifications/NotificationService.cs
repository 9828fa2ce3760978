using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Notifications;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// A person's inbox: newest first, each item read through the visibility rule as they are now (so what they
/// lost sight of shows as "no longer available", without its content), marked read one by one or all at once.
/// The bell, the API and the hub all read it here.
/// </summary>
internal sealed class NotificationService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, IAnnotationFeed feed, TimeProvider clock)
{
    public const int DefaultPage = 30;
    public const int MaxPage = 100;

    /// <summary>The unread ones the bell counts, at most this many (it shows "99+" beyond).</summary>
    public const int CountLimit = 99;

    /// <summary>
    /// A page of the inbox, newest first: those older than <paramref name="before"/> (an id of the previous page's
    /// last item; unknown or another user's ids are treated as no cursor at all).
    /// </summary>
    public async Task<List<NotificationItem>> ListAsync(string userId, Guid? before = null, int limit = DefaultPage, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.Where(n => n.UserId == userId);
        if (unreadOnly) mine = mine.Where(n => n.ReadAt == null);
        if (before is { } cursor && await mine.Where(n => n.Id == cursor).Select(n => (DateTimeOffset?)n.Created).FirstOrDefaultAsync(cancellationToken) is { } created)
            mine = mine.Where(n => n.Created < created || (n.Created == created && n.Id.CompareTo(cursor) < 0));
        var rows = await mine.OrderByDescending(n => n.Created).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(limit, 1, MaxPage)).AsNoTracking().ToListAsync(cancellationToken);
        return await ItemsAsync(db, userId, rows, cancellationToken);
    }

    /// <summary>One of the user's notifications as they may see it now; null when it is not theirs or gone.</summary>
    public async Task<NotificationItem?> GetAsync(string userId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        return row is null ? null : (await ItemsAsync(db, userId, [row], cancellationToken))[0];
    }

    /// <summary>Unread items the user may still see, up to <see cref="CountLimit"/> + 1.</summary>
    public async Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .OrderByDescending(n => n.Created).Take(CountLimit + 1).AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0) return 0;
        return (await ItemsAsync(db, userId, rows, cancellationToken)).Count(i => i.Available);
    }

    /// <summary>Marks the user's own notifications among <paramref name="ids"/> read; anyone else's ids, or none at all, change nothing.</summary>
    public async Task MarkReadAsync(string userId, IReadOnlyCollection<Guid> ids)
    {
        var list = ids.Distinct().Take(MaxPage * 10).ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var marked = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && list.Contains(n.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now));
        if (marked > 0) await feed.PublishAsync(new NotificationEvent(NotificationEvent.NoDocument, userId, null));
    }

    public async Task MarkAllReadAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var marked = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now));
        if (marked > 0) await feed.PublishAsync(new NotificationEvent(NotificationEvent.NoDocument, userId, null));
    }

    /// <summary>
    /// The rows as <paramref name="userId"/> may see them now: the rule is asked once per document (and seminar)
    /// with their access now, and the annotations are read in one query.
    /// </summary>
    internal async Task<List<NotificationItem>> ItemsAsync(AnnotateDb db, string userId, IReadOnlyList<Notification> rows, CancellationToken cancellationToken)
    {
        var annotationIds = rows.Where(r => r.AnnotationId is not null).Select(r => r.AnnotationId!.Value).Distinct().ToList();
        var views = annotationIds.Count == 0 ? [] :
            (await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => annotationIds.Contains(a.Id)), cancellationToken: cancellationToken)).ToDictionary(v => v.Id);
        var rootIds = views.Values.Where(v => v.IsReply).Select(v => v.ThreadRootId).Distinct().ToList();
        var roots = rootIds.Count == 0 ? [] :
            await db.Annotations.Where(a => rootIds.Contains(a.Id)).Select(a => new { a.Id, a.Exact }).ToDictionaryAsync(a => a.Id, a => a.Exact, cancellationToken);
        var documentIds = rows.Where(r => r.DocumentId is not null).Select(r => r.DocumentId!.Value).Distinct().ToList();
        // Titles only: a document's text can be megabytes.
        var documents = await db.Documents.Where(d => documentIds.Contains(d.Id)).Select(d => new { d.Id, d.Title }).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        var seminarIds = rows.Select(r => r.SeminarId).Distinct().ToList();
        var seminars = await db.Memberships.Where(m => m.UserId == userId && seminarIds.Contains(m.SeminarId))
            .Select(m => new { m.SeminarId, m.Seminar!.Name }).ToDictionaryAsync(m => m.SeminarId, m => m.Name, cancellationToken);
        var actorIds = rows.Where(r => r.ActorId is not null).Select(r => r.ActorId!).Distinct().ToList();
        var actors = await db.Users.Where(u => actorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var viewers = new Dictionary<int, Viewer?>();
        var items = new List<NotificationItem>(rows.Count);
        foreach (var row in rows)
        {
            var read = row.ReadAt is not null;
            AnnotationView? view = null;
            var available = seminars.ContainsKey(row.SeminarId);
            if (available && row.DocumentId is { } documentId)
            {
                if (!viewers.TryGetValue(documentId, out var viewer))
                    viewers[documentId] = viewer = (await access.ForDocumentAsync(userId, documentId, cancellationToken))?.Viewer;
                available = viewer is not null && documents.ContainsKey(documentId);
                if (available && row.AnnotationId is { } annotationId)
                    available = views.TryGetValue(annotationId, out view) && view.CanBeSeenBy(viewer!);
            }
            if (!available)
            {
                items.Add(new NotificationItem(row.Id, row.Kind, row.Created, read, Available: false));
                continue;
            }
            var passage = view is null ? null : view.IsReply ? roots.GetValueOrDefault(view.ThreadRootId) : view.Quote?.Exact;
            items.Add(new NotificationItem(row.Id, row.Kind, row.Created, read, Available: true,
                row.ActorId, row.ActorId is null ? null : actors.GetValueOrDefault(row.ActorId),
                row.SeminarId, seminars[row.SeminarId],
                row.DocumentId, row.DocumentId is { } d ? documents[d] : null,
                view, passage, row.Text));
        }
        return items;
    }
}
