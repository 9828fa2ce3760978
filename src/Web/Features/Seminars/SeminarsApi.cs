using System.Security.Claims;
using System.Text.Json.Serialization;
using Annotate.Web.Features.Documents;
using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Web.Features.Seminars;

internal static class SeminarsApi
{
    public sealed record CreateSeminarRequest(string? Name);
    public sealed record CreatedSeminar(int Id, string Name, string JoinCode);
    public sealed record JoinRequest(string? JoinCode);
    public sealed record JoinedSeminar(int Id, string Name, string Role);
    public sealed record MySeminar(int Id, string Name, string Role, string? JoinCode, bool? JoiningOpen);
    public sealed record NewJoinCode(string JoinCode);
    public sealed record JoiningRequest(bool? Open);
    public sealed record CreateGroupRequest(string? Name);
    public sealed record SplitRequest(int? Size);
    public sealed record RoleRequest(string? Role);
    /// <summary>A member as the list shows them; <c>email</c> is left out unless the caller teaches the seminar.</summary>
    public sealed record MemberDto(string UserId, string DisplayName, string Role, int? GroupId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email);

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

        // The one way in by code over the API (the join page's form is the other, through the same service call).
        group.MapPost("/join", async Task<Results<Ok<JoinedSeminar>, ProblemHttpResult>> (JoinRequest request, ClaimsPrincipal user, SeminarService seminars) =>
        {
            if (string.IsNullOrWhiteSpace(request.JoinCode))
                return Problems.BadRequest("Give the join code your teacher shared.");
            var joined = await seminars.JoinAsync(user.UserId(), request.JoinCode);
            return joined.Problem is { } problem
                ? Problems.For(problem)
                : TypedResults.Ok(new JoinedSeminar(joined.Value!.Id, joined.Value.Name, RoleName(joined.Value.Role)));
        }).WithName("JoinSeminar").WithSummary("Joins a seminar as a student by its join code.")
            // Per user and per address, so that join codes cannot be found by trying them.
            .WithRateLimit(RateLimitPolicy.Join);

        group.MapGet("/", async (ClaimsPrincipal user, SeminarService seminars) =>
        {
            var mine = await seminars.ListForUserAsync(user.UserId());
            return TypedResults.Ok(mine.Select(s => s.Role == Shared.SeminarRole.Teacher
                ? new MySeminar(s.Id, s.Name, RoleName(s.Role), s.JoinCode, s.JoiningOpen)
                : new MySeminar(s.Id, s.Name, RoleName(s.Role), null, null)));
        }).WithName("ListSeminars").WithSummary("The caller's seminars with the caller's role.");

