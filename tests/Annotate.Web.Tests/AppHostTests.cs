using System.Net;
using Annotate.Data;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Annotate.Web.Tests;

/// <summary>The test host itself: settings given by the fixture reach the app before it is built.</summary>
[EngineSpecific]
public sealed class AppHostTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_ready()
    {
        var response = await app.CreateApiClient().GetAsync("/health");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task App_stores_its_data_in_the_temp_database_it_was_given()
    {
        var user = await app.RegisterAsync("located");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContextAsync();
        if (TestDatabase.OnPostgres)
        {
            Assert.True(db.Database.IsNpgsql());
            Assert.Equal(new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Database, db.Database.GetDbConnection().Database);
        }
        else
        {
            Assert.Equal(app.Database.FilePath, new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            Assert.True(File.Exists(app.Database.FilePath));
        }
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Email = $email", ("$email", user.Email)));
    }

    [Fact]
    public async Task App_runs_in_the_Testing_environment_and_starts_without_the_demo()
    {
        var user = await app.RegisterAsync("no.demo");

        Assert.Equal("Testing", app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        var documents = await (await user.Http.GetAsync("/api/documents")).JsonAsync();
        Assert.Equal(0, documents.GetArrayLength());
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Seminars"));
    }
}
