using Annotate.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Annotate.Web.Setup;

/// <summary>
/// /health and /health/ready are green only when the database answers and holds every migration this build
/// knows: an instance that waits for `migrate` (Database:MigrateOnStart=false) must not be sent traffic.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AnnotateDb> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
            return HealthCheckResult.Unhealthy("The database does not answer.");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The database lacks {pending} migration(s): run the migrate step.");
    }
}