        MapWayIn(group);
        MapMembersAndGroups(group);
        MapDeletion(group);
    }

    // The teachers' control of who may come in: the join code, joining open or closed, and the accounts removal barred.
    private static void MapWayIn(RouteGroupBuilder group)
    {
        group.MapPost("/{id:int}/join-code", async Task<Results<Ok<NewJoinCode>, ProblemHttpResult>> (int id, ClaimsPrincipal user, SeminarService seminars) =>
        {
            var result = await seminars.RegenerateJoinCodeAsync(user.UserId(), id);
            return result.Problem is { } problem ? Problems.For(problem) : TypedResults.Ok(new NewJoinCode(result.Value!));
        }).WithName("RegenerateJoinCode").WithSummary("Gives the seminar a new join code; the old one stops working at once (teachers).");

        group.MapPut("/{id:int}/joining", async Task<Results<NoContent, ProblemHttpResult>> (int id, JoiningRequest request, ClaimsPrincipal user, SeminarService seminars) =>
            request.Open is { } open
                ? Problems.NoContentOr(await seminars.SetJoiningAsync(user.UserId(), id, open))
                : Problems.BadRequest("Say whether joining is open: {\"open\": true} or {\"open\": false}."))
            .WithName("SetJoining").WithSummary("Opens or closes joining by code (teachers).");

        group.MapGet("/{id:int}/removed", async Task<Results<Ok<List<RemovedAccount>>, ProblemHttpResult>> (int id, ClaimsPrincipal user, MembershipService members) =>
            Problems.OkOr(await members.ListRemovedAsync(user.UserId(), id)))
            .WithName("ListRemoved").WithSummary("The accounts removal bars from joining again (teachers).");

        group.MapDelete("/{id:int}/removed/{userId}", async Task<Results<NoContent, ProblemHttpResult>> (int id, string userId, ClaimsPrincipal user, MembershipService members) =>
            Problems.NoContentOr(await members.LetBackInAsync(user.UserId(), id, userId)))
            .WithName("LetBackIn").WithSummary("Lifts a removal's bar, so the account can join again by code (teachers).");
    }

    // Members see the seminar's groups and members; only its teachers change them. Non-members get 404.
    private static void MapMembersAndGroups(RouteGroupBuilder group)
    {
        group.MapPost("/{id:int}/groups", async Task<Results<Created<MembershipService.GroupSummary>, ProblemHttpResult>> (int id, CreateGroupRequest request, ClaimsPrincipal user, MembershipService members) =>
        {
            var result = await members.CreateGroupAsync(user.UserId(), id, request.Name);
            return result.Problem is { } problem
                ? Problems.For(problem)
                : TypedResults.Created($"/api/seminars/{id}/groups/{result.Value!.Id}", result.Value);
        }).WithName("CreateGroup").WithSummary("Creates a group in the seminar (teachers).");

        group.MapGet("/{id:int}/groups", async Task<Results<Ok<List<MembershipService.GroupWithCount>>, ProblemHttpResult>> (int id, ClaimsPrincipal user, MembershipService members) =>
            Problems.OkOr(await members.ListGroupsAsync(user.UserId(), id)))
            .WithName("ListGroups").WithSummary("The seminar's groups with their member counts.");

        group.MapPost("/{id:int}/groups/split", async Task<Results<Ok<List<MembershipService.SplitGroup>>, ProblemHttpResult>> (int id, SplitRequest request, ClaimsPrincipal user, MembershipService members) =>
            Problems.OkOr(await members.SplitAsync(user.UserId(), id, request.Size)))
            .WithName("SplitIntoGroups").WithSummary("Puts every student at random into new groups of about the given size (teachers).");

        group.MapPut("/{id:int}/groups/{groupId:int}/members/{userId}", async Task<Results<NoContent, ProblemHttpResult>> (int id, int groupId, string userId, ClaimsPrincipal user, MembershipService members) =>
            Problems.NoContentOr(await members.PutInGroupAsync(user.UserId(), id, groupId, userId)))
            .WithName("PutInGroup").WithSummary("Moves a student into the group, out of any other (teachers).");

        group.MapDelete("/{id:int}/groups/{groupId:int}/members/{userId}", async Task<Results<NoContent, ProblemHttpResult>> (int id, int groupId, string userId, ClaimsPrincipal user, MembershipService members) =>
            Problems.NoContentOr(await members.RemoveFromGroupAsync(user.UserId(), id, groupId, userId)))
            .WithName("RemoveFromGroup").WithSummary("Takes a student out of the group (teachers).");

        group.MapGet("/{id:int}/members", async Task<Results<Ok<List<MemberDto>>, ProblemHttpResult>> (int id, ClaimsPrincipal user, MembershipService members) =>
        {
            var result = await members.ListMembersAsync(user.UserId(), id);
            return result.Problem is { } problem
                ? Problems.For(problem)
                : TypedResults.Ok(result.Value!.Select(m => new MemberDto(m.UserId, m.DisplayName, RoleName(m.Role), m.GroupId, m.Email)).ToList());
        }).WithName("ListMembers").WithSummary("The seminar's members, teachers first, with role and group.");

        group.MapDelete("/{id:int}/members/{userId}", async Task<Results<NoContent, ProblemHttpResult>> (int id, string userId, ClaimsPrincipal user, MembershipService members) =>
            Problems.NoContentOr(await members.RemoveMemberAsync(user.UserId(), id, userId)))
            .WithName("RemoveMember").WithSummary("Ends a membership; the member's annotations stay (teachers).");

        group.MapPut("/{id:int}/members/{userId}/role", async Task<Results<NoContent, ProblemHttpResult>> (int id, string userId, RoleRequest request, ClaimsPrincipal user, MembershipService members) =>
            Problems.NoContentOr(await members.SetRoleAsync(user.UserId(), id, userId, request.Role)))
            .WithName("SetMemberRole").WithSummary("Makes a member a teacher or a student (teachers).");
    }

    internal static string RoleName(Shared.SeminarRole role) => role.ToString().ToLowerInvariant();

    // A teacher deletes the whole seminar; non-members get 404, students 403.
    private static void MapDeletion(RouteGroupBuilder group) =>
        group.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ClaimsPrincipal user, SeminarDeletion deletion) =>
            Problems.NoContentOr(await deletion.DeleteAsync(user.UserId(), id)))
            .WithName("DeleteSeminar").WithSummary("Deletes the seminar with its documents, annotations, groups and memberships (teachers).");
}
