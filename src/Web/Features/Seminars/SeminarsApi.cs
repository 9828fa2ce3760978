using System.Security.Claims;
using Annotate.Web.Features.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Seminars;

internal static class SeminarsApi
{
    public sealed record CreateSeminarRequest(string? Name);
    public sealed record CreatedSeminar(int Id, string Name, string JoinCode);
    public sealed record JoinRequest(string? JoinCode);
    public sealed record JoinedSeminar(int Id, string Name, string Role);
    public sealed record MySeminar(int Id, string Name, string Role, string? JoinCode);

    public static void MapSeminarsApi(this IEndpointRouteBuilder routes)
    {
        // Any signed-in user may create or join; what they may do inside depends on their role.
        var group = routes.MapGroup("/api/seminars").RequireAuthorization().WithTags("Seminars");

        group.MapPost("/", async Task<Results<Created<CreatedSeminar>, ProblemHttpResult>> (CreateSeminarRequest request, ClaimsPrincipal user, SeminarService seminars) =>
        {
            var name = request.Name?.Trim();
            if (string.IsNullOrEmpty(name))
                return Problems.BadRequest("A seminar needs a name.");
            if (name.Length > 200)
                return Problems.BadRequest("A seminar name can be at most 200 characters long.");
            var seminar = await seminars.CreateAsync(user.UserId(), name);
            return TypedResults.Created($"/api/seminars/{seminar.Id}", new CreatedSeminar(seminar.Id, seminar.Name, seminar.JoinCode));
        }).WithName("CreateSeminar").WithSummary("Creates a seminar; the caller becomes its teacher.");

        group.MapPost("/join", async Task<Results<Ok<JoinedSeminar>, ProblemHttpResult>> (JoinRequest request, ClaimsPrincipal user, SeminarService seminars) =>
        {
            if (string.IsNullOrWhiteSpace(request.JoinCode))
                return Problems.BadRequest("Give the join code your teacher shared.");
            var joined = await seminars.JoinAsync(user.UserId(), request.JoinCode);
            return joined is null
                ? Problems.NotFound("No seminar has that join code. Check it with your teacher.")
                : TypedResults.Ok(new JoinedSeminar(joined.Id, joined.Name, RoleName(joined.Role)));
        }).WithName("JoinSeminar").WithSummary("Joins a seminar as a student by its join code.");

        group.MapGet("/", async (ClaimsPrincipal user, SeminarService seminars) =>
        {
            var mine = await seminars.ListForUserAsync(user.UserId());
            return TypedResults.Ok(mine.Select(s => new MySeminar(s.Id, s.Name, RoleName(s.Role),
                s.Role == Shared.SeminarRole.Teacher ? s.JoinCode : null)));
        }).WithName("ListSeminars").WithSummary("The caller's seminars with the caller's role.");
    }

    internal static string RoleName(Shared.SeminarRole role) => role.ToString().ToLowerInvariant();
}
