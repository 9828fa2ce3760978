using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>A signed-in person with their own browser context.</summary>
public sealed record Reader(IBrowserContext Context, IPage Page, string DisplayName, string Email) : IAsyncDisposable
{
    public ReadingPage Reading { get; } = new(Page, DisplayName);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
