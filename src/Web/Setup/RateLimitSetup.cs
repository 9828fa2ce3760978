using Annotate.Web.RateLimiting;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;

namespace Annotate.Web.Setup;

/// <summary>
/// ASP.NET Core's rate-limiting middleware over the app's <see cref="RateLimits"/>: an endpoint names
/// its policy with <see cref="RateLimitedEndpoints.WithRateLimit{TBuilder}"/>, and a request over the limit is answered 429
/// with <c>Retry-After</c> and a sentence. Settings under <c>RateLimits:*</c>; <c>RateLimits:Enabled=false</c>
/// leaves the middleware out and lets every manual check through.
/// </summary>
internal static class RateLimitSetup
{
    public static void AddAnnotateRateLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<RateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimits>((options, limits) =>
        {
            options.GlobalLimiter = limits.ForRequests();
            options.OnRejected = (context, _) => new ValueTask(
                limits.Refused(RateLimits.RequestOf(context.HttpContext), context.Lease).ToResult().ExecuteAsync(context.HttpContext));
        });
    }

    /// <summary>After authentication, so that a request is counted for its user; a bad setting stops the start here.</summary>
    public static void UseAnnotateRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<RateLimits>().Enabled) app.UseRateLimiter();
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
                var verdict = limits.Acquire(RateLimitRequest.ForAccountOnly(RateLimitPolicy.SignIn, email));
                return verdict.Allowed ? await next(context) : verdict.ToResult();
            };
        });
    }
}
