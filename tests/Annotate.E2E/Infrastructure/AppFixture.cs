using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>
/// One app server and one browser per test collection. Each person in a test gets a fresh browser
/// context (own cookies and storage), registered through the Register page like a real user.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private AnnotateAppFactory? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Every reader's password.</summary>
    public const string Password = People.Password;

    public Uri RootUri { get; private set; } = default!;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>The app's services, for what only the server can make (a signed unsubscribe token).</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        app = new AnnotateAppFactory();
        app.StartServer();
        RootUri = app.RootUri;
        if (!File.Exists(app.DatabasePath))
            throw new InvalidOperationException(
                $"The app did not use the test database {app.DatabasePath}: ConnectionStrings:Annotate was not seen before Build.");

        playwright = await Playwright.CreateAsync();
        browser = await People.LaunchChromiumAsync(playwright);
    }

    /// <summary>
    /// A new person: registers through the Register page in a fresh context and stays signed in. Every
    /// account gets a sample seminar of its own (it teaches it); with <paramref name="joining"/>, the person
    /// also joins that reader's sample seminar by its code, as a student, and reads its article.
    /// </summary>
    /// <param name="email">Left out, a unique address is made up from the first name.</param>
    public Task<Reader> NewReaderAsync(string displayName, string? email = null, Reader? joining = null) =>
        People.NewReaderAsync(Browser, RootUri, displayName, email, joining);

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
    }
}
