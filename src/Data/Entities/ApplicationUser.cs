using Microsoft.AspNetCore.Identity;

namespace Annotate.Data.Entities;

/// <summary>An account. The display name is what other readers see beside annotations.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>An IANA time zone (e.g. Asia/Ho_Chi_Minh): the daily digest comes at <see cref="DigestHour"/> there.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The hour of the day (0-23, in <see cref="TimeZone"/>) the digest is sent.</summary>
    public int DigestHour { get; set; } = 7;

    public MailOptOut MailOptOuts { get; set; }

    /// <summary>When the last digest went out (or was due and had nothing to say); null: never.</summary>
    public DateTimeOffset? LastDigestAt { get; set; }
}
