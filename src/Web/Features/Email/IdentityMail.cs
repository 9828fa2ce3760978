using System.Net;
using System.Threading.RateLimiting;
using Annotate.Data.Entities;
using Annotate.Web.Resources;
using Annotate.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Email;

/// <summary>
/// Identity's mails (confirm an account, confirm a new address, reset a password), queued for sending, so
/// the page or API call that asked answers at once. Each carries only the recipient's own link or code and
/// words of ours: no text a stranger chose (a display name, say) reaches an address not yet confirmed.
/// Links are rebuilt on <see cref="AppOptions.PublicOrigin"/>, whatever Host the request named. Each is written in
/// the recipient's language (<see cref="MailLanguage"/>), not in that of the page that asked.
/// </summary>
internal sealed class IdentityMail(
    MailQueue queue, MailLanguage language, IOptions<EmailOptions> options, IOptions<AppOptions> app, IOptions<DataProtectionTokenProviderOptions> tokens, ILogger<IdentityMail> logger)
    : IEmailSender<ApplicationUser>, IDisposable
{
    private readonly PartitionedRateLimiter<string> perRecipient = PartitionedRateLimiter.Create<string, string>(address =>
        options.Value.AccountMailsPerHour == 0
            ? RateLimitPartition.GetNoLimiter(address)
            : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.AccountMailsPerHour,
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
            }));

    public async Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
    {
        using var _ = new InCulture(await language.OfAsync(user.Id));
        var link = OnPublicOrigin(confirmationLink);
        // The Manage email page links to ConfirmEmailChange; the API's confirmEmail says changedEmail.
        var change = link.AbsolutePath.EndsWith("/Account/ConfirmEmailChange", StringComparison.OrdinalIgnoreCase)
            || QueryHelpers.ParseQuery(link.Query).ContainsKey("changedEmail");
        Enqueue(change
            ? MailLayout.WithLink(email, Words.Text("Mail.ChangeSubject", MailLayout.AppName),
                [Words.Text("Mail.ChangeLead", email, MailLayout.AppName)],
                Words.Text("Mail.ChangeAction"), link,
                [Words.Text("Mail.LinkWorksFor", Lifespan), Words.Text("Mail.ChangeIgnore")])
            : MailLayout.WithLink(email, Words.Text("Mail.ConfirmSubject", MailLayout.AppName),
                [Words.Text("Mail.ConfirmLead", MailLayout.AppName, email)],
                Words.Text("Mail.ConfirmAction"), link,
                [Words.Text("Mail.LinkWorksFor", Lifespan), Words.Text("Mail.ConfirmIgnore")]));
    }

    public async Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
    {
        using var _ = new InCulture(await language.OfAsync(user.Id));
        Enqueue(MailLayout.WithLink(email, Words.Text("Mail.ResetSubject", MailLayout.AppName),
            [Words.Text("Mail.ResetLead", MailLayout.AppName, email)],
            Words.Text("Mail.ResetAction"), OnPublicOrigin(resetLink),
            [Words.Text("Mail.LinkWorksOnce", Lifespan), Words.Text("Mail.ResetIgnore")]));
    }

    /// <summary>For <c>POST /api/auth/forgotPassword</c>: a code the client sends back with the new password.</summary>
    public async Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode)
    {
        using var _ = new InCulture(await language.OfAsync(user.Id));
        Enqueue(MailLayout.WithCode(email, Words.Text("Mail.ResetSubject", MailLayout.AppName),
            [Words.Text("Mail.ResetLead", MailLayout.AppName, email)],
            Words.Text("Mail.ResetCodeLabel"), resetCode,
            [Words.Text("Mail.CodeWorksOnce", Lifespan), Words.Text("Mail.ResetIgnore")]));
    }

    public void Dispose() => perRecipient.Dispose();

    /// <summary>
    /// Queues the mail unless its address had its hour's share already. The page or call that asked answers
    /// the same either way, so the cap tells no one anything about the address.
    /// </summary>
    private void Enqueue(OutgoingMail mail)
    {
        using var permit = perRecipient.AttemptAcquire(mail.To.Trim().ToUpperInvariant());
        if (permit.IsAcquired)
        {
            queue.Enqueue(mail);
            return;
        }
        logger.LogWarning("Not sending \"{Subject}\" to {To}: it had {Limit} account mails in the last hour already (Email:AccountMailsPerHour).",
            mail.Subject, mail.To, options.Value.AccountMailsPerHour);
    }

    private string Lifespan => Describe(tokens.Value.TokenLifespan);

    /// <summary>
    /// Identity hands over links HTML-encoded (its template put them straight into markup); this is the real
    /// address, moved to the public origin. The path keeps the request's path base.
    /// </summary>
    private Uri OnPublicOrigin(string encodedLink)
    {
        var given = new Uri(WebUtility.HtmlDecode(encodedLink), UriKind.Absolute);
        var origin = new Uri(app.Value.NormalisedPublicOrigin
            ?? throw new InvalidOperationException("App:PublicOrigin is needed to write links in e-mail (checked at start-up)."));
        return new UriBuilder(given) { Scheme = origin.Scheme, Host = origin.Host, Port = origin.Port }.Uri;
    }

    internal static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays % 1 == 0 => Count((int)span.TotalDays, "Mail.OneDay", "Mail.Days"),
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => Count((int)span.TotalHours, "Mail.OneHour", "Mail.Hours"),
        _ => Count((int)Math.Ceiling(span.TotalMinutes), "Mail.OneMinute", "Mail.Minutes"),
    };

    /// <summary>One entry per plural form: "one day", "3 days" (Vietnamese reads both alike).</summary>
    private static string Count(int n, string one, string many) => n == 1 ? Words.Text(one) : Words.Text(many, n);
}
