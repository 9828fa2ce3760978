using System.Security.Claims;
using Annotate.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Users;

/// <summary>
/// A cookie or bearer token stays valid until it expires (hours), and Identity re-checks a cookie's
/// account only every 30 minutes. After an account is deleted, every other session of it must end at
/// once: so each request that reaches something needing a user (an authorized endpoint or a page) asks
/// whether the account still exists, and treats the caller as signed out when it does not (401 for the
/// API and the hub, the sign-in page for a browser, whose cookie is dropped too). One primary-key lookup.
/// </summary>
internal sealed class DeletedAccountGuard(RequestDelegate next)
{
    // Every signed-in request asks this: compiled once.
    private static readonly Func<AnnotateDb, string, CancellationToken, Task<bool>> AccountExists =
        EF.CompileAsyncQuery((AnnotateDb db, string userId, CancellationToken cancellationToken) => db.Users.Any(u => u.Id == userId));

    public async Task InvokeAsync(HttpContext context, IDbContextFactory<AnnotateDb> dbFactory)
    {
        if (context.User.UserIdOrNull() is { } userId && NeedsUser(context.GetEndpoint()))
        {
            await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
            if (!await AccountExists(db, userId, context.RequestAborted))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (context.Request.Headers.Authorization.Count == 0)
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        }
        await next(context);
    }

    // Static files and the like need no user, and must not cost a query each.
    private static bool NeedsUser(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null || endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
}
