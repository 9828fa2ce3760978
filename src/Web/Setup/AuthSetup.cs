using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Web.Components.Account;
using Annotate.Web.Features.Users;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Annotate.Web.Setup;

/// <summary>
/// Cookies for people in the browser, bearer tokens for API clients, side by side: a policy scheme
/// picks bearer when the request carries an Authorization header (or a hub token in the query).
/// </summary>
internal static class AuthSetup
{
    private const string CookieOrBearer = "CookieOrBearer";

    public static void AddAnnotateAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // No display name: a named scheme would be offered as an "external login" on the account pages.
            .AddPolicyScheme(CookieOrBearer, displayName: null, options =>
                options.ForwardDefaultSelector = context =>
                    IsBearerRequest(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
                options.Events = new BearerTokenEvents
                {
                    // Browsers cannot set headers on WebSockets, so SignalR sends the token in the query.
                    OnMessageReceived = context =>
                    {
                        if (IsHubTokenRequest(context.Request))
                            context.Token = context.Request.Query["access_token"];
                        return Task.CompletedTask;
                    },
                })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                // API calls with an expired cookie should get 401, not a redirect to the login page.
                options.Events.OnRedirectToLogin = context => RejectApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RejectApiOrRedirect(context, StatusCodes.Status403Forbidden);
            }));
        services.AddAuthorization();

        var requireConfirmed = builder.Configuration.GetValue("Identity:RequireConfirmedAccount", false);
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = requireConfirmed;
                options.User.RequireUniqueEmail = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AnnotateDb>()
            .AddUserManager<AnnotateUserManager>()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddApiEndpoints();

        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
    }

    /// <summary>Signed in by a token the client sends (not by the browser's cookie): the cookie is then not even read.</summary>
    public static bool IsBearerRequest(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || IsHubTokenRequest(request);

    private static bool IsHubTokenRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token");

    private static Task RejectApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
