namespace Annotate.Web;

internal static class RequestOrigin
{
    /// <summary>Scheme, host and path base the caller used: the base of every IRI we answer with.</summary>
    public static string Origin(this HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// <c>scheme://host[:port]</c> in lower case with the default port left out, as browsers write the
    /// Origin header; null for anything that is not an http(s) origin (a path, "null", a bare host).
    /// </summary>
    public static string? NormaliseOrigin(string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    /// <summary>The origin this request was made to (scheme, host, port), so a page of ours sends it as its Origin.</summary>
    public static string? OwnOrigin(this HttpRequest request) =>
        request.Host.HasValue ? NormaliseOrigin($"{request.Scheme}://{request.Host}") : null;

    /// <summary>The request says a page of another origin made it: its Origin is not ours (or is "null"), or the browser says cross-site.</summary>
    public static bool ComesFromAnotherOrigin(this HttpRequest request)
    {
        if (request.Headers.Origin.Count > 0)
        {
            var sent = NormaliseOrigin(request.Headers.Origin.ToString());
            if (sent is null || sent != request.OwnOrigin()) return true;
        }
        // Browsers add Sec-Fetch-Site to every request; "same-site" is a sibling host, which the cookie's SameSite=Lax does not keep out.
        return request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";
    }
}
