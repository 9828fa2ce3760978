using System.Security.Claims;
using Annotate.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Languages;

/// <summary>
/// The app bar's language picker posts here (a form, so it works before the circuit starts and needs no script):
/// the choice goes into a cookie for this browser and, for a signed-in person, into their account; then the page
/// they were on is loaded again in the new language. A POST with the antiforgery token, never a GET: a link
/// must not change how someone's app speaks to them.
/// </summary>
internal static class LanguageEndpoint
{
    public const string Path = "/language";

    public static void MapLanguageEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (HttpContext context, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
            TimeProvider clock) =>
        {
            // Read by hand rather than bound: a form bound with a bad token throws (a 500) before the handler runs.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Words.Text("Problem.FormExpiredTitle"),
                    detail: Words.Text("Problem.FormExpired"));
            if (!context.Request.HasFormContentType)
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Words.Text("Problem.NotFormTitle"), detail: Words.Text("Problem.NotForm"));
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string? language = form["language"], returnUrl = form["returnUrl"];
            if (Languages.Supported(language) is not { } chosen)
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Words.Text("Problem.UnknownLanguageTitle"),
                    detail: Words.Text("Problem.UnknownLanguage", [.. Languages.All.Select(l => $"{l.Name} ({l.Code})")]));

            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Expires = clock.GetUtcNow().AddYears(1),
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                });

            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user)
            {
                var claims = await users.GetClaimsAsync(user);
                var old = claims.Where(c => c.Type == AccountLanguage.ClaimType).ToList();
                if (old.Count > 0) await users.RemoveClaimsAsync(user, old);
                await users.AddClaimAsync(user, new Claim(AccountLanguage.ClaimType, chosen));
                // The sign-in cookie carries the claims: issue it again so the choice counts from the next request.
                await signIn.RefreshSignInAsync(user);
            }

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

    /// <summary>Only a path of this app: "/x", never "//host" or "/\host" (both leave the site in a browser).</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
