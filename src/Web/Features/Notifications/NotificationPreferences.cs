using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Notifications;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// What a person wants to hear: per seminar, in the app and by mail (<see cref="NotificationLevel"/>); which mails
/// they turned off; and when their digest comes (an hour in their time zone). The settings page and the API both
/// come here; so does a mail's unsubscribe link.
/// </summary>
internal sealed class NotificationPreferences(IDbContextFactory<AnnotateDb> dbFactory, NotificationMail mail)
{
    public sealed record SeminarChoice(int SeminarId, string SeminarName, NotificationLevel InApp, NotificationLevel Email);

    /// <param name="MailOn">Whether this installation sends mail at all (<c>Email:Smtp:Host</c>).</param>
    /// <param name="AddressConfirmed">Mail goes only to a confirmed address.</param>
    public sealed record Settings(string TimeZone, int DigestHour, MailOptOut OptOuts, bool MailOn, string? Address, bool AddressConfirmed, IReadOnlyList<SeminarChoice> Seminars);

    public async Task<Settings?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.TimeZone, u.DigestHour, u.MailOptOuts, u.Email, u.EmailConfirmed }).FirstOrDefaultAsync(cancellationToken);
        if (user is null) return null;
        var chosen = await db.NotificationSettings.Where(s => s.UserId == userId).ToDictionaryAsync(s => s.SeminarId, cancellationToken);
        var seminars = await db.Memberships.Where(m => m.UserId == userId)
            .Select(m => new { m.SeminarId, m.Seminar!.Name }).ToListAsync(cancellationToken);
        var defaults = new NotificationSetting();
        return new Settings(user.TimeZone, user.DigestHour, user.MailOptOuts, mail.IsOn, user.Email, user.EmailConfirmed,
            seminars.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(s => chosen.TryGetValue(s.SeminarId, out var c)
                    ? new SeminarChoice(s.SeminarId, s.Name, c.InApp, c.Email)
                    : new SeminarChoice(s.SeminarId, s.Name, defaults.InApp, defaults.Email))
                .ToList());
    }

    public async Task<ServiceResult> SetSeminarAsync(string userId, int seminarId, NotificationLevel inApp, NotificationLevel email)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId && m.SeminarId == seminarId))
            return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        var setting = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == userId && s.SeminarId == seminarId);
        if (setting is null) db.NotificationSettings.Add(setting = new NotificationSetting { UserId = userId, SeminarId = seminarId });
        setting.InApp = inApp;
        setting.Email = email;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Chosen at the same moment in another tab, or left the seminar meanwhile: the other answer stands.
            return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        }
        return ServiceResult.Done;
    }

    public async Task<ServiceResult> SetAccountAsync(string userId, string? timeZone, int digestHour, MailOptOut optOuts)
    {
        var zone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            return ServiceProblem.Invalid(Words.Text("Problem.UnknownZone", zone));
        if (digestHour is < 0 or > 23)
            return ServiceProblem.Invalid(Words.Text("Problem.DigestHour"));
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.TimeZone, zone)
            .SetProperty(u => u.DigestHour, digestHour)
            .SetProperty(u => u.MailOptOuts, optOuts & (MailOptOut.Mentions | MailOptOut.Feedback | MailOptOut.Digest)));
        return ServiceResult.Done;
    }

    /// <summary>A mail's unsubscribe link: that kind of mail stops for that account. Doing it twice is doing it once.</summary>
    public async Task<bool> UnsubscribeAsync(string userId, MailOptOut kind)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null) return false;
        user.MailOptOuts |= kind;
        await db.SaveChangesAsync();
        return true;
    }
}
