using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Annotate.Web.Setup;

/// <summary>
/// Keeps pages of other sites from acting with a reader's cookie, before any handler reads the request.
/// A browser sends a form (urlencoded, multipart, text/plain) or a body without a type to any site without
/// asking; JSON only after a CORS preflight, which this app never grants. So an API call's body must be
/// JSON, or multipart where the endpoint takes uploads (415 otherwise); a call signed in by the cookie must
/// come from one of our own pages (403 otherwise); and a cookie upload must carry the antiforgery token of
/// one of our pages (400 otherwise). Bearer clients hold no ambient credential: only the type rule is theirs.
/// </summary>
internal static class ApiRequestGuard
{
    private const string Json = "application/json";
    private const string JsonLd = "application/ld+json";
    private const string Multipart = "multipart/form-data";

    /// <summary>An endpoint that reads a JSON body itself (not through a bound parameter): a request without a type is refused too.</summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder builder) where TBody : notnull =>
        builder.Accepts<TBody>(Json, JsonLd);

    /// <summary>An endpoint that takes JSON or a multipart upload.</summary>
    public static RouteHandlerBuilder AcceptsJsonOrUpload<TBody>(this RouteHandlerBuilder builder) where TBody : notnull =>
        builder.Accepts<TBody>(Json, JsonLd, Multipart);

    /// <summary>After authentication and authorization, so that the caller is known and the signed-out get their 401 first.</summary>
    public static void UseApiRequestGuard(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api") && !IsSafe(context.Request.Method),
            branch => branch.Use(GuardAsync));

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        if (IsRoutersOwnRefusalToSomeoneSignedOut(context))
            await context.ChallengeAsync();
        else if (await RefusalAsync(context) is { } refusal)
            await refusal.ExecuteAsync(context);
        else
            await next(context);
    }

    private static async Task<ProblemHttpResult?> RefusalAsync(HttpContext context)
    {
        if (UnsupportedType(context) is { } unsupported) return unsupported;
        var request = context.Request;
        if (context.User.Identity?.IsAuthenticated != true || AuthSetup.IsBearerRequest(request)) return null;
        // Signed in by the cookie, which the browser adds whoever made the page.
        if (request.ComesFromAnotherOrigin())
            return Problems.Forbidden("This call came from a page of another site and was signed in only by your browser's cookie, so it was refused. " +
                "Programs call the API with a bearer token from /api/auth/login.");
        return request.HasFormContentType ? await AntiforgeryRefusalAsync(context) : null;
    }

    /// <summary>
    /// The router answers a type or method no endpoint takes with an endpoint of its own that carries no
    /// authorization, ahead of ours; the signed-out hear 401 first there too, as on every other /api route.
    /// </summary>
    private static bool IsRoutersOwnRefusalToSomeoneSignedOut(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true
        && !context.Request.Path.StartsWithSegments("/api/auth")
        && context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    private static ProblemHttpResult? UnsupportedType(HttpContext context)
    {
        var request = context.Request;
        var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        var takesBody = accepts is { ContentTypes.Count: > 0, IsOptional: false };
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        // A call without a body (resolve, delete) is judged only when something is sent anyway.
        if (request.ContentType is null && !hasBody && !takesBody) return null;

        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var uploads = accepts?.ContentTypes.Contains(Multipart, StringComparer.OrdinalIgnoreCase) == true;
        if (type is not null && (IsJson(type) || (uploads && type.Equals(Multipart, StringComparison.OrdinalIgnoreCase)))) return null;

        // One sentence for every call: when the router has already turned the type away, the endpoint (and what it takes) is not known here.
        var sent = request.ContentType is null ? "this request named none" : $"this request's was {type ?? "unreadable"}";
        return Problems.UnsupportedMediaType("Send the body as JSON (Content-Type: application/json or application/ld+json), " +
            $"or a file to a call that takes uploads as multipart/form-data; {sent}.");
    }

    /// <summary>The token of one of our pages, in the form field or the header; a malformed form is answered as such.</summary>
    private static async Task<ProblemHttpResult?> AntiforgeryRefusalAsync(HttpContext context)
    {
        // Read once here (the handler gets the same form), so that a malformed body is a 400 rather than an exception.
        if ((await context.Request.TryReadFormAsync()).Problem is { } unreadable) return unreadable;
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Problems.BadRequest("An upload signed in by your browser's cookie must carry the antiforgery token of one of this site's pages " +
                "(the __RequestVerificationToken form field or the RequestVerificationToken header), so that no other site can upload in your name. " +
                "Programs upload with a bearer token from /api/auth/login instead.");
        }
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || mediaType.Equals(JsonLd, StringComparison.OrdinalIgnoreCase);

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
