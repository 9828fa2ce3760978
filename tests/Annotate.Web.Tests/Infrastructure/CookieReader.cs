using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// Someone in a browser: signed in with the Identity cookie (not a bearer token), fetching the reading
/// page's server-rendered HTML the way a browser's first request gets it. Unless asked to follow them, no
/// redirects are followed, so a signed-out reader's answer is the redirect itself.
/// </summary>
public sealed class CookieReader(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>A browser-like client with no sign-in.</summary>
    public static CookieReader SignedOut(AnnotateApp app, bool followRedirects = false) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true }));

    /// <summary>Signs in through <c>POST /api/auth/login?useCookies=true</c>; the client keeps the cookie.</summary>
    public static async Task<CookieReader> SignInAsync(AnnotateApp app, ApiUser user, bool followRedirects = false)
    {
        var reader = SignedOut(app, followRedirects);
        var login = await reader.Http.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = user.Email, password = user.Password });
        await login.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.Contains("Identity.Application", StringComparison.Ordinal));
        return reader;
    }

    /// <summary>GET /documents/{id}: the status, the HTML and where a redirect points.</summary>
    public async Task<ReadingPageHtml> GetReadingPageAsync(int documentId)
    {
        var response = await Http.GetAsync($"/documents/{documentId}");
        return new ReadingPageHtml(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    public sealed record ReadingPageHtml(HttpStatusCode Status, string Html, Uri? Location)
    {
        /// <summary>The page was rendered for a reader of the document (not the not-found notice, not a redirect).</summary>
        public bool IsReadingPage => Status == HttpStatusCode.OK && Html.Contains("aria-label=\"Discussion\"", StringComparison.Ordinal);

        public bool IsRedirectToLogin => Status is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect
            && Location?.ToString().Contains("Account/Login", StringComparison.OrdinalIgnoreCase) == true;
    }
}
