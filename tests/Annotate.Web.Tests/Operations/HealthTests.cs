using System.Net;
using Annotate.Data;
using Annotate.Web.Setup;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Annotate.Web.Tests.Operations;

/// <summary>/health (as before), /health/live (the process) and /health/ready (the database, migrated).</summary>
[EngineSpecific]
public sealed class HealthTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Each_health_endpoint_answers_Healthy_on_a_running_app(string path)
    {
        var response = await app.CreateApiClient().GetAsync(path);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Live_looks_at_no_dependency_while_ready_and_health_look_at_the_database()
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value;
        var database = Assert.Single(options.Registrations);

        Assert.Equal("database", database.Name);
        Assert.Contains(HealthEndpoints.Ready, database.Tags);
        // /health/live maps with a predicate that takes no check at all.
        var live = await app.CreateApiClient().GetAsync("/health/live");
        await live.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_database_check_is_unhealthy_until_every_migration_is_applied()
    {
        using var database = new TestDatabase();
        // An empty database: it answers, and holds no schema.
        await File.WriteAllBytesAsync(database.FilePath, []);
        await using var services = OperationsRun.AppServices(database);
        var check = new DatabaseHealthCheck(services.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>());

        int migrations;
        await using (var db = await services.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContextAsync())
            migrations = db.Database.GetMigrations().Count();
        var before = await check.CheckHealthAsync(new HealthCheckContext());
        await services.Services.MigrateAnnotateDbAsync();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal($"The database lacks {migrations} migration(s): run the migrate step.", before.Description);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [SqliteOnlyFact]
    public async Task The_database_check_is_unhealthy_when_the_database_cannot_be_opened()
    {
        using var database = new TestDatabase();
        // Read-only and absent: SQLite cannot open it.
        await using var services = OperationsRun.AppServices(database, "--ConnectionStrings:Annotate", $"Data Source={database.FilePath};Mode=ReadOnly");
        var check = new DatabaseHealthCheck(services.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database does not answer.", result.Description);
    }
}
