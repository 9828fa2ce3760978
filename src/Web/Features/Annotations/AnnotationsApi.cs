using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annotate.Web.Features.Documents;
using Annotate.Web.Setup;
using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Annotations;

internal static class AnnotationsApi
{
    private const string JsonLd = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    public static void MapAnnotationsApi(this IEndpointRouteBuilder routes)
    {
        // Members of the document's seminar; each annotation is further filtered by the visibility rule.
        var byDocument = routes.MapGroup("/api/documents/{documentId:int}/annotations").RequireAuthorization().WithTags("Annotations");
        byDocument.MapPost("/", CreateAsync).AcceptsJson<JsonObject>().WithName("CreateAnnotation").WithSummary("Annotates a passage, or replies to an annotation.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        byDocument.MapGet("/", ListAsync).WithName("ListAnnotations").WithSummary("The annotations of a document the caller may see.");

        var annotations = routes.MapGroup("/api/annotations").RequireAuthorization().WithTags("Annotations");
        annotations.MapGet("/{id:guid}", GetAsync).WithName("GetAnnotation").WithSummary("One annotation the caller may see, with its ETag.");
        annotations.MapPut("/{id:guid}", UpdateAsync).AcceptsJson<JsonObject>().WithName("UpdateAnnotation").WithSummary("Replaces an annotation; send If-Match with its ETag.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        annotations.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAnnotation").WithSummary("Deletes an annotation (its author or a teacher); a thread goes with its replies.").WithRateLimit(RateLimitPolicy.AnnotationWrites);

        // Teachers' marks on a thread or an annotation: not edits, so they need no ETag.
        annotations.MapPost("/{id:guid}/resolved", (Guid id, HttpRequest request, ClaimsPrincipal user, AnnotationService service) =>
            MarkedAsync(service.SetResolvedAsync(user.UserId(), id, true), request)).WithName("ResolveThread").WithSummary("A teacher marks a thread resolved.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        annotations.MapDelete("/{id:guid}/resolved", (Guid id, HttpRequest request, ClaimsPrincipal user, AnnotationService service) =>
            MarkedAsync(service.SetResolvedAsync(user.UserId(), id, false), request)).WithName("ReopenThread").WithSummary("A teacher opens a resolved thread again.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        annotations.MapPost("/{id:guid}/exemplary", (Guid id, HttpRequest request, ClaimsPrincipal user, AnnotationService service) =>
            MarkedAsync(service.SetExemplaryAsync(user.UserId(), id, true), request)).WithName("MarkExemplary").WithSummary("A teacher marks an annotation as exemplary.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        annotations.MapDelete("/{id:guid}/exemplary", (Guid id, HttpRequest request, ClaimsPrincipal user, AnnotationService service) =>
            MarkedAsync(service.SetExemplaryAsync(user.UserId(), id, false), request)).WithName("UnmarkExemplary").WithSummary("A teacher takes the exemplary mark back.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
    }

    internal static async Task<IResult> MarkedAsync(Task<ServiceResult<AnnotationView>> marking, HttpRequest request)
    {
        var result = await marking;
        if (result.Value is not { } marked) return Problems.For(result.Problem!);
        return new JsonLdResult(AnnotationJsonWriter.Write(marked, request.Origin()), etag: marked.ETag);
    }

    private static async Task<IResult> CreateAsync(int documentId, HttpRequest request, ClaimsPrincipal user, ReaderAccess access, AnnotationService service)
    {
        var origin = request.Origin();
        // One access lookup for the request: the service writes with the access checked here.
        if (await access.ForDocumentAsync(user.UserId(), documentId) is not { } reader)
            return Problems.NotFound(ReaderAccess.NoSuchDocument);
        var (draft, error) = await ReadDraftAsync(request, origin, documentId);
        if (draft is null) return Problems.BadRequest(error!);

        var result = await service.CreateAsync(reader, draft);
        if (result.Value is not { } created) return Problems.For(result.Problem!);
        var location = AnnotationJsonWriter.AnnotationIri(origin, created.Id);
        return new JsonLdResult(WithWarnings(AnnotationJsonWriter.Write(created, origin), created), StatusCodes.Status201Created, created.ETag, location);
    }

    private static async Task<IResult> ListAsync(int documentId, HttpRequest request, ClaimsPrincipal user, ReaderAccess access, DiscussionSearch search, DocumentService documents)
    {
        if (await access.ForDocumentAsync(user.UserId(), documentId) is not { } reader || await documents.GetTitleAsync(documentId) is not { } title)
            return Problems.NotFound(ReaderAccess.NoSuchDocument);
        // Search (?q=words, ?tag=name, ?creator=user id) narrows what the caller may see, never more.
        var query = request.Query;
        var terms = new DiscussionSearch.Terms(query["q"], query["tag"], ((string?)query["creator"])?.Split('/')[^1]);
        var visible = await search.FindAsync(reader, terms, request.HttpContext.RequestAborted);
        return new JsonLdResult(AnnotationJsonWriter.WriteCollection(visible, request.Origin(), documentId, $"Annotations on {title}"));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpRequest request, ClaimsPrincipal user, AnnotationService service)
    {
        if (await service.GetVisibleAsync(user.UserId(), id) is not { } found)
            return Problems.NotFound(AnnotationService.NoSuchAnnotation);
        return new JsonLdResult(AnnotationJsonWriter.Write(found.Annotation, request.Origin()), etag: found.Annotation.ETag);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpRequest request, ClaimsPrincipal user, AnnotationService service)
    {
        if (await service.GetVisibleAsync(user.UserId(), id) is not { } found)
            return Problems.NotFound(AnnotationService.NoSuchAnnotation);
        // Replacing names the version replaced (RFC 6585), so an edit made meanwhile is never overwritten unseen.
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0)
            return Problems.PreconditionRequired("Send If-Match with the annotation's ETag (from GET or from your last change), so that no one's edit is overwritten unseen.");
        if (ifMatch == "*")
            return Problems.PreconditionRequired("If-Match: * says only that the annotation exists, not which version you changed, so it is no licence to overwrite. " +
                "Send If-Match with the annotation's ETag (from GET or from your last change).");
        if (!int.TryParse(ifMatch.Replace("W/", "").Trim('"'), out var expectedVersion))
            return Problems.PreconditionFailed("If-Match does not hold an ETag of this annotation. GET it again and use its ETag.");
        var origin = request.Origin();
        var (draft, error) = await ReadDraftAsync(request, origin, found.Annotation.DocumentId);
        if (draft is null) return Problems.BadRequest(error!);

        var result = await service.UpdateAsync(user.UserId(), id, draft, expectedVersion);
        if (result.Value is not { } updated) return Problems.For(result.Problem!);
        return new JsonLdResult(WithWarnings(AnnotationJsonWriter.Write(updated, origin), updated), etag: updated.ETag);
    }

    /// <summary>
    /// The writer's answer tells them whom their mentions did not reach (docs/api.md): the annotation is stored either
    /// way, so this is a warning in a 201 or 200, not a problem.
    /// </summary>
    private static JsonObject WithWarnings(JsonObject json, AnnotationView written)
    {
        if (written.MentionWarnings.Count == 0) return json;
        json["warnings"] = new JsonArray([.. written.MentionWarnings.Select(w => (JsonNode)new JsonObject
        {
            ["type"] = "mention-not-notified",
            ["userId"] = w.UserId,
            ["name"] = w.Name,
            ["detail"] = w.Detail,
        })]);
        return json;
    }

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal user, AnnotationService service)
    {
        var result = await service.DeleteAsync(user.UserId(), id);
        return result.Succeeded ? TypedResults.NoContent() : Problems.For(result.Problem!);
    }

    private static async Task<(AnnotationDraft? Draft, string? Error)> ReadDraftAsync(HttpRequest request, string origin, int documentId)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return AnnotationJsonReader.Read(json.RootElement, origin, documentId);
        }
        catch (JsonException exception)
        {
            return (null, $"The request body is not valid JSON ({exception.Message.Split('.')[0]}).");
        }
    }

    /// <summary>Writes W3C JSON-LD with its media type, and the ETag and Location when there are any.</summary>
    private sealed class JsonLdResult(JsonNode json, int status = StatusCodes.Status200OK, string? etag = null, string? location = null) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = JsonLd;
            if (etag is not null) context.Response.Headers.ETag = etag;
            if (location is not null) context.Response.Headers.Location = location;
            await context.Response.WriteAsync(json.ToJsonString());
        }
    }
}
