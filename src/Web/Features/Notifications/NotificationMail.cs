using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Notifications;
using Annotate.Shared.Text;
using Annotate.Web.Features.Email;
using Annotate.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// Notifications by mail: a mention or feedback at once, everything else in <see cref="DigestService"/>'s daily
/// digest. Only to a confirmed address, when mail is configured, the kind is not unsubscribed and the seminar's
/// e-mail setting lets it through. What a mail says is read as the recipient may see it, and asked again just
/// before every attempt to send it (<see cref="OutgoingMail.StillAllowed"/>). The in-app notification is stored
/// first: whatever happens to the mail, it stays.
/// </summary>
internal sealed class NotificationMail(IDbContextFactory<AnnotateDb> dbFactory, NotificationService notifications, MailQueue queue,
    UnsubscribeTokens tokens, IOptions<EmailOptions> email, IOptions<AppOptions> app, TimeProvider clock)
{
    /// <summary>A comment's words in a mail, at most this many characters.</summary>
    private const int WordsShown = 600;

    public bool IsOn => email.Value.IsConfigured && app.Value.NormalisedPublicOrigin is not null;

    /// <summary>
    /// Queues the mail of a mention or feedback; false when none is sent. <paramref name="done"/> runs once the mail
    /// was sent, refused or given up (not when the app stops first: the outbox row it removes then stays).
    /// </summary>
    public async Task<bool> SendNowAsync(Notification notification, Func<CancellationToken, Task>? done = null, CancellationToken cancellationToken = default)
    {
        if (!IsOn) return false;
        var optOut = notification.Kind == NotificationKind.Mention ? MailOptOut.Mentions : MailOptOut.Feedback;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RecipientAsync(db, notification.UserId, optOut, cancellationToken) is not { } address) return false;
        var level = await db.NotificationSettings.Where(s => s.UserId == notification.UserId && s.SeminarId == notification.SeminarId)
            .Select(s => (NotificationLevel?)s.Email).FirstOrDefaultAsync(cancellationToken) ?? NotificationLevel.Everything;
        if (!level.Allows(notification.Kind)) return false;
        if (await notifications.GetAsync(notification.UserId, notification.Id, cancellationToken) is not { Available: true } item) return false;

        var (userId, id) = (notification.UserId, notification.Id);
        var mail = MailLayout.Notice(address, item.Summary, item.Kind == NotificationKind.Mention ? "You were mentioned in a discussion." : "A teacher gave you feedback.",
            [Entry(item)], $"You get this mail because of your Annotate notification settings.", UnsubscribeLink(userId, optOut)) with
        {
            StillAllowed = async token => (await notifications.GetAsync(userId, id, token))?.Available == true,
            Headers = UnsubscribeHeaders(userId, optOut),
            Done = done,
        };
        if (!queue.Enqueue(mail)) return false;
        await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(set => set.SetProperty(n => n.MailedAt, clock.GetUtcNow()), cancellationToken);
        return true;
    }

    /// <summary>The confirmed address of the user, unless they turned <paramref name="optOut"/> off; null: no mail.</summary>
    internal static async Task<string?> RecipientAsync(AnnotateDb db, string userId, MailOptOut optOut, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId && u.EmailConfirmed && u.Email != null && (u.MailOptOuts & optOut) == 0)
            .Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);

    internal NoticeEntry Entry(NotificationItem item)
    {
        var words = item.Annotation is { } annotation ? MarkdownText.ToPlain(annotation.Body) : item.Text;
        if (words is { Length: > WordsShown }) words = words[..WordsShown].TrimEnd() + "…";
        return new NoticeEntry(item.Summary, item.Passage, words, Link(item.Href!));
    }

    /// <summary>A page of the app (<c>documents/3?thread=…</c>) as a link in a mail.</summary>
    internal Uri Link(string href) => new(Origin + "/" + href);

    internal Uri UnsubscribeLink(string userId, MailOptOut kind) => new($"{Origin}/unsubscribe?token={tokens.For(userId, kind)}");

    /// <summary>RFC 2369 and RFC 8058: a mail client's own "unsubscribe" button posts to the same link, no page needed.</summary>
    internal Dictionary<string, string> UnsubscribeHeaders(string userId, MailOptOut kind) => new()
    {
        ["List-Unsubscribe"] = $"<{UnsubscribeLink(userId, kind).AbsoluteUri}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };

    private string Origin => app.Value.NormalisedPublicOrigin ?? throw new InvalidOperationException("App:PublicOrigin is needed for links in e-mail (checked at start-up).");
}
