using System.Collections.Concurrent;
using System.Security.Claims;
using Annotate.Web.Components.Pages;
using Annotate.Web.Features.Users;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MudBlazor.Services;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// Open reading pages as a circuit has them: the real <see cref="DocumentPage"/>, rendered by bUnit against
/// the running app's own services (its feed, database and visibility rule), for a signed-in user or for
/// nobody. What the API writes reaches these pages exactly as it reaches a browser's circuit.
/// </summary>
public sealed class LiveReadingPages : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public LiveReadingPages(AnnotateApp app)
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        // Everything the page injects that bUnit and MudBlazor do not provide comes from the app.
        Context.Services.AddFallbackServiceProvider(app.Services);
    }

    public BunitContext Context { get; } = new();

    /// <summary>Opens /documents/{id} as <paramref name="user"/> (null: signed out) and waits until it has loaded.</summary>
    public async Task<LivePage> OpenAsync(ApiUser? user, int documentId)
    {
        var page = Render<DocumentPage>(user, page => page.Add(p => p.Id, documentId));
        // Loaded: the discussion, or the not-found notice; no progress bar any more.
        await page.WaitForStateAsync(() => page.FindAll(".mud-progress-linear").Count == 0
            && (page.FindAll("aside.reading-sidebar").Count > 0 || page.Markup.Contains("Not found", StringComparison.Ordinal)), Timeout);
        return new LivePage(page);
    }

    /// <summary>
    /// Renders any page of the app as <paramref name="user"/> (null: signed out) in a live circuit, where pages
    /// subscribe to live updates and their buttons answer; the page loads asynchronously from here.
    /// </summary>
    public IRenderedComponent<TPage> Render<TPage>(ApiUser? user, Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : IComponent
    {
        var principal = user is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(DisplayNameClaims.ClaimType, user.DisplayName)], "Identity.Application"));
        var state = Task.FromResult(new AuthenticationState(principal));
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var root = Context.Render<CascadingValue<Task<AuthenticationState>>>(ps => ps
            .Add(p => p.Value, state)
            .AddChildContent(parameters));
        return root.FindComponent<TPage>();
    }

    /// <summary>The dialog provider a page's confirmations open in (rendered on demand).</summary>
    public IRenderedComponent<MudDialogProvider> RenderDialogProvider() => Context.Render<MudDialogProvider>();

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}

/// <summary>One open reading page, with every markup it has shown (so "never shown" covers a passing moment too).</summary>
public sealed class LivePage
{
    private readonly IRenderedComponent<DocumentPage> page;
    private readonly ConcurrentQueue<string> history = new();

    public LivePage(IRenderedComponent<DocumentPage> page)
    {
        this.page = page;
        history.Enqueue(page.Markup);
        page.OnMarkupUpdated += (_, _) => history.Enqueue(page.Markup);
    }

    public IRenderedComponent<DocumentPage> Component => page;

    /// <summary>Whether <paramref name="text"/> was on the page at any render since it opened.</summary>
    public bool EverShowed(string text) => Shows(text) || history.Any(markup => markup.Contains(text, StringComparison.Ordinal));

    public bool IsNotFound => page.Markup.Contains("Not found", StringComparison.Ordinal) && page.FindAll("article.article").Count == 0;

    public bool Shows(string text) => page.Markup.Contains(text, StringComparison.Ordinal);

    /// <summary>Waits until <paramref name="text"/> is on the page (pushed by the feed, not reloaded).</summary>
    public Task WaitUntilShownAsync(string text) =>
        page.WaitForAssertionAsync(() => Assert.True(Shows(text), $"The page never showed \"{text}\"."), LiveReadingPages.Timeout);

    /// <summary>The names under "Reading now", as the page shows them now.</summary>
    public IReadOnlyList<string> ReadingNow => page.FindAll("section.presence li").Select(li => li.GetAttribute("title") ?? "").ToList();

    /// <summary>Waits until "Reading now" lists exactly <paramref name="names"/>, in any order given (the page sorts by name).</summary>
    public Task WaitUntilReadingNowAsync(params string[] names) =>
        page.WaitForAssertionAsync(() => Assert.Equal(names.Order(StringComparer.CurrentCultureIgnoreCase), ReadingNow), LiveReadingPages.Timeout);

    public Task WaitUntilGoneAsync(string text) =>
        page.WaitForAssertionAsync(() => Assert.False(Shows(text), $"The page still shows \"{text}\"."), LiveReadingPages.Timeout);
}
