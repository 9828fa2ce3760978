using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Annotate.Web.Setup;

/// <summary>
/// What a proxy or an orchestrator asks. /health/live: the process answers (restart it when not), no
/// dependency looked at, so a database outage never gets every instance restarted. /health/ready: the
/// dependencies are there (send it traffic when so). /health: every check, as before (the contract's).
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>The tag of a check that decides readiness.</summary>
    public const string Ready = "ready";

    public static IHealthChecksBuilder AddAnnotateHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);

    public static void MapAnnotateHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
    }
}
