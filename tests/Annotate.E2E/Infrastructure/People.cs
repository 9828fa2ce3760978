using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>
/// People in browsers: Debian's chromium launched the way every test launches it, and a person who registers
/// through the Register page of an app at any address, each in a fresh browser context (own cookies and
/// storage), and stays signed in. The app's demo must be on: every account gets a sample seminar of its own.
/// </summary>
public static class People
{
    /// <summary>Every person's password.</summary>
    public const string Password = "Reading-together-1";

    // Playwright cannot download its own browsers here; Debian's chromium does the job.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        // The app, the browser and the test share two cores (CI, or several instances in tests/scale.sh):
        // Playwright's 5 s for an expectation is too short under that load; actions already wait 15 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ANNOTATE_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    /// <summary>
    /// A new person at <paramref name="root"/>: registers and stays signed in; reads their own sample seminar's
    /// article, or with <paramref name="joining"/> joins that reader's sample seminar by its code, as a student,
    /// and reads its article.
    /// </summary>
    /// <param name="email">Left out, a unique address is made up from the first name.</param>
    /// <param name="prepare">Runs on the new context before the first request (e.g. to add a cookie).</param>
    public static async Task<Reader> NewReaderAsync(IBrowser browser, Uri root, string displayName, string? email = null,
        Reader? joining = null, Func<IBrowserContext, Task>? prepare = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = root.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            ColorScheme = ColorScheme.Light,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        await ReadingPage.InstallHelpersAsync(context);
        if (prepare is not null) await prepare(context);
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

        var sample = (await context.GetJsonAsync(root, "/api/documents")).EnumerateArray()
            .Single(d => d.GetProperty("title").GetString() == ReadingPage.SampleTitle);
        if (joining is null) return new Reader(context, page, displayName, email, sample.GetProperty("id").GetInt32());

        var seminarId = (await joining.Context.GetJsonAsync(root, $"/api/documents/{joining.DocumentId}")).GetProperty("seminarId").GetInt32();
        var joinCode = (await joining.Context.GetJsonAsync(root, "/api/seminars")).EnumerateArray()
            .Single(s => s.GetProperty("id").GetInt32() == seminarId).GetProperty("joinCode").GetString();
        var reader = new Reader(context, page, displayName, email, joining.DocumentId);
        await reader.PostJsonAsync(root, "/api/seminars/join", new { joinCode });
        return reader;
    }
}
