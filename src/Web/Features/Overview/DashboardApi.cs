using System.Security.Claims;

namespace Annotate.Web.Features.Overview;

/// <summary>The teacher's seminar dashboard and a document's Confusion view. Teachers only; anyone else gets 404.</summary>
internal static class DashboardApi
{
    public static void MapDashboardApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/seminars/{id:int}/dashboard", async (int id, string? format, HttpContext context, ClaimsPrincipal user,
            SeminarDashboardService service) =>
        {
            if (format is not (null or "json" or "csv"))
                return Problems.BadRequest("Ask for format=json (the default) or format=csv.");
            var result = await service.GetAsync(user.UserId(), id, context.RequestAborted);
            if (result.Value is not { } dashboard) return Problems.For(result.Problem!);
            if (format != "csv") return Results.Ok(dashboard);

            return await Gradebook.ServeCsvAsync(context, $"{FileNames.Slug(dashboard.SeminarName, fallback: $"seminar-{id}")}-dashboard.csv",
                (output, cancellationToken) => DashboardCsv.WriteAsync(dashboard, output, cancellationToken));
        }).RequireAuthorization().WithTags("Overview").WithName("GetSeminarDashboard")
          .WithSummary("Per student and per group across the seminar's documents: annotations, replies, words, questions asked and answered, late posts, feedback (teachers; format=csv for a gradebook).");

        routes.MapGet("/api/seminars/{id:int}/dashboard/students/{studentId}/timeline", async (int id, string studentId, HttpContext context,
            ClaimsPrincipal user, SeminarDashboardService service) =>
        {
            var result = await service.TimelineAsync(user.UserId(), id, studentId, context.RequestAborted);
            return result.Value is { } timeline ? Results.Ok(timeline) : Problems.For(result.Problem!);
        }).RequireAuthorization().WithTags("Overview").WithName("GetStudentTimeline")
          .WithSummary("One student's annotations and replies across the seminar's documents, oldest first, each with the thread it opens (teachers).");

        routes.MapGet("/api/documents/{id:int}/confusion", async (int id, HttpContext context, ClaimsPrincipal user, ConfusionService service) =>
        {
            var result = await service.GetAsync(user.UserId(), id, context.RequestAborted);
            return result.Value is { } confusion ? Results.Ok(confusion) : Problems.For(result.Problem!);
        }).RequireAuthorization().WithTags("Overview").WithName("GetConfusion")
          .WithSummary("The document's paragraphs ranked by open questions and unresolved threads, each with its threads (teachers).");
    }
}
