using System.Net;
using System.Text.RegularExpressions;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// Which language a page speaks (contract §6): the browser's <c>Accept-Language</c> until the person picks one in the
/// app bar; then a cookie and, when signed in, the account remember it; <c>&lt;html lang&gt;</c> follows. The pick is
/// a POST with the antiforgery token: nothing else changes it.
/// </summary>
public sealed partial class LanguageChoiceTests : IAsyncLifetime
{
    private readonly AnnotateApp app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Theory]
    [InlineData(null, "en", "Sign in")]
    [InlineData("vi", "vi", "Đăng nhập")]
    [InlineData("vi-VN,vi;q=0.9,en;q=0.5", "vi", "Đăng nhập")]
    [InlineData("fr-FR,fr;q=0.9", "en", "Sign in")]
    [InlineData("fr;q=0.9,vi;q=0.8", "vi", "Đăng nhập")]
    public async Task The_browser_language_chooses_until_the_person_picks(string? acceptLanguage, string lang, string signIn)
    {
        var browser = AccountPages.Browser(app);
        if (acceptLanguage is not null) browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var html = await PageAsync(browser, "/");

        Assert.Equal(lang, HtmlLang(html));
        Assert.Contains(signIn, html);
    }

    [Fact]
    public async Task Picking_a_language_remembers_it_in_this_browser_and_returns_to_the_page()
    {
        var browser = AccountPages.Browser(app);
        browser.DefaultRequestHeaders.Add("Accept-Language", "en");

        var picked = await PickAsync(browser, "vi", "/Account/Login?ReturnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2F", picked.Headers.Location?.OriginalString);
        var html = await PageAsync(browser, "/");
        Assert.Equal("vi", HtmlLang(html));
        Assert.Contains("Đăng nhập", html);

        await PickAsync(browser, "en", "/");
        Assert.Equal("en", HtmlLang(await PageAsync(browser, "/")));
    }

    [Fact]
    public async Task An_account_remembers_the_language_on_another_device()
    {
        var person = await app.RegisterAsync("linh");
        var phone = AccountPages.Browser(app);
        phone.DefaultRequestHeaders.Add("Accept-Language", "en");
        Assert.Equal("/", AccountPages.RedirectPath(await AccountPages.LogInAsync(phone, person.Email, person.Password)));
        await PickAsync(phone, "vi", "/");

        // The pick counts at once on the device it was made on (the sign-in cookie was issued again with it) ...
        Assert.Equal("vi", HtmlLang(await PageAsync(phone, "/")));
        // ... and on a laptop whose browser asks for English, once signed in.
        var laptop = AccountPages.Browser(app);
        laptop.DefaultRequestHeaders.Add("Accept-Language", "en");
        Assert.Equal("en", HtmlLang(await PageAsync(laptop, "/")));
        await AccountPages.LogInAsync(laptop, person.Email, person.Password);
        var html = await PageAsync(laptop, "/");
        Assert.Equal("vi", HtmlLang(html));
        Assert.Contains("Đăng xuất", html);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("vi;DROP")]
    public async Task An_unknown_language_is_refused_and_changes_nothing(string language)
    {
        var browser = AccountPages.Browser(app);

        var picked = await PickAsync(browser, language, "/");

        Assert.Contains("English (en) and Tiếng Việt (vi)", await picked.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.False(picked.Headers.Contains("Set-Cookie") && picked.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture")));
        Assert.Equal("en", HtmlLang(await PageAsync(browser, "/")));
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("")]
    public async Task The_return_address_never_leaves_the_app(string returnUrl)
    {
        var picked = await PickAsync(AccountPages.Browser(app), "vi", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Equal("/", picked.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Only_a_post_with_the_page_token_changes_the_language()
    {
        var browser = AccountPages.Browser(app);

        var get = await browser.GetAsync("/language?language=vi&returnUrl=/");
        var forged = await browser.PostAsync("/language", new FormUrlEncodedContent([new("language", "vi"), new("returnUrl", "/")]));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("en", HtmlLang(await PageAsync(browser, "/")));
    }

    /// <summary>Submits the app bar's language form as a browser does, with the token of the page it is on.</summary>
    private static async Task<HttpResponseMessage> PickAsync(HttpClient browser, string language, string returnUrl)
    {
        var html = await PageAsync(browser, "/");
        var token = HtmlPage.FormToken(html, "form.language-picker");
        Assert.True(token is not null, "The app bar has no language form with an antiforgery token.");
        return await browser.PostAsync("/language", new FormUrlEncodedContent(
        [
            new(HtmlPage.TokenField, token),
            new("language", language),
            new("returnUrl", returnUrl),
        ]));
    }

    /// <summary>A page as a person reads it: Blazor writes letters outside ASCII as character references.</summary>
    private static async Task<string> PageAsync(HttpClient browser, string path) =>
        WebUtility.HtmlDecode(await (await browser.GetAsync(path)).Content.ReadAsStringAsync());

    private static string? HtmlLang(string html) => Lang().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<html lang=\"([^\"]*)\"")]
    private static partial Regex Lang();
}
