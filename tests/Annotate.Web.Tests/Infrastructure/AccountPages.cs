using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// The server-rendered account pages as a browser without scripts uses them: GET the page (its
/// antiforgery cookie and token), then POST the form by its name. No redirects are followed, so a
/// test sees where a page sends the browser.
/// </summary>
public static class AccountPages
{
    /// <summary>A browser of its own: cookies kept, redirects not followed.</summary>
    public static HttpClient Browser(AnnotateApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Submits the form <paramref name="formName"/> of the page at <paramref name="path"/> with the fields given.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, string formName, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetAsync(path);
        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var token = HtmlPage.AnyToken(html);
        Assert.True(token is not null, $"{path} has no antiforgery token in its form.");
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", formName),
            new(HtmlPage.TokenField, token),
        };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await browser.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in through the Log in page; answers where the page sent the browser.</summary>
    public static Task<HttpResponseMessage> LogInAsync(HttpClient browser, string email, string password) =>
        SubmitAsync(browser, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", password));

    /// <summary>Registers through the Register page.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(HttpClient browser, string displayName, string email, string password) =>
        SubmitAsync(browser, "/Account/Register", "register", ("Input.DisplayName", displayName), ("Input.Email", email),
            ("Input.Password", password), ("Input.ConfirmPassword", password));

    /// <summary>A redirect's target path ("/Account/Lockout"), or null for an answer that is not a redirect.</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect
            ? "/" + (response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.AbsolutePath : response.Headers.Location?.OriginalString.Split('?')[0])?.TrimStart('/')
            : null;
}
