using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>The account page that deletes an account: what it will do, said before; the refusal, with the way out.</summary>
public sealed class DeleteAccountPageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Page = "/Account/Manage/DeletePersonalData";

    [Fact]
    public async Task The_only_teacher_is_shown_the_seminars_to_hand_over_with_links_and_no_delete_button()
    {
        var room = await app.CreateClassroomAsync();
        var browser = await CookieReader.SignInAsync(app, room.Teacher);

        var html = await (await browser.Http.GetAsync(Page)).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"seminars/{room.SeminarId}\"", html);
        Assert.Contains("Make another member a teacher, or delete the seminar, first.", html);
        Assert.DoesNotContain("Delete my account", html);
    }

    [Fact]
    public async Task The_page_lists_the_seminars_deleted_along_then_deletes_and_signs_out()
    {
        var loner = await app.RegisterAsync("page.loner");
        await app.CreateSeminarAsync(loner, "My reading notes");
        var browser = await CookieReader.SignInAsync(app, loner);
        var html = await (await browser.Http.GetAsync(Page)).Content.ReadAsStringAsync();
        Assert.Contains("My reading notes", html);
        // As a person reads it: the page's words come from the resources, and Blazor writes “ ” as character references.
        Assert.Contains("shown as by “a deleted account”", WebUtility.HtmlDecode(html));

        var wrong = await AccountPages.SubmitAsync(browser.Http, Page, "delete-user", ("Input.Password", "Not-the-password-1"));
        Assert.Contains("not this account&#x27;s password", await wrong.Content.ReadAsStringAsync());
        await (await loner.Http.GetAsync("/api/users/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var deleted = await AccountPages.SubmitAsync(browser.Http, Page, "delete-user", ("Input.Password", loner.Password));

        Assert.Equal("/Account/Login", AccountPages.RedirectPath(deleted));
        await (await browser.Http.GetAsync("/api/users/me")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await (await loner.Http.GetAsync("/api/users/me")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        var login = await (await browser.Http.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        Assert.Contains("Your account has been deleted.", login);
    }
}
