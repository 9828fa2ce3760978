using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Annotate.Web.Components.Threads;
using Annotate.Web.RateLimiting;
using Annotate.Web.Tests.Components;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Annotate.Web.Tests.Infrastructure.TestLimits;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Pages say when to try again, in the page: the sign-in and registration forms (server-rendered, 429
/// with the sentence) and the comment editor's preview (in the circuit).
/// </summary>
public sealed partial class RateLimitPageTests : MudComponentTest
{
    [Fact]
    public async Task The_sign_in_form_over_the_limit_answers_429_and_shows_when_to_try_again()
    {
        await using var app = AnnotateApp.WithSettings(On(new Limit("SignIn", PerPerson: 2, PerAddress: 0, WindowSeconds: 600)));
        const string email = "forgetful@example.org";
        await (await app.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var browser = CookieReader.SignedOut(app).Http;

        for (var i = 0; i < 2; i++)
        {
            var wrong = await PostFormAsync(browser, "/Account/Login", ("Input.Email", email), ("Input.Password", "not-my-password"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Invalid login attempt", await wrong.Content.ReadAsStringAsync());
        }
        var refused = await PostFormAsync(browser, "/Account/Login", ("Input.Email", email), ("Input.Password", AnnotateApp.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), refused.Headers.RetryAfter?.Delta);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts for this account. Try again in 10 minutes.", html);
        Assert.Contains("<form", html); // the page itself, to try again from
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.Contains("Identity.Application")));
    }

    [Fact]
    public async Task The_registration_form_over_the_limit_answers_429_and_shows_when_to_try_again()
    {
        await using var app = AnnotateApp.WithSettings(On(new Limit("Register", PerPerson: 0, PerAddress: 1, WindowSeconds: 600)));
        var browser = CookieReader.SignedOut(app).Http;

        var first = await RegisterFormAsync(browser, "first@example.org");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await RegisterFormAsync(CookieReader.SignedOut(app).Http, "second@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("Too many new accounts from here. Try again in 10 minutes.", await second.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Email = 'second@example.org'"));
    }

    [Fact]
    public void Previews_over_the_limit_say_when_to_try_again_instead_of_rendering()
    {
        Context.Services.AddSingleton(new RateLimits(Options.Create(new RateLimitOptions
        {
            Preview = new RateLimitSettings { PermitLimit = 2, WindowSeconds = 60 },
        })));
        var cut = Context.Render<AnnotationEditor>(ps => ps.Add(p => p.OnSubmit, _ => Task.FromResult<string?>(null)));
        cut.Find("textarea").Input("Is this *internationalism* or solidarity?");

        for (var i = 0; i < 2; i++)
        {
            Button(cut, "Preview").Click();
            Assert.Contains("<em>internationalism</em>", cut.Find(".markdown-preview").InnerHtml);
            Button(cut, "Write").Click();
        }
        Button(cut, "Preview").Click();

        Assert.Empty(cut.FindAll(".markdown-preview"));
        Assert.Equal("Too many previews in a short time. Try again in 60 seconds.",
            cut.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim());
        Assert.Equal("Too many previews in a short time. Try again in 60 seconds.", cut.Find("[role=alert]").TextContent.Trim());
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<AnnotationEditor> cut, string name) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == name);

    private static Task<HttpResponseMessage> RegisterFormAsync(HttpClient browser, string email) =>
        PostFormAsync(browser, "/Account/Register", ("Input.DisplayName", "New Reader"), ("Input.Email", email),
            ("Input.Password", AnnotateApp.Password), ("Input.ConfirmPassword", AnnotateApp.Password));

    /// <summary>As a browser does: GET the form (its antiforgery token and form name), then POST it with these fields.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, params (string Name, string Value)[] fields)
    {
        var form = await browser.GetStringAsync(path);
        // The app bar's language form comes first with a token of its own: the page's form is the last one.
        var hidden = HiddenInput().Matches(form).GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.Last().Groups["value"].Value));
        var values = new List<KeyValuePair<string, string>>
        {
            new("_handler", hidden["_handler"]),
            new("__RequestVerificationToken", hidden["__RequestVerificationToken"]),
        };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await browser.PostAsync(path, new FormUrlEncodedContent(values));
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>_handler|__RequestVerificationToken)" value="(?<value>[^"]*)" />""")]
    private static partial Regex HiddenInput();
}
