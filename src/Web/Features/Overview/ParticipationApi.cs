using System.Security.Claims;
using Annotate.Web.Features.Documents;

namespace Annotate.Web.Features.Overview;

internal static class ParticipationApi
{
    public static void MapParticipationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/documents/{id:int}/participation", async (int id, string? format, HttpContext context, ClaimsPrincipal user, ParticipationService service) =>
        {
            if (format is not (null or "json" or "csv"))
                return Problems.BadRequest("Ask for format=json (the default) or format=csv.");
            var result = await service.GetAsync(user.UserId(), id, context.RequestAborted);
            if (result.Value is not { } overview) return Problems.For(result.Problem!);
            if (format != "csv") return Results.Ok(overview);

            return await Gradebook.ServeCsvAsync(context, $"{FileNames.Slug(overview.Title, fallback: $"document-{id}")}-participation.csv",
                (output, cancellationToken) => ParticipationService.WriteCsvAsync(overview, output, cancellationToken));
        }).RequireAuthorization().WithTags("Overview").WithName("GetParticipation")
          .WithSummary("Per student and per group: annotations, replies, words, late posts, feedback, first and last activity (teachers; format=csv for a gradebook).");

        routes.MapGet("/api/documents/{id:int}/participation/students/{studentId}/posts", async (int id, string studentId, HttpContext context,
            ClaimsPrincipal user, ParticipationService service) =>
        {
            var result = await service.PostsAsync(user.UserId(), id, studentId, context.RequestAborted);
            return result.Value is { } posts ? Results.Ok(posts) : Problems.For(result.Problem!);
        }).RequireAuthorization().WithTags("Overview").WithName("GetParticipationPosts")
          .WithSummary("One student's threads and replies on the document, oldest first, each with its thread and passage (teachers).");
    }
}
