using System.Security.Claims;
using Annotate.Web.Features.Annotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Feedback;

internal static class FeedbackApi
{
    public sealed record FeedbackDto(string Id, string Thread, int DocumentId, string DocumentTitle, string SeminarName,
        string? Passage, int? Paragraph, string Author, string Body, DateTimeOffset Created, bool Unread);
    public sealed record MarkReadRequest(List<Guid>? Ids);

    public static void MapFeedbackApi(this IEndpointRouteBuilder routes)
    {
        var feedback = routes.MapGroup("/api/feedback").RequireAuthorization().WithTags("Feedback");

        feedback.MapGet("/", async (HttpRequest request, ClaimsPrincipal user, FeedbackService service) =>
        {
            var origin = request.Origin();
            var items = await service.ListAsync(user.UserId(), request.HttpContext.RequestAborted);
            return TypedResults.Ok(items.Select(i => new FeedbackDto(
                AnnotationJsonWriter.AnnotationIri(origin, i.Feedback.Id), AnnotationJsonWriter.AnnotationIri(origin, i.Feedback.ThreadRootId),
                i.DocumentId, i.DocumentTitle, i.SeminarName, i.Passage, i.ParagraphNumber,
                i.Feedback.AuthorName, i.Feedback.Body, i.Feedback.Created, i.Unread)));
        }).WithName("ListFeedback").WithSummary("Feedback teachers addressed to the caller, newest first, with unread marked.");

        feedback.MapPost("/read", async Task<Results<NoContent, ProblemHttpResult>> (MarkReadRequest? body, ClaimsPrincipal user, FeedbackService service) =>
        {
            if (body?.Ids is not { Count: > 0 } ids) return Problems.BadRequest("Send {\"ids\": [the ids of the feedback you have read]}.");
            await service.MarkReadAsync(user.UserId(), ids);
            return TypedResults.NoContent();
        }).WithName("MarkFeedbackRead").WithSummary("Marks feedback as read; ids that are not the caller's feedback change nothing.");
    }
}
