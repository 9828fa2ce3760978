using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Annotate.Web.Tests.ScaleOut;

/// <summary>
/// Data Protection keys live in the database: several instances on one database accept each other's
/// cookies and bearer tokens (a proxy may send a person's next request anywhere), and a restart signs
/// nobody out.
/// </summary>
[EngineSpecific]
public sealed class SharedKeysTests
{
    [Fact]
    public async Task A_cookie_and_a_token_from_one_instance_are_accepted_by_another_and_after_a_restart()
    {
        using var database = new TestDatabase();
        ApiUser user;
        string cookie;
        await using (var first = AnnotateApp.On(database))
        await using (var second = AnnotateApp.On(database))
        {
            user = await first.RegisterAsync("roaming");
            cookie = await SignInWithCookieAsync(first, user);

            Assert.Equal(user.Id, await WhoAsync(second, cookie: cookie));
            Assert.Equal(user.Id, await WhoAsync(second, token: user.Token));
        }
        Assert.True(await database.CountAsync("SELECT COUNT(*) FROM DataProtectionKeys") >= 1, "The key ring is kept in the database.");

        await using var restarted = AnnotateApp.On(database);
        Assert.Equal(user.Id, await WhoAsync(restarted, cookie: cookie));
        Assert.Equal(user.Id, await WhoAsync(restarted, token: user.Token));
    }

    /// <summary>Signs in with <c>useCookies=true</c>; returns the Identity cookie as a <c>Cookie</c> header value.</summary>
    private static async Task<string> SignInWithCookieAsync(AnnotateApp app, ApiUser user)
    {
        var login = await app.CreateApiClient().PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = user.Email, password = user.Password });
        await login.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';')];
    }

    private static async Task<string?> WhoAsync(AnnotateApp app, string? cookie = null, string? token = null)
    {
        var response = await Client(app, cookie, token).GetAsync("/api/users/me");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.JsonAsync()).GetProperty("id").GetString();
    }

    private static HttpClient Client(AnnotateApp app, string? cookie, string? token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
