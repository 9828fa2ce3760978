namespace Annotate.Web;

internal static class RequestOrigin
{
    /// <summary>Scheme, host and path base the caller used: the base of every IRI we answer with.</summary>
    public static string Origin(this HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
