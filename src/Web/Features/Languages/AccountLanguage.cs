using System.Security.Claims;
using Microsoft.AspNetCore.Localization;

namespace Annotate.Web.Features.Languages;

/// <summary>
/// A signed-in person's language is remembered with their account, as a claim (stored in Identity's user claims, so
/// it comes with every sign-in on any device). It wins over this browser's cookie and its <c>Accept-Language</c>.
/// </summary>
internal sealed class AccountLanguage : RequestCultureProvider
{
    public const string ClaimType = "annotate_language";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(Languages.Supported(httpContext.User.FindFirstValue(ClaimType)) is { } language
            ? new ProviderCultureResult(language)
            : null);
}
