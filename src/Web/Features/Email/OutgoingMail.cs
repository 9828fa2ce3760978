namespace Annotate.Web.Features.Email;

/// <summary>
/// One mail for <see cref="MailQueue"/>: a recipient, a subject and the same message twice, as plain text
/// and as HTML (sent as multipart/alternative). Build both with <see cref="MailLayout"/>.
/// </summary>
internal sealed record OutgoingMail(string To, string Subject, string Text, string Html)
{
    /// <summary>
    /// Asked just before every attempt, retries included: false, and the mail is dropped unsent. A mail about
    /// something (a reply, a thread) checks here that its recipient may still see it at the moment of sending,
    /// not only when it was queued. Identity's mails need no check: they carry only the recipient's own link.
    /// </summary>
    public Func<CancellationToken, Task<bool>>? StillAllowed { get; init; }

    /// <summary>
    /// Runs once the mail is finished with: sent, no longer allowed, or given up. Not when the app stops first, so
    /// that a mail kept in the notification outbox is sent after the restart.
    /// </summary>
    public Func<CancellationToken, Task>? Done { get; init; }

    /// <summary>Headers of its own (<c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> on notification mail).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
