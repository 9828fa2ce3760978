using System.Text.RegularExpressions;

namespace Annotate.Shared.Text;

/// <summary>
/// Where an image in a comment would come from, told honestly before anyone follows it: a web address
/// (shown by its host), this site (a relative address), or nowhere a link may go (data:, javascript:
/// and every other scheme).
/// </summary>
internal static partial class ImageSource
{
    /// <summary>What a link to the image says it leads to, and the address to give it; null when it gets no link.</summary>
    public sealed record Target(string Href, string Place);

    public const string ThisSite = "this site";

    public static Target? Of(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        // Browsers read a backslash as a slash in web addresses: "/\host/x" leads to another host.
        var address = url.Trim().Replace('\\', '/');
        if (address.StartsWith("//", StringComparison.Ordinal)) address = "https:" + address;
        else if (!Scheme().IsMatch(address)) return new Target(url.Trim(), ThisSite);

        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IdnHost.Length > 0
            ? new Target(uri.AbsoluteUri, uri.IdnHost)
            : null;
    }

    // RFC 3986: a scheme is a letter, then letters, digits, "+", "-" or ".", then ":".
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
