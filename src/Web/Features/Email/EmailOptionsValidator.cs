using Annotate.Web.Setup;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Annotate.Web.Features.Email;

/// <summary>
/// Checked at start-up: a mistake in the mail settings would otherwise show only when someone waits in
/// vain for a confirmation link. Each sentence names the setting, what it holds and what would do.
/// </summary>
internal sealed class EmailOptionsValidator(IOptions<AppOptions> app) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var smtp = options.Smtp;
        var failures = new List<string>();
        if (smtp.Port is < 0 or > 65_535)
            failures.Add($"Email:Smtp:Port is {smtp.Port}, which is not a port: give one from 1 to 65535, or leave it out for the usual one (587 with StartTls, 465 with SslOnConnect, 25 with None).");
        if (smtp.SecurityMode is null)
            failures.Add($"Email:Smtp:Security is \"{smtp.Security}\": it must be None, StartTls or SslOnConnect.");
        if (!string.IsNullOrWhiteSpace(options.From) && ParseFrom(options.From) is null)
            failures.Add($"Email:From is \"{options.From}\", which is not an e-mail address: write it as annotate@example.org or \"Annotate <annotate@example.org>\".");
        if (string.IsNullOrEmpty(smtp.User) != string.IsNullOrEmpty(smtp.Password))
            failures.Add("Email:Smtp:User and Email:Smtp:Password go together: give both to sign in to the SMTP server, or neither.");
        if (smtp.TimeoutSeconds <= 0)
            failures.Add($"Email:Smtp:TimeoutSeconds is {smtp.TimeoutSeconds}: it must be above zero.");
        if (options.QueueCapacity < 1)
            failures.Add($"Email:QueueCapacity is {options.QueueCapacity}: at least one mail must be able to wait.");
        if (options.Attempts < 1)
            failures.Add($"Email:Attempts is {options.Attempts}: at least one attempt is needed to send anything.");
        if (options.AccountMailsPerHour < 0)
            failures.Add($"Email:AccountMailsPerHour is {options.AccountMailsPerHour}: give a number of mails, or 0 for no cap.");
        if (options.RetrySeconds < 0)
            failures.Add($"Email:RetrySeconds is {options.RetrySeconds}: a wait cannot be negative.");

        if (options.IsConfigured)
        {
            if (string.IsNullOrWhiteSpace(options.From))
                failures.Add("Email:Smtp:Host is set but Email:From is not: give the address the mail comes from, e.g. annotate@example.org.");
            if (string.IsNullOrWhiteSpace(app.Value.PublicOrigin))
                failures.Add("Email:Smtp:Host is set but App:PublicOrigin is not: give the address people open the app at (e.g. https://annotate.example.org), so that links in e-mail lead there.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The sender as a mailbox with a domain, or null ("annotate" alone is no address).</summary>
    public static MailboxAddress? ParseFrom(string? from) =>
        MailboxAddress.TryParse(from?.Trim(), out var mailbox) && mailbox.Address.IndexOf('@') is > 0 and var at && at < mailbox.Address.Length - 1
            ? mailbox
            : null;
}
