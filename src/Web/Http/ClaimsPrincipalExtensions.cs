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

    /// <summary>The name shown to others; the sign-in name (e-mail) for sign-ins made before display names were in the cookie.</summary>
    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(Features.Users.DisplayNameClaims.ClaimType) ?? principal.Identity?.Name ?? "";
}
