using System.Net;
using System.Threading.RateLimiting;
using Annotate.Data.Entities;
using Annotate.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Email;

/// <summary>
/// Identity's mails (confirm an account, confirm a new address, reset a password), queued for sending, so
/// the page or API call that asked answers at once. Each carries only the recipient's own link or code and
/// words of ours: no text a stranger chose (a display name, say) reaches an address not yet confirmed.
/// Links are rebuilt on <see cref="AppOptions.PublicOrigin"/>, whatever Host the request named.
/// </summary>
internal sealed class IdentityMail(
    MailQueue queue, IOptions<EmailOptions> options, IOptions<AppOptions> app, IOptions<DataProtectionTokenProviderOptions> tokens, ILogger<IdentityMail> logger)
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

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
    {
        var link = OnPublicOrigin(confirmationLink);
        // The Manage email page links to ConfirmEmailChange; the API's confirmEmail says changedEmail.
        var change = link.AbsolutePath.EndsWith("/Account/ConfirmEmailChange", StringComparison.OrdinalIgnoreCase)
            || QueryHelpers.ParseQuery(link.Query).ContainsKey("changedEmail");
        Enqueue(change
            ? MailLayout.WithLink(email, $"Confirm your new e-mail address for {MailLayout.AppName}",
                [$"Someone, probably you, asked to use this address, {email}, for their {MailLayout.AppName} account instead of the one it has. The change is made when you confirm it; until then nothing changes."],
                "Use this address", link,
                [$"The link works for {Lifespan}.", "If you did not ask for this, ignore this mail: no account will use this address."])
            : MailLayout.WithLink(email, $"Confirm your e-mail address for {MailLayout.AppName}",
                [$"Someone, probably you, made an {MailLayout.AppName} account with this address, {email}. Confirm that the address is yours, so that it can be used to sign in and to reset a forgotten password."],
                "Confirm my address", link,
                [$"The link works for {Lifespan}.", "If you did not make this account, ignore this mail: the address stays unconfirmed."]));
        return Task.CompletedTask;
    }

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
    {
        Enqueue(MailLayout.WithLink(email, $"Reset your {MailLayout.AppName} password",
            [$"Someone, probably you, asked to reset the password of the {MailLayout.AppName} account with this address, {email}."],
            "Choose a new password", OnPublicOrigin(resetLink),
            [$"The link works once, for {Lifespan}.", "If you did not ask for this, ignore this mail: your password stays as it is."]));
        return Task.CompletedTask;
    }

    /// <summary>For <c>POST /api/auth/forgotPassword</c>: a code the client sends back with the new password.</summary>
    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode)
    {
        Enqueue(MailLayout.WithCode(email, $"Reset your {MailLayout.AppName} password",
            [$"Someone, probably you, asked to reset the password of the {MailLayout.AppName} account with this address, {email}."],
            "Give this code with your new password", resetCode,
            [$"The code works once, for {Lifespan}.", "If you did not ask for this, ignore this mail: your password stays as it is."]));
        return Task.CompletedTask;
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
        { TotalDays: >= 1 } when span.TotalDays % 1 == 0 => Count((int)span.TotalDays, "day"),
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => Count((int)span.TotalHours, "hour"),
        _ => Count((int)Math.Ceiling(span.TotalMinutes), "minute"),
    };

    private static string Count(int n, string unit) => n == 1 ? $"one {unit}" : $"{n} {unit}s";
}
