using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E.Infrastructure;

/// <summary>
/// A person on a phone: the same account in a context of its own, 390×844 CSS pixels, touch and mobile (a tap is a
/// touch). Registering happens on the desktop (People.cs); the phone takes over the signed-in cookies.
/// </summary>
public static class Phones
{
    public static readonly ViewportSize Size = new() { Width = 390, Height = 844 };

    /// <summary><paramref name="reader"/> again, signed in on a phone; optionally with a language cookie (<c>vi</c>).</summary>
    public static async Task<Reader> OnPhoneAsync(this Reader reader, AppFixture app, string? language = null,
        ColorScheme scheme = ColorScheme.Light)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.RootUri.ToString(),
            ViewportSize = Size,
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            ColorScheme = scheme,
            Locale = "en-GB",
            StorageState = await reader.Context.StorageStateAsync(),
        });
        context.SetDefaultTimeout(15_000);
        await ReadingPage.InstallHelpersAsync(context);
        if (language is not null) await SetLanguageAsync(context, app.RootUri, language);
        return new Reader(context, await context.NewPageAsync(), reader.DisplayName, reader.Email, reader.DocumentId);
    }

    /// <summary>The language a person picked (the cookie the app bar's picker sets).</summary>
    public static Task SetLanguageAsync(IBrowserContext context, Uri root, string language) => context.AddCookiesAsync(
    [
        new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = root.ToString() },
    ]);

    /// <summary>The button that opens the discussion over the text on a phone ("Discussion (3)").</summary>
    public static ILocator DiscussionButton(IPage page) =>
        page.Locator(".discussion-toggle");

    /// <summary>The panel's close button (found by its class: its name is in the page's language).</summary>
    public static ILocator CloseDiscussion(IPage page) => page.Locator(".discussion-panel-close");

    /// <summary>
    /// Opens the reading page on a phone and waits until it is live: the discussion's button works only then; it opens
    /// the panel, which lists the reader as reading now, and closes it again. Any language.
    /// </summary>
    public static async Task OpenOnPhoneAsync(this ReadingPage reading, int? document = null)
    {
        var page = reading.Page;
        await page.GotoAsync($"/documents/{document ?? reading.DocumentId}");
        await Expect(reading.Article).ToBeVisibleAsync();
        await Expect(DiscussionButton(page)).ToBeEnabledAsync();
        await DiscussionButton(page).TapAsync();
        var present = page.Locator(".presence-list li");
        await Expect(present.First).ToBeVisibleAsync();
        await CloseDiscussion(page).TapAsync();
        await Expect(present.First).ToBeHiddenAsync();
    }

    /// <summary>Whether the page scrolls sideways (WCAG reflow: it must not, at 320 CSS pixels either).</summary>
    public static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
}
