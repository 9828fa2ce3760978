using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Another site cannot act with a signed-in reader's cookie. What a page elsewhere can send without the
/// browser asking us first is a form (urlencoded, multipart or text/plain) or a fetch with such a body or
/// none: JSON calls refuse those types (415), a cookie upload needs the antiforgery token of one of our
/// pages, and a cookie call from another origin is refused. Bearer clients carry no ambient credential,
/// so none of this is asked of them.
/// </summary>
public sealed partial class CrossSiteRequestTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Elsewhere = "https://evil.example";

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task A_cookie_only_cross_site_post_cannot_create_an_annotation(string? contentType)
    {
        var room = await app.CreateClassroomAsync();
        var browser = await CookieReader.SignInAsync(app, room.StudentA);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/{room.DocumentId}/annotations")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(room.Comment("nothing to lose but their chains", "Posted from elsewhere.").ToJsonString())),
        };
        if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        FromElsewhere(request);

        var response = await browser.Http.SendAsync(request);

        Assert.Contains("application/json", await response.ProblemDetailAsync(HttpStatusCode.UnsupportedMediaType));
        Assert.Empty(await room.StudentA.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Theory]
    [InlineData(Elsewhere, "cross-site")]
    [InlineData("null", "cross-site")]
    [InlineData(null, "same-site")]
    public async Task A_cookie_call_from_another_origin_is_refused_even_without_a_body(string? origin, string fetchSite)
    {
        var (room, thread, response) = await ResolveByCookieAsync(origin, fetchSite);

        Assert.Contains("another site", await response.ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.False((await (await room.StudentA.GetAnnotationAsync(thread)).JsonAsync()).GetProperty("resolved").GetBoolean());
    }

    [Fact]
    public async Task A_cookie_call_from_our_own_pages_goes_through()
    {
        var (_, _, response) = await ResolveByCookieAsync(app.Origin, "same-origin");

        Assert.True((await response.JsonAsync()).GetProperty("resolved").GetBoolean());
    }

    [Fact]
    public async Task A_cookie_upload_without_the_antiforgery_token_is_refused_and_adds_nothing()
    {
        var room = await app.CreateClassroomAsync();
        var browser = await CookieReader.SignInAsync(app, room.Teacher);

        var response = await browser.Http.PostAsync($"/api/seminars/{room.SeminarId}/documents", Upload());

        Assert.Contains("antiforgery token", await response.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(1, await DocumentCountAsync(room.SeminarId));
    }

    [Fact]
    public async Task A_cookie_upload_with_the_token_from_one_of_our_pages_is_added()
    {
        var room = await app.CreateClassroomAsync();
        var browser = await CookieReader.SignInAsync(app, room.Teacher);
        // Any page rendered for the signed-in reader holds one (the Sign out form); the answer also sets its cookie.
        var home = await (await browser.Http.GetAsync("/")).Content.ReadAsStringAsync();
        var token = RequestToken().Match(home).Groups[1].Value;
        Assert.NotEmpty(token);

        var inField = await browser.Http.PostAsync($"/api/seminars/{room.SeminarId}/documents", Upload(("__RequestVerificationToken", token)));
        var inHeader = new HttpRequestMessage(HttpMethod.Post, $"/api/seminars/{room.SeminarId}/documents") { Content = Upload() };
        inHeader.Headers.Add("RequestVerificationToken", token);

        await inField.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await browser.Http.SendAsync(inHeader)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        Assert.Equal(3, await DocumentCountAsync(room.SeminarId));
    }

    [Fact]
    public async Task A_token_made_for_someone_else_does_not_do()
    {
        var room = await app.CreateClassroomAsync();
        var student = await CookieReader.SignInAsync(app, room.StudentA);
        var studentsToken = RequestToken().Match(await (await student.Http.GetAsync("/")).Content.ReadAsStringAsync()).Groups[1].Value;
        var teacher = await CookieReader.SignInAsync(app, room.Teacher);

        var response = await teacher.Http.PostAsync($"/api/seminars/{room.SeminarId}/documents", Upload(("__RequestVerificationToken", studentsToken)));

        await response.ProblemDetailAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await DocumentCountAsync(room.SeminarId));
    }

    [Fact]
    public async Task A_bearer_upload_needs_no_antiforgery_token()
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.Teacher.Http.PostAsync($"/api/seminars/{room.SeminarId}/documents", Upload());

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        Assert.Equal(2, await DocumentCountAsync(room.SeminarId));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_not_sent_on_cross_site_posts()
    {
        var user = await app.RegisterAsync();
        var browser = CookieReader.SignedOut(app);

        var login = await browser.Http.PostAsync("/api/auth/login?useCookies=true",
            new StringContent($$"""{"email":"{{user.Email}}","password":"{{user.Password}}"}""", Encoding.UTF8, "application/json"));

        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A teacher, signed in by the cookie, resolves a student's thread with a request that carries these headers.</summary>
    private async Task<(Classroom Room, string Thread, HttpResponseMessage Response)> ResolveByCookieAsync(string? origin, string fetchSite)
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("nothing to lose but their chains"))).Iri();
        var browser = await CookieReader.SignInAsync(app, room.Teacher);
        var request = new HttpRequestMessage(HttpMethod.Post, $"{thread}/resolved");
        if (origin is not null) request.Headers.Add("Origin", origin);
        request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return (room, thread, await browser.Http.SendAsync(request));
    }

    /// <summary>The headers a browser puts on a request that a page of another site makes.</summary>
    private static void FromElsewhere(HttpRequestMessage request)
    {
        request.Headers.Add("Origin", Elsewhere);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
    }

    private static MultipartFormDataContent Upload(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent("A text from a file."u8.ToArray()), "file", "notes.txt" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    private Task<long> DocumentCountAsync(int seminarId) =>
        app.Database.CountAsync("SELECT COUNT(*) FROM Documents WHERE SeminarId = $id", ("$id", seminarId));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();
}
