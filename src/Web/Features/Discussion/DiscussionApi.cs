using System.Security.Claims;
using Annotate.Web.Features.Annotations;
using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Discussion;

internal static class DiscussionApi
{
    /// <summary>Optionally names the reply (its IRI or id) that answered a question.</summary>
    public sealed record AnsweredRequest(string? Reply);

    /// <summary>Someone who reacted, as readers of the annotation may see them.</summary>
    public sealed record ReactorDto(string Id, string Name);

    public static void MapDiscussionApi(this IEndpointRouteBuilder routes)
    {
        // Members who can see the annotation; what they may do to it is AnnotationPermissions' to say.
        var annotations = routes.MapGroup("/api/annotations/{id:guid}").RequireAuthorization().WithTags("Discussion");

        annotations.MapPost("/reactions/{kind}", (Guid id, string kind, HttpRequest request, ClaimsPrincipal user, ReactionService reactions) =>
            AnnotationsApi.MarkedAsync(reactions.SetAsync(user.UserId(), id, kind, on: true), request))
            .WithName("React").WithSummary("Upvotes, or says \"I have this question too\" (same-question); doing it twice counts once.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        annotations.MapDelete("/reactions/{kind}", (Guid id, string kind, HttpRequest request, ClaimsPrincipal user, ReactionService reactions) =>
            AnnotationsApi.MarkedAsync(reactions.SetAsync(user.UserId(), id, kind, on: false), request))
            .WithName("Unreact").WithSummary("Takes the caller's reaction back (nothing to take back is fine too).")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        annotations.MapGet("/reactions", async Task<Results<Ok<Dictionary<string, List<ReactorDto>>>, ProblemHttpResult>> (
            Guid id, HttpRequest request, ClaimsPrincipal user, ReactionService reactions) =>
        {
            var found = await reactions.GetAsync(user.UserId(), id);
            if (found.Value is not { } annotation) return Problems.For(found.Problem!);
            var origin = request.Origin();
            return TypedResults.Ok(ReactionKinds.All.ToDictionary(kind => kind, kind => annotation.Reactions.Where(r => r.Kind == kind)
                .Select(r => new ReactorDto(AnnotationJsonWriter.UserIri(origin, r.UserId), r.Name)).ToList()));
        }).WithName("ListReactions").WithSummary("Who reacted to an annotation, by kind (members of its seminar).");

        annotations.MapPost("/answered", async (Guid id, AnsweredRequest? body, HttpRequest request, ClaimsPrincipal user, AnnotationService service) =>
        {
            Guid? reply = null;
            if (!string.IsNullOrWhiteSpace(body?.Reply))
            {
                if (!Guid.TryParse(body.Reply.TrimEnd('/').Split('/')[^1], out var replyId))
                    return Problems.BadRequest("\"reply\" names the reply that answered the question: its id, or its IRI.");
                reply = replyId;
            }
            return await AnnotationsApi.MarkedAsync(service.SetAnsweredAsync(user.UserId(), id, answered: true, reply), request);
        }).WithName("MarkAnswered").WithSummary("The asker or a teacher marks a question answered, optionally naming the reply that answered it.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
        annotations.MapDelete("/answered", (Guid id, HttpRequest request, ClaimsPrincipal user, AnnotationService service) =>
            AnnotationsApi.MarkedAsync(service.SetAnsweredAsync(user.UserId(), id, answered: false), request))
            .WithName("ReopenQuestion").WithSummary("The asker or a teacher marks a question unanswered again.")
            .WithRateLimit(RateLimitPolicy.AnnotationWrites);
    }
}
