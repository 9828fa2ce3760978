using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Annotate.Scale.Infrastructure;

/// <summary>
/// One chromium for a collection of scale tests, and people who register on the instance they are given:
/// directly on A or B, or through nginx kept on one instance by its cookie, as nginx would have placed them.
/// </summary>
public sealed class ScaleBrowsers : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        // Nothing to drive outside tests/scale.sh: the tests skip.
        if (ScaleSetUp.Current is null) return;
        playwright = await Playwright.CreateAsync();
        browser = await People.LaunchChromiumAsync(playwright);
    }

    private IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>A person who registers on and reads from <paramref name="instance"/> (ScaleSetUp.A or .B).</summary>
    public Task<Reader> NewReaderAsync(string displayName, Uri instance, Reader? joining = null) =>
        People.NewReaderAsync(Browser, instance, displayName, joining: joining);

    /// <summary>A person who uses the app through nginx, which keeps them on instance <paramref name="node"/> (a or b).</summary>
    public Task<Reader> NewReaderThroughProxyAsync(string displayName, string node, Reader? joining = null)
    {
        var proxy = ScaleSetUp.Required.Proxy;
        return People.NewReaderAsync(Browser, proxy, displayName, joining: joining, prepare: context => context.AddCookiesAsync(
            [new Cookie { Name = ScaleSetUp.NodeCookie, Value = node, Domain = proxy.Host, Path = "/" }]));
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
    }
}
