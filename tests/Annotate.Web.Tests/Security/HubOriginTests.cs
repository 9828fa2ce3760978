using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// The hub takes browsers from our own origin and from those listed in Hub:AllowedOrigins, and refuses
/// any other page (403) before negotiation or a WebSocket upgrade: a page elsewhere must not listen in
/// with a reader's cookie. Clients that send no Origin (programs with a bearer token) are not browsers
/// and are let through to authentication.
/// </summary>
public sealed class HubOriginTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Negotiate = "/hubs/annotations/negotiate?negotiateVersion=1";
    private const string Listed = "https://lms.example.org";

    [Fact]
    public async Task A_foreign_origin_is_refused_before_negotiation()
    {
        var reader = await app.RegisterAsync();

        var response = await reader.Http.SendAsync(NegotiateFrom("https://evil.example"));

        Assert.Contains("Hub:AllowedOrigins", await response.ProblemDetailAsync(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_foreign_origin_cannot_open_a_WebSocket()
    {
        var reader = await app.RegisterAsync();
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Origin = "https://evil.example";

        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            client.ConnectAsync(new Uri(app.Server.BaseAddress, $"hubs/annotations?access_token={reader.Token}"), CancellationToken.None));

        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task Our_own_origin_negotiates()
    {
        var reader = await app.RegisterAsync();

        var response = await reader.Http.SendAsync(NegotiateFrom(app.Origin));

        Assert.True((await response.JsonAsync()).TryGetProperty("connectionToken", out _));
    }

    [Fact]
    public async Task A_client_without_an_Origin_is_no_browser_and_negotiates()
    {
        var reader = await app.RegisterAsync();

        var response = await reader.Http.PostAsync(Negotiate, null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_origin_listed_in_the_configuration_negotiates_with_CORS()
    {
        await using var listing = app.WithWebHostBuilder(builder => builder.UseSetting("Hub:AllowedOrigins:0", Listed + "/"));
        var client = listing.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));

        var preflight = new HttpRequestMessage(HttpMethod.Options, Negotiate);
        preflight.Headers.Add("Origin", Listed);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,x-requested-with");
        var allowed = await client.SendAsync(preflight);
        var negotiated = await client.SendAsync(NegotiateFrom(Listed));
        var other = await client.SendAsync(NegotiateFrom("https://other.example.org"));

        Assert.True(allowed.IsSuccessStatusCode, $"preflight answered {(int)allowed.StatusCode}");
        Assert.Equal(Listed, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        await negotiated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(Listed, negotiated.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", negotiated.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        await other.ProblemDetailAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void An_allowed_origin_that_is_not_an_origin_stops_the_app_with_a_sentence()
    {
        using var misconfigured = app.WithWebHostBuilder(builder => builder.UseSetting("Hub:AllowedOrigins:0", "lms.example.org/annotate"));

        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.Server);

        Assert.Contains("Hub:AllowedOrigins", failure.ToString());
        Assert.Contains("lms.example.org/annotate", failure.ToString());
    }

    private static HttpRequestMessage NegotiateFrom(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Negotiate);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var email = $"listed.{Guid.NewGuid():N}@example.org";
        await (await client.PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var tokens = await (await client.PostAsJsonAsync("/api/auth/login", new { email, password = AnnotateApp.Password })).JsonAsync();
        return tokens.GetProperty("accessToken").GetString()!;
    }
}
