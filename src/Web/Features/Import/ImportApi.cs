using System.Security.Claims;
using Annotate.Shared;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Setup;
using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Import;

internal static class ImportApi
{
    public static void MapImportApi(this IEndpointRouteBuilder routes)
    {
        // Members of the document's seminar; what they import becomes theirs, attributed to its writers.
        // The file is the body, read as a stream by the importer.
        routes.MapPost("/api/documents/{documentId:int}/import", ImportAsync).RequireAuthorization().AcceptsJson<JsonNode>().WithTags("Import")
            .WithName("ImportAnnotations")
            .WithSummary("Imports W3C Web Annotation JSON-LD or Hypothesis API JSON into a document, placing each annotation by its quote.")
            .WithRateLimit(RateLimitPolicy.Import);
    }

    /// <summary>
    /// The answer: counts, the orphans kept (each with the IRI it was stored as), what was not stored and why,
    /// whether the file is known to be part of something larger, and the IRIs of what was stored.
    /// </summary>
    internal sealed record ImportAnswer(
        int Placed,
        int Fuzzy,
        int Orphaned,
        int Skipped,
        IReadOnlyList<ImportProblem> Rejected,
        IReadOnlyList<OrphanAnswer> Orphans,
        IReadOnlyList<ImportProblem> NotPlaced,
        string? Incomplete,
        IReadOnlyList<string> Imported)
    {
        /// <summary>Only when a locked vocabulary left tags off (see <see cref="Import.TagsDropped"/>).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public TagsDropped? TagsDropped { get; init; }
    }

    /// <summary>An orphan kept: its place in the file, its source id, why it is an orphan, and the annotation it is now.</summary>
    internal sealed record OrphanAnswer(int Index, string? Id, string Reason, string Annotation);

    private static async Task<Results<Ok<ImportAnswer>, ProblemHttpResult, TooManyRequests>> ImportAsync(
        int documentId, string? visibility, HttpRequest request, ClaimsPrincipal user, AnnotationImporter importer)
    {
        var chosen = Visibility.Seminar;
        if (visibility is not null && !VisibilityNames.TryParse(visibility, out chosen))
            return Problems.BadRequest(Words.Text("Import.UnknownVisibilityParameter", visibility, VisibilityNames.AllNames));

        // Refused before reading a byte when the client says how large it is; otherwise the importer stops reading at the limit.
        if (request.ContentLength > AnnotationImporter.MaxFileBytes)
            return Problems.TooLarge(Words.Text("Import.FileTooLarge"));

        var result = await importer.ImportAsync(user.UserId(), documentId, request.Body, chosen, cancellationToken: request.HttpContext.RequestAborted);
        if (result.Problem is { Failure: Failure.Busy } busy) return new TooManyRequests(busy.Message, ImportSlots.RetryAfter);
        if (result.Value is not { } report) return Problems.For(result.Problem!);
        var origin = request.Origin();
        return TypedResults.Ok(new ImportAnswer(report.Placed, report.Fuzzy, report.Orphaned, report.Skipped, report.Rejected,
            report.Orphans.Select(o => new OrphanAnswer(o.Index, o.Id, o.Reason, AnnotationJsonWriter.AnnotationIri(origin, o.AnnotationId!.Value))).ToList(),
            report.NotPlaced, report.Incomplete, report.Imported.Select(a => AnnotationJsonWriter.AnnotationIri(origin, a.Id)).ToList())
        {
            TagsDropped = report.TagsDropped,
        });
    }
}
