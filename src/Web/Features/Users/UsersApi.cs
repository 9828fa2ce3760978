using System.Security.Claims;
using Annotate.Data;
using Annotate.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Annotate.Web.Features.Users;

internal static class UsersApi
{
    public sealed record Me(string Id, string? Email, string DisplayName);
    public sealed record Person(string Id, string DisplayName);
    public sealed record DeleteAccountRequest(string? Password);

    public static void MapUsersApi(this IEndpointRouteBuilder routes)
    {
        // Any signed-in user, by cookie or bearer token.
        var group = routes.MapGroup("/api/users").RequireAuthorization().WithTags("Users");

        group.MapGet("/me", async Task<Results<Ok<Me>, NotFound>> (ClaimsPrincipal principal, UserManager<ApplicationUser> users) =>
        {
            var user = await users.GetUserAsync(principal);
            return user is null ? TypedResults.NotFound() : TypedResults.Ok(new Me(user.Id, user.Email, user.DisplayName));
        }).WithName("GetCurrentUser").WithSummary("The signed-in user.");

        // The creator IRI of an annotation: readable by anyone who shares a seminar with that person.
        group.MapGet("/{id}", async Task<Results<Ok<Person>, ProblemHttpResult>> (string id, ClaimsPrincipal principal, IDbContextFactory<AnnotateDb> dbFactory) =>
        {
            var me = principal.UserId();
            await using var db = await dbFactory.CreateDbContextAsync();
            var person = await db.Users
                .Where(u => u.Id == id && db.Memberships.Any(m => m.UserId == id
                    && db.Memberships.Any(mine => mine.UserId == me && mine.SeminarId == m.SeminarId)))
                .Select(u => new Person(u.Id, u.DisplayName))
                .FirstOrDefaultAsync();
            return person is null ? Problems.NotFound("There is no one with that id in your seminars.") : TypedResults.Ok(person);
        }).WithName("GetPerson").WithSummary("Someone who shares a seminar with the caller.");

        // Bearer clients have no page to confirm on: the password in the body is the confirmation.
        group.MapDelete("/me", async Task<Results<NoContent, ProblemHttpResult>> ([FromBody] DeleteAccountRequest? request, ClaimsPrincipal principal,
            SignInManager<ApplicationUser> signIn, AccountDeletion deletion) =>
        {
            var user = await signIn.UserManager.GetUserAsync(principal);
            if (user is null) return Problems.NotFound("There is no such account any more.");
            if (await AccountDeletion.CheckPasswordAsync(signIn, user, request?.Password) is { } wrong) return Problems.BadRequest(wrong);
            var preview = await deletion.DeleteAsync(user.Id);
            if (!preview.Blocked) return TypedResults.NoContent();
            return TypedResults.Problem(preview.Refusal, statusCode: StatusCodes.Status409Conflict, title: "Still the only teacher",
                extensions: new Dictionary<string, object?> { ["seminars"] = preview.OnlyTeacherOf });
        }).WithName("DeleteMyAccount").WithSummary("Deletes the caller's account (with their password); 409 while they alone teach a seminar of others.");
    }
}
