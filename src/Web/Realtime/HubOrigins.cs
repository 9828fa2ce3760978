namespace Annotate.Web.Realtime;

/// <summary>
/// Which browser pages may use the hub: our own origin and those listed in <c>Hub:AllowedOrigins</c>.
/// A WebSocket is not held back by CORS, and a browser sends its cookie with it, so without this a page
/// of any site could open the hub as whoever is signed in and listen. A request with an Origin header
/// from elsewhere is refused (403) before negotiation or the upgrade; one without an Origin is not a
/// browser's and goes on to authentication (bearer token). Listed origins also get CORS, so that a
/// SignalR client on their pages can negotiate.
/// </summary>
internal static class HubOrigins
{
    public const string Section = "Hub:AllowedOrigins";
    private const string CorsPolicy = "HubOrigins";

    /// <summary>The listed origins, normalised as browsers write them.</summary>
    private sealed record Allowed(IReadOnlySet<string> Origins);

    public static void AddHubOrigins(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var listed in configuration.GetSection(Section).Get<string[]>() ?? [])
        {
            // A typo here would quietly lock out the page it meant to let in: stop at start-up instead.
            origins.Add(RequestOrigin.NormaliseOrigin(listed.Trim())
                ?? throw new InvalidOperationException($"{Section} holds \"{listed}\", which is not an origin: write it as scheme://host[:port], e.g. https://lms.example.org."));
        }
        services.AddSingleton(new Allowed(origins));
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
            policy.WithOrigins([.. origins]).AllowAnyHeader().WithMethods("GET", "POST").AllowCredentials()));
    }

    /// <summary>Before CORS and authentication, so that a refused page learns nothing more.</summary>
    public static void UseHubOrigins(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<Allowed>().Origins;
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/hubs"), branch => branch.Use(async (context, next) =>
        {
            var request = context.Request;
            var origin = RequestOrigin.NormaliseOrigin(request.Headers.Origin.ToString());
            if (request.Headers.Origin.Count == 0 || origin is not null && (origin == request.OwnOrigin() || allowed.Contains(origin)))
            {
                await next(context);
                return;
            }
            await Problems.Forbidden($"Pages of {origin ?? "an opaque origin"} may not use this hub. " +
                $"An administrator can let them in by listing the origin in {Section}.").ExecuteAsync(context);
        }));
        app.UseCors();
    }

    public static IEndpointConventionBuilder AllowListedOrigins(this IEndpointConventionBuilder hub) => hub.RequireCors(CorsPolicy);
}
