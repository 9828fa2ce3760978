using System.Security.Claims;

namespace Annotate.Web;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; endpoints that call this require authorization.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("This endpoint requires a signed-in user.");

    public static string? UserIdOrNull(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// The name shown to others. A sign-in made before display names were in the cookie has only the e-mail
    /// address: others see its part before the "@", never the address (presence lists show this name).
    /// </summary>
    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(Features.Users.DisplayNameClaims.ClaimType)
        ?? Features.Users.AnnotateUserManager.DefaultDisplayName(principal.Identity?.Name ?? "");
}
