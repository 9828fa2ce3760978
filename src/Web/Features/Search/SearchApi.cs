using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Annotate.Web.Features.Annotations;
using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Search;

internal static class SearchApi
{
    /// <summary>A page of results (docs/api.md, "Search"); <see cref="Next"/> is the address of the next page, when there is one.</summary>
    public sealed record SearchResponse(string Query, int Total, int Offset, int Limit, string? Next, List<SearchItem> Items);

    /// <param name="Annotation">The annotation, as every other endpoint writes it.</param>
    /// <param name="Paragraph">The number of the paragraph its passage is in (a reply's: its thread's).</param>
    /// <param name="Passage">The quote of that passage where it stands now.</param>
    /// <param name="Context">The words of the paragraph before and after the passage.</param>
    public sealed record SearchItem(JsonObject Annotation, int DocumentId, string DocumentTitle, int? Paragraph, string? Passage, PassageContext? Context);

    public static void MapSearchApi(this IEndpointRouteBuilder routes)
    {
        // Members of the seminar searched; each result is further filtered by the visibility rule.
        var search = routes.MapGroup("/api/search").RequireAuthorization().WithTags("Search");
        search.MapGet("/", SearchAsync).WithName("Search")
            .WithSummary("Searches a seminar's annotations and replies the caller may see, newest first (q: words, \"phrases\", user:, tag:, quote:, group:, doc:, is:, - to negate).")
            .WithRateLimit(RateLimitPolicy.Search);
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        string? q, string? seminar, string? limit, string? offset, HttpRequest request, ClaimsPrincipal user, SearchService service)
    {
        if (!int.TryParse(seminar, NumberStyles.None, CultureInfo.InvariantCulture, out var seminarId))
            return Problems.BadRequest("Say which seminar to search: ?seminar= and its id (a number), as GET /api/seminars lists them.");
        if (Number(limit, SearchService.DefaultLimit) is not { } size) return Problems.BadRequest(NotANumber("limit"));
        if (Number(offset, 0) is not { } skip) return Problems.BadRequest(NotANumber("offset"));

        var result = await service.SearchAsync(user.UserId(), seminarId, q, size, skip, request.HttpContext.RequestAborted);
        if (result.Value is not { } page) return Problems.For(result.Problem!);
        var origin = request.Origin();
        var next = page.HasMore
            ? $"{origin}/api/search?q={Uri.EscapeDataString(q!)}&seminar={seminarId}&limit={page.Limit}&offset={page.Offset + page.Items.Count}"
            : null;
        return TypedResults.Ok(new SearchResponse(page.Query.ToString(), page.Total, page.Offset, page.Limit, next, page.Items.Select(hit => new SearchItem(
            AnnotationJsonWriter.Write(hit.Annotation, origin), hit.DocumentId, hit.DocumentTitle, hit.Paragraph, hit.Passage,
            hit.Passage is null ? null : hit.Context)).ToList()));
    }

    /// <summary>The number given, the default when none is, or null when what is given is not a whole number.</summary>
    private static int? Number(string? given, int fallback) =>
        string.IsNullOrEmpty(given) ? fallback
            : int.TryParse(given, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string NotANumber(string name) => $"{name} must be a whole number.";
}
