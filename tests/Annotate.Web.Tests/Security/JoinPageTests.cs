using System.Net;
using Annotate.Web.Components.Pages;
using Annotate.Web.Tests.Infrastructure;
using Bunit;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// <c>/join/{code}</c> in a browser: opening it (a link, a page's first render, an image a comment embeds)
/// only shows the seminar's name and teachers; only the Join form's POST, with its antiforgery token,
/// joins. The page says why it cannot join, and joins no one the API would refuse.
/// </summary>
public sealed class JoinPageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string JoinForm = "join-seminar";

    [Fact]
    public async Task Opening_the_join_link_in_any_way_shows_the_seminar_and_its_teachers_and_enrols_no_one()
    {
        var scene = await SceneAsync();
        var stranger = await app.RegisterAsync("stranger");
        var browser = await CookieReader.SignInAsync(app, stranger, followRedirects: true);

        // A link followed to its end, the same with the code typed in lower case, and what an <img src="/join/CODE"> sends.
        var page = await browser.Http.GetAsync($"/join/{scene.Code}");
        await (await browser.Http.GetAsync($"/join/{scene.Code.ToLowerInvariant()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var image = new HttpRequestMessage(HttpMethod.Get, $"/join/{scene.Code}");
        image.Headers.Accept.ParseAdd("image/avif,image/webp,image/png,image/*;q=0.8,*/*;q=0.5");
        image.Headers.Add("Sec-Fetch-Dest", "image");
        image.Headers.Add("Sec-Fetch-Mode", "no-cors");
        await browser.Http.SendAsync(image);

        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal($"/join/{scene.Code}", page.RequestMessage?.RequestUri?.AbsolutePath);
        var html = await page.Content.ReadAsStringAsync();
        var text = HtmlPage.MainText(html);
        Assert.Contains(scene.Name, text);
        Assert.Contains(scene.Teacher.DisplayName, text);
        Assert.Contains(scene.CoTeacher.DisplayName, text);
        Assert.Equal(["Join"], HtmlPage.FormButtons(html, JoinForm));
        Assert.Contains(HtmlPage.TokenField, HtmlPage.FormFields(html, JoinForm)!.Keys);
        // Nothing beyond the name and the teachers: no students, no documents.
        Assert.DoesNotContain(scene.Student.DisplayName, html);
        Assert.DoesNotContain(scene.DocumentTitle, html);
        Assert.False(await IsMemberAsync(scene.SeminarId, stranger));
        Assert.Equal("[]", await stranger.Http.GetStringAsync("/api/seminars"));
    }

    [Fact]
    public async Task Rendering_the_join_page_in_a_live_circuit_enrols_no_one()
    {
        var scene = await SceneAsync();
        var reader = await app.RegisterAsync("reader");
        await using var pages = new LiveReadingPages(app);

        var page = pages.Render<JoinPage>(reader, p => p.Add(x => x.Code, scene.Code));

        await page.WaitForAssertionAsync(() => Assert.Contains(scene.Name, page.Markup), LiveReadingPages.Timeout);
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("button[type=submit]"), b => b.TextContent.Trim() == "Join"), LiveReadingPages.Timeout);
        Assert.False(await IsMemberAsync(scene.SeminarId, reader));
    }

    [Fact]
    public async Task Pressing_Join_posts_the_form_with_its_antiforgery_token_and_lands_on_the_seminar()
    {
        var scene = await SceneAsync();
        var student = await app.RegisterAsync("joining");
        var browser = await CookieReader.SignInAsync(app, student);
        var html = await browser.Http.GetStringAsync($"/join/{scene.Code}");

        var posted = await browser.Http.PostAsync($"/join/{scene.Code}", new FormUrlEncodedContent(HtmlPage.FormFields(html, JoinForm)!));

        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.EndsWith($"/seminars/{scene.SeminarId}", posted.Headers.Location?.ToString());
        Assert.True(await IsMemberAsync(scene.SeminarId, student));
        // Afterwards the link says so instead of offering to join again.
        var again = await browser.Http.GetStringAsync($"/join/{scene.Code}");
        Assert.Contains("You're already in this seminar", HtmlPage.MainText(again));
        Assert.Contains($"href=\"seminars/{scene.SeminarId}\"", again);
        Assert.Empty(HtmlPage.FormButtons(again, JoinForm));
    }

    [Fact]
    public async Task A_join_post_without_a_valid_antiforgery_token_enrols_no_one()
    {
        var scene = await SceneAsync();
        var victim = await app.RegisterAsync("victim");
        var browser = await CookieReader.SignInAsync(app, victim);
        await browser.Http.GetStringAsync($"/join/{scene.Code}");
        // A forging page can send the form name, and a token of its own author's session, but not the victim's token.
        var attacker = await CookieReader.SignInAsync(app, await app.RegisterAsync("attacker"));
        var attackersToken = HtmlPage.AnyToken(await attacker.Http.GetStringAsync($"/join/{scene.Code}"))!;

        var withoutToken = await browser.Http.PostAsync($"/join/{scene.Code}", Form(("_handler", JoinForm)));
        var withForeignToken = await browser.Http.PostAsync($"/join/{scene.Code}", Form(("_handler", JoinForm), (HtmlPage.TokenField, attackersToken)));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withForeignToken.StatusCode);
        Assert.False(await IsMemberAsync(scene.SeminarId, victim));
    }

    [Fact]
    public async Task The_join_page_says_why_it_cannot_join_and_offers_no_Join_button()
    {
        var scene = await SceneAsync();
        var removed = await app.RegisterAsync("removed");
        await app.JoinAsync(removed, scene.Code);
        await (await scene.Teacher.Http.DeleteAsync($"/api/seminars/{scene.SeminarId}/members/{removed.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var (closedId, closedCode) = await app.CreateSeminarAsync(scene.Teacher, "Closed seminar");
        await CloseJoiningAsync(scene.Teacher, closedId);
        var outsider = await app.RegisterAsync("outsider");

        var cases = new (ApiUser Who, string Code, string Says)[]
        {
            (outsider, "ZZZZ2222", "No seminar has that join code."),
            (outsider, closedCode, "This seminar is not taking new members: its teacher closed joining."),
            (removed, scene.Code, "You were removed from this seminar; ask its teacher to let you back in."),
            (scene.Student, scene.Code, "You're already in this seminar."),
        };

        foreach (var (who, code, says) in cases)
        {
            var html = await (await CookieReader.SignInAsync(app, who)).Http.GetStringAsync($"/join/{code}");
            Assert.Contains(says, HtmlPage.MainText(html));
            Assert.Empty(HtmlPage.FormButtons(html, JoinForm));
        }
        Assert.DoesNotContain("Closed seminar", HtmlPage.MainText(await (await CookieReader.SignInAsync(app, outsider)).Http.GetStringAsync("/join/ZZZZ2222")));
        Assert.False(await IsMemberAsync(scene.SeminarId, removed));
        Assert.False(await IsMemberAsync(closedId, outsider));
    }

    [Fact]
    public async Task A_join_post_the_API_would_refuse_changes_nothing_and_says_why()
    {
        var scene = await SceneAsync();
        var late = await app.RegisterAsync("late");
        var lateBrowser = await CookieReader.SignInAsync(app, late);
        var lateForm = HtmlPage.FormFields(await lateBrowser.Http.GetStringAsync($"/join/{scene.Code}"), JoinForm)!;
        var stale = await app.RegisterAsync("stale");
        var staleBrowser = await CookieReader.SignInAsync(app, stale);
        var staleForm = HtmlPage.FormFields(await staleBrowser.Http.GetStringAsync($"/join/{scene.Code}"), JoinForm)!;
        var removed = await app.RegisterAsync("removed");
        await app.JoinAsync(removed, scene.Code);
        await (await scene.Teacher.Http.DeleteAsync($"/api/seminars/{scene.SeminarId}/members/{removed.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var removedBrowser = await CookieReader.SignInAsync(app, removed);
        // The removed page offers no Join button: post its form anyway, as a crafted request would.
        var removedForm = HtmlPage.FormFields(await removedBrowser.Http.GetStringAsync($"/join/{scene.Code}"), JoinForm)!;

        var byRemoved = await removedBrowser.Http.PostAsync($"/join/{scene.Code}", new FormUrlEncodedContent(removedForm));
        await CloseJoiningAsync(scene.Teacher, scene.SeminarId);
        var afterClosing = await lateBrowser.Http.PostAsync($"/join/{scene.Code}", new FormUrlEncodedContent(lateForm));
        await (await scene.Teacher.Http.PostAsync($"/api/seminars/{scene.SeminarId}/join-code", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var afterNewCode = await staleBrowser.Http.PostAsync($"/join/{scene.Code}", new FormUrlEncodedContent(staleForm));

        await byRemoved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains("You were removed from this seminar", HtmlPage.MainText(await byRemoved.Content.ReadAsStringAsync()));
        await afterClosing.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains("its teacher closed joining", HtmlPage.MainText(await afterClosing.Content.ReadAsStringAsync()));
        Assert.False(await IsMemberAsync(scene.SeminarId, removed));
        await afterNewCode.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains("No seminar has that join code.", HtmlPage.MainText(await afterNewCode.Content.ReadAsStringAsync()));
        Assert.False(await IsMemberAsync(scene.SeminarId, late));
        Assert.False(await IsMemberAsync(scene.SeminarId, stale));
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_back_to_the_join_page()
    {
        var scene = await SceneAsync();

        var response = await CookieReader.SignedOut(app).Http.GetAsync($"/join/{scene.Code}");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = Uri.UnescapeDataString(response.Headers.Location!.ToString());
        Assert.Contains("Account/Login", location, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"/join/{scene.Code}", location);
    }

    private sealed record Scene(ApiUser Teacher, ApiUser CoTeacher, ApiUser Student, int SeminarId, string Code, string Name, string DocumentTitle);

    /// <summary>A seminar with a unique name, two teachers, a student and a document none of whom the join page may show beyond the teachers.</summary>
    private async Task<Scene> SceneAsync()
    {
        var teacher = await app.RegisterAsync("teacher");
        var name = $"Seminar {Guid.NewGuid():N}"[..20];
        var (seminarId, code) = await app.CreateSeminarAsync(teacher, name);
        var coTeacher = await app.RegisterAsync("coteacher");
        var student = await app.RegisterAsync("student");
        await app.JoinAsync(coTeacher, code);
        await app.JoinAsync(student, code);
        await (await teacher.Http.PutAsync($"/api/seminars/{seminarId}/members/{coTeacher.Id}/role",
            new StringContent("""{"role":"teacher"}""", System.Text.Encoding.UTF8, "application/json"))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var title = $"Document {Guid.NewGuid():N}";
        await app.AddDocumentAsync(teacher, seminarId, title, "A text to read.");
        return new Scene(teacher, coTeacher, student, seminarId, code, name, title);
    }

    private async Task<bool> IsMemberAsync(int seminarId, ApiUser user) =>
        await app.Database.CountAsync("SELECT COUNT(*) FROM Memberships WHERE SeminarId = $s AND UserId = $u", ("$s", seminarId), ("$u", user.Id)) > 0;

    private static async Task CloseJoiningAsync(ApiUser teacher, int seminarId) =>
        await (await teacher.Http.PutAsync($"/api/seminars/{seminarId}/joining",
            new StringContent("""{"open":false}""", System.Text.Encoding.UTF8, "application/json"))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
