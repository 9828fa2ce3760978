using System.Security.Cryptography;
using Annotate.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Annotate.Web.Resources;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// The token in a mail's unsubscribe link: the recipient and the kind of mail, sealed with the app's Data
/// Protection keys (shared by every instance, kept in the database), so a link works without signing in and
/// nobody can write one for another account or another kind.
/// </summary>
internal sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Annotate.Notifications.Unsubscribe.v1");

    public string For(string userId, MailOptOut kind) =>
        WebEncoders.Base64UrlEncode(protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{(int)kind}\n{userId}")));

    /// <summary>Who and what the token says, or null for anything this app did not seal (forged, cut short, altered).</summary>
    public (string UserId, MailOptOut Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2_000) return null;
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = text.Split('\n', 2);
            return parts.Length == 2 && int.TryParse(parts[0], out var kind) && kind is (int)MailOptOut.Mentions or (int)MailOptOut.Feedback or (int)MailOptOut.Digest
                ? (parts[1], (MailOptOut)kind)
                : null;
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>How the page and the one-click answer name each kind.</summary>
    public static string Describe(MailOptOut kind, IStringLocalizer<Strings> localizer) => kind switch
    {
        MailOptOut.Mentions => localizer["Notify.UnsubscribeKindMentions"],
        MailOptOut.Feedback => localizer["Notify.UnsubscribeKindFeedback"],
        _ => localizer["Notify.UnsubscribeKindDigest"],
    };
}
