using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests;

/// <summary>Who is signed in: bearer tokens from /api/auth, and 401 everywhere else without one.</summary>
public sealed partial class AuthTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Every_api_route_except_auth_answers_401_problem_with_a_sentence_without_a_user()
    {
        var client = app.CreateApiClient();
        var routes = ApiRoutesOutsideAuth();
        // Guard against a vacuous pass: the routes the contract names must be among those tried.
        Assert.Contains(("GET", "/api/users/me"), routes);
        Assert.Contains(("PUT", "/api/annotations/{id:guid}"), routes);
        Assert.Contains(("POST", "/api/seminars/{seminarId:int}/documents"), routes);

        var wrong = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), Concrete(pattern));
            if (method is "POST" or "PUT") request.Content = JsonContent.Create(new { });
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
                wrong.Add($"{method} {pattern}: {(int)response.StatusCode}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                wrong.Add($"{method} {pattern}: 401 as {response.Content.Headers.ContentType}, not problem+json");
            else if (!(await response.Content.ReadAsStringAsync()).Contains("\"detail\":\"Sign in first", StringComparison.Ordinal))
                wrong.Add($"{method} {pattern}: 401 without a sentence saying to sign in");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_token_that_is_not_ours_is_401_too()
    {
        var response = await app.CreateApiClient("not-a-real-token").GetAsync("/api/documents");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Registered_account_logs_in_at_once_and_reads_itself_at_users_me()
    {
        var client = app.CreateApiClient();
        const string email = "ada.lovelace@example.org";

        var registered = await client.PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password });
        await registered.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var tokens = await (await client.PostAsJsonAsync("/api/auth/login", new { email, password = AnnotateApp.Password })).JsonAsync();
        Assert.Equal("Bearer", tokens.GetProperty("tokenType").GetString());
        Assert.True(tokens.GetProperty("expiresIn").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refreshToken").GetString()));

        var me = await (await app.CreateApiClient(tokens.GetProperty("accessToken").GetString()).GetAsync("/api/users/me")).JsonAsync();
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("ada.lovelace", me.GetProperty("displayName").GetString());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_401()
    {
        var user = await app.RegisterAsync("forgetful");

        var response = await app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "Wrong-Pass-1" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Every mapped /api endpoint (method and route pattern) outside /api/auth, read from the app itself.</summary>
    private List<(string Method, string Pattern)> ApiRoutesOutsideAuth()
    {
        _ = app.Server; // starts the app
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && !e.Pattern.StartsWith("/api/auth/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(method => (method, e.Pattern.TrimEnd('/'))))
            .Distinct()
            .ToList();
    }

    /// <summary>A URL for the pattern: a new GUID for guid parameters, 1 for the others.</summary>
    private static string Concrete(string pattern) =>
        RouteParameter().Replace(pattern, match => match.Value.Contains(":guid") ? Guid.NewGuid().ToString() : "1");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
