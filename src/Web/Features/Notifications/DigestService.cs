using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Notifications;
using Annotate.Web.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// The daily digest: once a day, at the hour each person chose in their own time zone, one mail with what they
/// have not read and was not mailed yet (new threads' replies, documents, announcements...), each item read as
/// they may see it then; nothing when there is nothing. <see cref="DigestWorker"/> asks every few minutes.
/// </summary>
internal sealed class DigestService(IDbContextFactory<AnnotateDb> dbFactory, NotificationService notifications, NotificationMail mail,
    TeacherDigest teaching, MailQueue queue, TimeProvider clock, ILogger<DigestService> logger)
{
    /// <summary>Items in one digest at most; the rest wait in the inbox (and say so).</summary>
    public const int MaxItems = 50;

    /// <summary>Sends every digest that is due now; answers how many went into the queue.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        if (!mail.IsOn) return 0;
        var now = clock.GetUtcNow();
        // A day has passed since the last one (less a margin, so a digest does not creep later day by day).
        var notSince = now.AddHours(-20);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Users
            .Where(u => u.EmailConfirmed && u.Email != null && (u.MailOptOuts & MailOptOut.Digest) == 0
                && (db.Notifications.Any(n => n.UserId == u.Id && n.MailedAt == null && n.ReadAt == null)
                    // A teacher may have open questions or students behind without any notification.
                    || db.Memberships.Any(m => m.UserId == u.Id && m.Role == SeminarRole.Teacher)))
            .Select(u => new { u.Id, u.Email, u.TimeZone, u.DigestHour, u.LastDigestAt })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var user in candidates)
        {
            if (user.LastDigestAt is { } last && last > notSince) continue;
            if (TimeZoneInfo.ConvertTime(now, Zone(user.TimeZone)).Hour != user.DigestHour) continue;
            // Claimed first, in one statement: another instance checking at the same moment finds it taken.
            var claimed = await db.Users.Where(u => u.Id == user.Id && (u.LastDigestAt == null || u.LastDigestAt <= notSince))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastDigestAt, now), cancellationToken);
            if (claimed == 1 && await SendAsync(db, user.Id, user.Email!, Zone(user.TimeZone), now, cancellationToken)) sent++;
        }
        return sent;
    }

    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private async Task<bool> SendAsync(AnnotateDb db, string userId, string address, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Notifications.Where(n => n.UserId == userId && n.MailedAt == null && n.ReadAt == null)
            .OrderBy(n => n.Created).Take(MaxItems).AsNoTracking().ToListAsync(cancellationToken);
        var levels = await db.NotificationSettings.Where(s => s.UserId == userId).ToDictionaryAsync(s => s.SeminarId, s => s.Email, cancellationToken);
        var items = (await notifications.ItemsAsync(db, userId, rows, cancellationToken))
            .Where(i => i.Available && levels.GetValueOrDefault(i.SeminarId!.Value, NotificationLevel.Everything).Allows(i.Kind))
            .ToList();
        var teacher = await teaching.ForAsync(db, userId, zone, now, cancellationToken);
        var count = items.Count + teacher.Entries.Count;
        if (count == 0) return false;

        var ids = items.Select(i => i.Id).ToList();
        var subject = count == 1 ? "Your Annotate digest: 1 new item" : $"Your Annotate digest: {count} new items";
        var digest = MailLayout.Notice(address, subject, "Here is what happened in your seminars since your last digest.",
            [.. items.Select(mail.Entry), .. teacher.Entries], "You get this daily digest because of your Annotate notification settings.",
            mail.UnsubscribeLink(userId, MailOptOut.Digest)) with
        {
            // Every item is asked again at the moment of sending; if one is no longer for them, the whole mail waits
            // for tomorrow's digest, written again from what they may see then.
            StillAllowed = async token => await StillVisibleAsync(userId, ids, teacher.QuestionIds, token),
            Headers = mail.UnsubscribeHeaders(userId, MailOptOut.Digest),
        };
        if (!queue.Enqueue(digest)) return false;
        await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(set => set.SetProperty(n => n.MailedAt, now), cancellationToken);
        return true;
    }

    private async Task<bool> StillVisibleAsync(string userId, List<Guid> ids, IReadOnlyList<Guid> questionIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Notifications.Where(n => n.UserId == userId && ids.Contains(n.Id)).AsNoTracking().ToListAsync(cancellationToken);
        var visible = rows.Count == ids.Count && (await notifications.ItemsAsync(db, userId, rows, cancellationToken)).All(i => i.Available)
            && await teaching.StillOpenAsync(db, userId, questionIds, cancellationToken);
        if (!visible)
        {
            logger.LogInformation("A digest for {UserId} is held back: something in it is no longer theirs to see.", userId);
            await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(set => set.SetProperty(n => n.MailedAt, (DateTimeOffset?)null), cancellationToken);
        }
        return visible;
    }
}
