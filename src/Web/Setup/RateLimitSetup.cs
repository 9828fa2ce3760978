using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Identity.Data;

namespace Annotate.Web.Setup;

/// <summary>
/// The app's <see cref="RateLimits"/> in the HTTP pipeline: an endpoint names its policy with
/// <see cref="RateLimitedEndpoints.WithRateLimit{TBuilder}"/>, and a request over the limit is answered 429
/// with <c>Retry-After</c> and a sentence. Settings under <c>RateLimits:*</c>; <c>RateLimits:Enabled=false</c>
/// leaves the check out and lets every manual check through. The check is the app's own rather than ASP.NET
/// Core's rate-limiting middleware, whose limiter must answer synchronously first: with several instances a
/// window is counted in Redis, which is asked without holding a thread.
/// </summary>
internal static class RateLimitSetup
{
    public static void AddAnnotateRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<RateLimits>();
    }

    /// <summary>After authentication, so that a request is counted for its user; a bad setting stops the start here.</summary>
    public static void UseAnnotateRateLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<RateLimits>();
        if (!limits.Enabled) return;
        app.Use(async (context, next) =>
        {
            var verdict = await limits.AcquireAsync(RateLimits.RequestOf(context));
            if (verdict.Allowed) await next(context);
            else await verdict.ToResult().ExecuteAsync(context);
        });
    }

    /// <summary>
    /// The Identity API's sign-in and registration: both counted per address by the middleware; sign-in
    /// also per account, once its body has named the account.
    /// </summary>
    public static void WithSignInLimits(this IEndpointConventionBuilder identityEndpoints)
    {
        identityEndpoints.Add(endpoint =>
        {
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
            if (pattern.EndsWith("/login", StringComparison.Ordinal)) endpoint.Metadata.Add(new RateLimitedEndpoint(RateLimitPolicy.SignIn));
            else if (pattern.EndsWith("/register", StringComparison.Ordinal)) endpoint.Metadata.Add(new RateLimitedEndpoint(RateLimitPolicy.Register));
        });
        identityEndpoints.AddEndpointFilterFactory((factory, next) =>
        {
            var login = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.ParameterType == typeof(LoginRequest));
            if (login < 0) return next;
            return async context =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<RateLimits>();
                var email = context.GetArgument<LoginRequest>(login).Email;
                var verdict = await limits.AcquireAsync(RateLimitRequest.ForAccountOnly(RateLimitPolicy.SignIn, email));
                return verdict.Allowed ? await next(context) : verdict.ToResult();
            };
        });
    }
}
