using Annotate.Web.RateLimiting;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Annotate.Web.Tests.Components;

/// <summary>
/// A bUnit context set up the way MudBlazor components need it: their services, and JS calls
/// (focus, localStorage, modules) answered loosely since no browser runs here, and the rate limits off
/// (a test of them registers its own <see cref="RateLimits"/>). Disposed
/// asynchronously because MudBlazor services and our components implement IAsyncDisposable.
/// </summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected MudComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        // Components speak through IStringLocalizer<Strings>: the app's resources, in the test's CurrentUICulture.
        Context.Services.AddLocalization();
        Context.Services.AddSingleton(new RateLimits(Options.Create(new RateLimitOptions { Enabled = false })));
    }

    protected BunitContext Context { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
