using Microsoft.Playwright;

namespace Annotate.Bench.Reading;

/// <summary>Debian's Chromium through Playwright (Playwright's own download is not used), one browser for a measure.</summary>
internal sealed class Browser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
         // Twenty pages in the background must keep running their timers and sockets like a foreground one.
         "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly Site site;

    private Browser(IPlaywright playwright, IBrowser browser, Site site) => (this.playwright, this.browser, this.site) = (playwright, browser, site);

    public static async Task<Browser> LaunchAsync(Site site)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ANNOTATE_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ChromiumArgs,
            Headless = true,
        });
        return new Browser(playwright, browser, site);
    }

    /// <summary>A fresh context signed in as <paramref name="account"/> (its cookie), with one page.</summary>
    public async Task<IPage> OpenAsync(Account account)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.Root.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        await context.AddCookiesAsync([new Cookie
        {
            Name = account.Cookie.Name, Value = account.Cookie.Value, Domain = site.Root.Host, Path = "/", HttpOnly = true,
        }]);
        var page = await context.NewPageAsync();
        if (Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1")
        {
            page.Console += (_, message) => Console.Error.WriteLine($"    [page] {message.Text}");
            page.WebSocket += (_, socket) => Console.Error.WriteLine($"    [socket] {socket.Url}");
            page.RequestFailed += (_, request) => Console.Error.WriteLine($"    [failed] {request.Url} {request.Failure}");
        }
        return page;
    }

    /// <summary>Opens a reading page and waits until it is live: its reader is listed as present after the first interactive render.</summary>
    public static async Task OpenReadingPageAsync(IPage page, int documentId, string readerName)
    {
        await page.GotoAsync($"/documents/{documentId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Reading now", Exact = true }))
            .ToContainTextAsync($"{readerName} (you)", new() { Timeout = 60_000 });
    }

    /// <summary>
    /// Leaves the page first, so Blazor tells the server the circuit is over (a closed context alone leaves it
    /// held for minutes as disconnected, where it would count in the next memory reading), then closes it.
    /// </summary>
    public static async Task CloseAsync(IPage page)
    {
        await page.GotoAsync("about:blank");
        await page.Context.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
