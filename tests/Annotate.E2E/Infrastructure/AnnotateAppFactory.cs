using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Annotate.E2E.Infrastructure;

/// <summary>
/// The real app on a real port (Kestrel, not TestServer), because a browser has to reach it, with its own
/// SQLite file so runs never share data. The demo stays on: every account gets a sample seminar of its own
/// with the sample article, and readers who are to read together join one of them (<see cref="AppFixture.NewReaderAsync"/>).
/// </summary>
public sealed class AnnotateAppFactory : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("annotate-e2e-").FullName;

    public AnnotateAppFactory() => UseKestrel(0);

    public string DatabasePath => Path.Combine(dataDirectory, "annotate.db");

    /// <summary>Where the browser finds the app, e.g. http://127.0.0.1:41234.</summary>
    public Uri RootUri
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address.");
            // Kestrel may report a wildcard host; the browser needs one it can connect to.
            return new Uri(address.Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves static web assets (blazor.web.js, MudBlazor's css/js) from their source folders.
        builder.UseEnvironment("Development");
        // UseSetting lands in the configuration WebApplication.CreateBuilder reads, so AddAnnotate() sees it
        // before Build; the fixture checks that the database file really appears here.
        builder.UseSetting("ConnectionStrings:Annotate", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:Enabled", "true");
        // Browser tests sign up and sign in many accounts in moments; the limits have their own tests.
        builder.UseSetting("RateLimits:Enabled", "false");
        // The test log should show what went wrong, not every request.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp cleaner rather than failing the run.
        }
    }
}
