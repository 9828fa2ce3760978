using System.Security.Claims;
using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Tags;

internal static class TagsApi
{
    public sealed record TaggingRequest(bool? Locked);

    public static void MapTagsApi(this IEndpointRouteBuilder routes)
    {
        // Members read the vocabulary; its teachers change it (the service says who, 404 for non-members).
        var group = routes.MapGroup("/api/seminars/{id:int}").RequireAuthorization().WithTags("Tags");

        group.MapGet("/tags", async Task<Results<Ok<List<TagEntry>>, ProblemHttpResult>> (int id, ClaimsPrincipal user, TagVocabulary tags) =>
            Problems.OkOr(await tags.ListAsync(user.UserId(), id)))
            .WithName("ListTags").WithSummary("The seminar's tag vocabulary.");
        group.MapPost("/tags", async Task<Results<Created<TagEntry>, ProblemHttpResult>> (int id, TagInput input, ClaimsPrincipal user, TagVocabulary tags) =>
        {
            var added = await tags.AddAsync(user.UserId(), id, input);
            return added.Value is { } tag ? TypedResults.Created($"/api/seminars/{id}/tags/{tag.Id}", tag) : Problems.For(added.Problem!);
        }).WithName("AddTag").WithSummary("Adds a tag to the vocabulary (teachers).").WithRateLimit(RateLimitPolicy.AnnotationWrites);
        group.MapPut("/tags/{tagId:int}", async Task<Results<Ok<TagEntry>, ProblemHttpResult>> (int id, int tagId, TagInput input, ClaimsPrincipal user, TagVocabulary tags) =>
            Problems.OkOr(await tags.UpdateAsync(user.UserId(), id, tagId, input)))
            .WithName("UpdateTag").WithSummary("Changes a tag; a new name is given to the annotations that carry it (teachers).")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        group.MapDelete("/tags/{tagId:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, int tagId, ClaimsPrincipal user, TagVocabulary tags) =>
            Problems.NoContentOr(await tags.DeleteAsync(user.UserId(), id, tagId)))
            .WithName("DeleteTag").WithSummary("Takes a tag out of the vocabulary; annotations keep it (teachers).")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);

        group.MapGet("/tagging", async Task<Results<Ok<Tagging>, ProblemHttpResult>> (int id, ClaimsPrincipal user, TagVocabulary tags) =>
            Problems.OkOr(await tags.TaggingAsync(user.UserId(), id)))
            .WithName("GetTagging").WithSummary("Whether the vocabulary is locked, and tags in use that it lacks.");
        group.MapPut("/tagging", async Task<Results<NoContent, ProblemHttpResult>> (int id, TaggingRequest request, ClaimsPrincipal user, TagVocabulary tags) =>
            request.Locked is { } locked
                ? Problems.NoContentOr(await tags.SetLockedAsync(user.UserId(), id, locked))
                : Problems.BadRequest("Say whether the tags are locked: {\"locked\": true} or {\"locked\": false}."))
            .WithName("SetTagging").WithSummary("Locks the vocabulary (only its tags may be used) or unlocks it (teachers).")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
    }
}
