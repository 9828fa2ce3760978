using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Web.Components.Account;
using Annotate.Web.Features.Email;
using Annotate.Web.Features.Users;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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
        // Cookies, bearer tokens and antiforgery tokens are sealed with keys kept in the database, so one
        // instance accepts what another issued and a restart signs nobody out. The fixed name makes every
        // instance the same application whatever folder it runs from (the default is the content root).
        services.AddDataProtection().SetApplicationName("Annotate").PersistKeysToDbContext<AnnotateDb>();
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

        var configuration = builder.Configuration;
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = configuration.GetValue("Identity:RequireConfirmedAccount", false);
                options.User.RequireUniqueEmail = true;
                // Password guessing: the sign-in page and POST /api/auth/login both count failures (one rule),
                // and after this many in a row the account refuses even its right password for a while.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:Lockout:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:Lockout:Minutes", 5.0));
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AnnotateDb>()
            .AddUserManager<AnnotateUserManager>()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddErrorDescriber<IdentityErrors>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddApiEndpoints();

        services.AddAnnotateEmail(configuration);
    }

    /// <summary>
    /// Refuses to start with settings under which no one could use their account: confirmation required,
    /// but no e-mail sender to send the confirmation link (the page used to show the link instead, to
    /// anyone who typed the address). With <c>Email:Smtp:Host</c> set, Identity's mails go out and this passes.
    /// </summary>
    public static void CheckAccountSettings(this WebApplication app)
    {
        var identity = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        if (identity.SignIn.RequireConfirmedAccount && app.Services.GetRequiredService<IEmailSender<ApplicationUser>>() is IdentityNoOpEmailSender)
            throw new InvalidOperationException(
                "Identity:RequireConfirmedAccount is true, but no e-mail sender is configured, so no new account could ever be confirmed. " +
                "Configure e-mail (Email:Smtp:Host, Email:From and App:PublicOrigin; see the README), " +
                "or set Identity:RequireConfirmedAccount to false (environment: Identity__RequireConfirmedAccount=false).");
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
