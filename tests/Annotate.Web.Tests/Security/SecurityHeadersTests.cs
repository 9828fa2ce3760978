using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Every answer carries the browser-side defences: a Content-Security-Policy with no inline script, no
/// framing, no MIME sniffing, a referrer kept to our own pages, and HSTS over HTTPS outside Development.
/// The policy's one allowance, the hash of the page's import map, must match the import map the page holds.
/// </summary>
public sealed partial class SecurityHeadersTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    [InlineData("/api/documents")]
    [InlineData("/health")]
    [InlineData("/favicon.png")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await app.CreateApiClient().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("base-uri", policy);
    }

    [Fact]
    public async Task Pages_allow_scripts_from_this_origin_only_and_the_import_map_by_its_hash()
    {
        var response = await app.CreateApiClient().GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'none'", policy["object-src"]);
        var scriptSources = policy["script-src"].Split(' ');
        Assert.DoesNotContain("'unsafe-inline'", scriptSources);
        Assert.DoesNotContain("'unsafe-eval'", scriptSources);
        // The page's inline scripts: exactly the import map, and the policy names its hash.
        var inline = InlineScript().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var importMap = Assert.Single(inline);
        var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)))}'";
        Assert.Equal(["'self'", hash], scriptSources);
        Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_answers_allow_nothing_to_run()
    {
        var reader = await app.RegisterAsync();

        var response = await reader.Http.GetAsync("/api/users/me");

        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
    }

    [Fact]
    public async Task The_printable_export_may_style_itself_but_run_nothing()
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}/export?format=html");
        var html = await response.Content.ReadAsStringAsync();

        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'unsafe-inline'", policy["style-src"]);
        Assert.False(policy.ContainsKey("script-src"));
        // Saved and opened from disk, the file keeps the same rule in a meta element.
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://annotate.example.org"), AllowAutoRedirect = false });
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://annotate.example.org"), AllowAutoRedirect = false });

        var secure = await https.GetAsync("/Account/Login");
        var plain = await http.GetAsync("/Account/Login");

        Assert.Matches("^max-age=\\d{7,}", Header(secure, "Strict-Transport-Security"));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode}) has no {name} header.");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
