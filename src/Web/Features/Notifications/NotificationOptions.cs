namespace Annotate.Web.Features.Notifications;

/// <summary>The <c>Notifications</c> section.</summary>
internal sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the digest sender looks for digests due (each goes out within this many minutes of its hour).</summary>
    public double DigestCheckMinutes { get; set; } = 5;

    /// <summary>
    /// How often the notification worker looks in the outbox for what other instances wrote (their own writers wake
    /// it at once) and for what failed once.
    /// </summary>
    public double OutboxCheckSeconds { get; set; } = 30;

    /// <summary>The longest announcement a teacher may send.</summary>
    public const int MaxAnnouncement = 2_000;
}
