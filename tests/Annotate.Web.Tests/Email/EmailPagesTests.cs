using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Email;

/// <summary>
/// The account pages that depend on mail say whether this server sends any: without it they say so and
/// offer no form that would promise a message; with it they offer the form and name the sender.
/// </summary>
public sealed class EmailPagesTests(AnnotateApp plain, MailingApp mailing) : IClassFixture<AnnotateApp>, IClassFixture<MailingApp>
{
    private const string NoEmail = "This server sends no e-mail, so";

    [Fact]
    public async Task Without_mail_the_email_settings_page_says_so_and_offers_no_change()
    {
        var user = await plain.RegisterAsync("nomail");
        var html = await PageAsync((await CookieReader.SignInAsync(plain, user)).Http, "/Account/Manage/Email");

        Assert.Contains($"{NoEmail} your address cannot be confirmed or changed here", HtmlPage.MainText(html));
        Assert.Contains(user.Email, html);
        Assert.Null(HtmlPage.FormFields(html, "change-email"));
        Assert.Null(HtmlPage.FormFields(html, "send-verification"));
    }

    [Fact]
    public async Task With_mail_the_email_settings_page_names_the_sender_and_offers_the_change()
    {
        var user = await mailing.RegisterConfirmedAsync("withmail");
        var html = await PageAsync((await CookieReader.SignInAsync(mailing.App, user)).Http, "/Account/Manage/Email");

        var text = HtmlPage.MainText(html);
        Assert.Contains("Links to confirm an address come by e-mail from annotate@example.org", text);
        Assert.DoesNotContain(NoEmail, text);
        Assert.NotNull(HtmlPage.FormFields(html, "change-email"));
    }

    [Theory]
    [InlineData("/Account/ForgotPassword", "forgot-password", "it cannot send you a link to reset your password")]
    [InlineData("/Account/ResendEmailConfirmation", "resend-email-confirmation", "there is no confirmation to send")]
    public async Task Without_mail_the_pages_that_would_send_one_say_so_instead_of_offering_the_form(string path, string form, string consequence)
    {
        var html = await PageAsync(AccountPages.Browser(plain), path);

        Assert.Contains($"{NoEmail} {consequence}", HtmlPage.MainText(html));
        Assert.Null(HtmlPage.FormFields(html, form));
    }

    [Theory]
    [InlineData("/Account/ForgotPassword", "forgot-password")]
    [InlineData("/Account/ResendEmailConfirmation", "resend-email-confirmation")]
    public async Task With_mail_the_pages_offer_their_form(string path, string form)
    {
        var html = await PageAsync(AccountPages.Browser(mailing.App), path);

        Assert.DoesNotContain(NoEmail, HtmlPage.MainText(html));
        Assert.NotNull(HtmlPage.FormFields(html, form));
    }

    private static async Task<string> PageAsync(HttpClient browser, string path)
    {
        var page = await browser.GetAsync(path);
        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await page.Content.ReadAsStringAsync();
    }
}
