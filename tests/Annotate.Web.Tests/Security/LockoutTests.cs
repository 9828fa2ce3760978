using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Password guessing meets one rule on both doors, the sign-in page and POST /api/auth/login: failures
/// on either count, and a locked account refuses even its right password on both.
/// </summary>
public sealed class LockoutTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const int Attempts = 5;
    private const string Wrong = "Not-the-password-1";

    [Fact]
    public async Task Failures_on_the_sign_in_page_lock_the_account_on_the_page_and_the_api()
    {
        var user = await app.RegisterAsync("guessed.on.page");
        var browser = AccountPages.Browser(app);
        for (var i = 0; i < Attempts; i++) await AccountPages.LogInAsync(browser, user.Email, Wrong);

        var page = await AccountPages.LogInAsync(browser, user.Email, user.Password);
        var api = await LoginByApiAsync(user.Email, user.Password);

        // Not signed in: a success would have gone on to the home page.
        Assert.Equal("/Account/Lockout", AccountPages.RedirectPath(page));
        await api.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Failures_on_the_api_lock_the_sign_in_page_too()
    {
        var user = await app.RegisterAsync("guessed.on.api");
        for (var i = 0; i < Attempts; i++)
            await (await LoginByApiAsync(user.Email, Wrong)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);

        var page = await AccountPages.LogInAsync(AccountPages.Browser(app), user.Email, user.Password);
        var api = await LoginByApiAsync(user.Email, user.Password);

        Assert.Equal("/Account/Lockout", AccountPages.RedirectPath(page));
        Assert.Contains("LockedOut", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fewer_failures_than_the_limit_do_not_lock_and_a_success_starts_the_count_again()
    {
        var user = await app.RegisterAsync("nearly.guessed");
        var browser = AccountPages.Browser(app);
        for (var i = 0; i < Attempts - 1; i++) await AccountPages.LogInAsync(browser, user.Email, Wrong);
        await (await LoginByApiAsync(user.Email, user.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        for (var i = 0; i < Attempts - 1; i++) await AccountPages.LogInAsync(browser, user.Email, Wrong);

        var page = await AccountPages.LogInAsync(AccountPages.Browser(app), user.Email, user.Password);

        Assert.Equal("/", AccountPages.RedirectPath(page));
    }

    [Fact]
    public async Task The_lockout_page_says_what_happened_for_how_long_and_what_to_do()
    {
        var html = await (await AccountPages.Browser(app).GetAsync("/Account/Lockout")).Content.ReadAsStringAsync();

        Assert.Contains("Too many sign-in attempts with a wrong password", html);
        Assert.Contains("locked for 5 minutes", html);
        Assert.Contains("reset your password", html);
    }

    [Fact]
    public async Task The_number_of_failures_and_the_time_are_settings()
    {
        await using var strict = AnnotateApp.WithSettings(("Identity:Lockout:MaxFailedAccessAttempts", "2"), ("Identity:Lockout:Minutes", "30"));
        var user = await strict.RegisterAsync("strict");
        var browser = AccountPages.Browser(strict);
        await AccountPages.LogInAsync(browser, user.Email, Wrong);
        await AccountPages.LogInAsync(browser, user.Email, Wrong);

        var page = await AccountPages.LogInAsync(browser, user.Email, user.Password);
        var lockoutPage = await (await browser.GetAsync("/Account/Lockout")).Content.ReadAsStringAsync();

        Assert.Equal("/Account/Lockout", AccountPages.RedirectPath(page));
        Assert.Contains("locked for 30 minutes", lockoutPage);
    }

    private Task<HttpResponseMessage> LoginByApiAsync(string email, string password) =>
        app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email, password });
}
