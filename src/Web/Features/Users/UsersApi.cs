using System.Security.Claims;
using Annotate.Data;
using Annotate.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Annotate.Web.Features.Users;

internal static class UsersApi
{
    public sealed record Me(string Id, string? Email, string DisplayName);
    public sealed record Person(string Id, string DisplayName);

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
    }
}
