using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>
/// A signed-in person with their own browser context. <see cref="DocumentId"/> is the sample article they
/// read: their own sample seminar's, or that of the seminar they joined when they were made.
/// </summary>
public sealed record Reader(IBrowserContext Context, IPage Page, string DisplayName, string Email, int DocumentId) : IAsyncDisposable
{
    public ReadingPage Reading { get; } = new(Page, DisplayName, DocumentId);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
