using Microsoft.AspNetCore.Localization;
using MudBlazor;

namespace Annotate.Web.Features.Languages;

/// <summary>
/// Which language a request is answered in: the account's choice, then this browser's (a cookie), then the
/// browser's <c>Accept-Language</c>, then English. A Blazor circuit keeps the culture of the request that opened it,
/// so a change of language reloads the page (<see cref="LanguageEndpoint"/>).
/// </summary>
internal static class LanguageSetup
{
    public static void AddAnnotateLanguages(this IServiceCollection services)
    {
        // Strings live beside their marker class (Resources/Strings.cs), so no ResourcesPath.
        services.AddLocalization();
        services.AddTransient<MudLocalizer, MudTranslations>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Languages.Default);
            options.SupportedCultures = Languages.Cultures;
            options.SupportedUICultures = Languages.Cultures;
            // "vi-VN" in Accept-Language or a cookie means Vietnamese.
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new AccountLanguage(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    /// <summary>After authentication: the account's language is a claim of the sign-in.</summary>
    public static void UseAnnotateLanguages(this WebApplication app) => app.UseRequestLocalization();
}
