namespace Annotate.Web.Features.Email;

/// <summary>
/// The <c>Email</c> section. With <c>Email:Smtp:Host</c> set the app sends mail (account confirmation,
/// password reset, change of address) through that relay from <see cref="From"/>; without it, none at all.
/// </summary>
internal sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, an address or <c>Name &lt;address&gt;</c>.</summary>
    public string? From { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Mails waiting to be sent; a request that finds the queue full is not held up, its mail is dropped and logged.</summary>
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Attempts at one mail, the first included, before it is logged as given up.</summary>
    public int Attempts { get; set; } = 6;

    /// <summary>The wait before the second attempt; each later wait is twice the one before (30 s, 1, 2, 4, 8 min).</summary>
    public double RetrySeconds { get; set; } = 30;

    /// <summary>
    /// Account mails (confirm, reset, new address) to one address in an hour; more are not sent (and logged).
    /// Anyone can ask for those mails for any address, so without a cap the app could be used to flood a
    /// mailbox. 0: no cap.
    /// </summary>
    public int AccountMailsPerHour { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan DelayAfter(int attempt) => TimeSpan.FromSeconds(RetrySeconds * Math.Pow(2, attempt - 1));
}
