using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>
/// One app server and one browser per test collection. Each person in a test gets a fresh browser
/// context (own cookies and storage), registered through the Register page like a real user.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    // Playwright cannot download its own browsers here; Debian's chromium does the job.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    private AnnotateAppFactory? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Every reader's password.</summary>
    public const string Password = "Reading-together-1";

    public Uri RootUri { get; private set; } = default!;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        app = new AnnotateAppFactory();
        app.StartServer();
        RootUri = app.RootUri;
        if (!File.Exists(app.DatabasePath))
            throw new InvalidOperationException(
                $"The app did not use the test database {app.DatabasePath}: ConnectionStrings:Annotate was not seen before Build.");

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ANNOTATE_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    /// <summary>
    /// A new person: registers through the Register page in a fresh context and stays signed in. Every
    /// account gets a sample seminar of its own (it teaches it); with <paramref name="joining"/>, the person
    /// also joins that reader's sample seminar by its code, as a student, and reads its article.
    /// </summary>
    /// <param name="email">Left out, a unique address is made up from the first name.</param>
    public async Task<Reader> NewReaderAsync(string displayName, string? email = null, Reader? joining = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = RootUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            ColorScheme = ColorScheme.Light,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        await ReadingPage.InstallHelpersAsync(context);
        var page = await context.NewPageAsync();
        email ??= $"{displayName.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";

        await page.GotoAsync("/Account/Register");
        var main = page.GetByRole(AriaRole.Main);
        await main.GetByLabel("Your name").FillAsync(displayName);
        await main.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await main.GetByLabel("Confirm Password", new() { Exact = true }).FillAsync(Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        // Registration signs in and leaves the account pages.
        // The very first registration on a cold server also starts Identity, EF and the circuit: allow it longer.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Register", StringComparison.Ordinal), new() { Timeout = 45_000 });
        var cookies = await context.CookiesAsync();
        if (!cookies.Any(c => c.Name.Contains("Identity.Application", StringComparison.Ordinal)))
            throw new InvalidOperationException($"Registering {displayName} did not sign in; the page says: {await main.InnerTextAsync()}");

        var sample = (await context.GetJsonAsync(RootUri, "/api/documents")).EnumerateArray()
            .Single(d => d.GetProperty("title").GetString() == ReadingPage.SampleTitle);
        if (joining is null) return new Reader(context, page, displayName, email, sample.GetProperty("id").GetInt32());

        var seminarId = (await joining.Context.GetJsonAsync(RootUri, $"/api/documents/{joining.DocumentId}")).GetProperty("seminarId").GetInt32();
        var joinCode = (await joining.Context.GetJsonAsync(RootUri, "/api/seminars")).EnumerateArray()
            .Single(s => s.GetProperty("id").GetInt32() == seminarId).GetProperty("joinCode").GetString();
        var reader = new Reader(context, page, displayName, email, joining.DocumentId);
        await reader.PostJsonAsync(RootUri, "/api/seminars/join", new { joinCode });
        return reader;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
    }
}
