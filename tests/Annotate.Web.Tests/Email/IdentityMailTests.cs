using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Email;

/// <summary>
/// Identity's three mails through the real app and a real SMTP exchange: confirm an account, reset a
/// password, change the address; by the account pages and by the API. Each arrives with a text and an HTML
/// part, its link on the public origin, and following the link does what the mail says.
/// </summary>
public sealed class IdentityMailTests(MailingApp mailing) : IClassFixture<MailingApp>
{
    private AnnotateApp App => mailing.App;
    private TestSmtpServer Smtp => mailing.Smtp;

    [Fact]
    public async Task Registering_on_the_page_mails_a_confirmation_link_that_lets_the_account_sign_in()
    {
        var email = MailingApp.NewAddress("ada");
        var browser = AccountPages.Browser(App);

        var registered = await AccountPages.RegisterAsync(browser, "Ada Lovelace", email, AnnotateApp.Password);

        Assert.Equal("/Account/RegisterConfirmation", AccountPages.RedirectPath(registered));
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);

        var mail = await Smtp.WaitForMailAsync(email);
        Assert.Equal("Confirm your e-mail address for Annotate", mail.Subject);
        Assert.Equal("annotate@example.org", Assert.Single(mail.Message.From.Mailboxes).Address);
        Assert.Contains("Annotate", mail.Text);
        Assert.Contains($"made an Annotate account with this address, {email}", mail.Text);
        Assert.Contains("Confirm my address", mail.Html);
        Assert.DoesNotContain("Ada Lovelace", mail.Text + mail.Html);
        Assert.StartsWith($"{TestSmtpServer.PublicOrigin}/Account/ConfirmEmail?", mail.Link.AbsoluteUri);

        var confirmed = await browser.GetAsync(MailingApp.OnTestServer(mail.Link));
        await confirmed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Thank you for confirming your email.", HtmlPage.MainText(await confirmed.Content.ReadAsStringAsync()));
        await App.LoginAsync(email);
    }

    [Fact]
    public async Task Registering_through_the_api_mails_a_link_to_the_api_confirmation_that_lets_the_account_sign_in()
    {
        var email = MailingApp.NewAddress("api");
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var mail = await Smtp.WaitForMailAsync(email);

        Assert.StartsWith($"{TestSmtpServer.PublicOrigin}/api/auth/confirmEmail?", mail.Link.AbsoluteUri);
        await (await App.CreateApiClient().GetAsync(MailingApp.OnTestServer(mail.Link))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await App.LoginAsync(email);
    }

    [Fact]
    public async Task A_request_naming_another_host_still_gets_links_on_the_public_origin()
    {
        var email = MailingApp.NewAddress("forged");
        var client = App.CreateApiClient();
        client.DefaultRequestHeaders.Host = "attacker.example";

        await (await client.PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var mail = await Smtp.WaitForMailAsync(email);
        Assert.DoesNotContain("attacker.example", mail.Text + mail.Html);
        Assert.Equal(TestSmtpServer.PublicOrigin, mail.Link.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task Forgot_password_on_the_page_mails_a_reset_link_that_sets_a_new_password()
    {
        var user = await mailing.RegisterConfirmedAsync("forgetful");
        var browser = AccountPages.Browser(App);

        var asked = await AccountPages.SubmitAsync(browser, "/Account/ForgotPassword", "forgot-password", ("Input.Email", user.Email));
        Assert.Equal("/Account/ForgotPasswordConfirmation", AccountPages.RedirectPath(asked));

        var mail = await Smtp.WaitForMailAsync(user.Email, m => m.Subject == "Reset your Annotate password");
        Assert.Equal("Reset your Annotate password", mail.Subject);
        Assert.Contains("Choose a new password", mail.Html);
        Assert.Contains("your password stays as it is", mail.Text);
        Assert.StartsWith($"{TestSmtpServer.PublicOrigin}/Account/ResetPassword?code=", mail.Link.AbsoluteUri);

        const string newPassword = "Another-Pass-2027";
        var resetPage = MailingApp.OnTestServer(mail.Link);
        var page = await browser.GetAsync(resetPage);
        var fields = HtmlPage.FormFields(await page.Content.ReadAsStringAsync(), "reset-password")!;
        fields["Input.Email"] = user.Email;
        fields["Input.Password"] = newPassword;
        fields["Input.ConfirmPassword"] = newPassword;
        var reset = await browser.PostAsync(resetPage, new FormUrlEncodedContent(fields));

        Assert.Equal("/Account/ResetPasswordConfirmation", AccountPages.RedirectPath(reset));
        await App.LoginAsync(user.Email, newPassword);
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_every_address_and_mails_only_a_confirmed_account()
    {
        var confirmed = await mailing.RegisterConfirmedAsync("confirmed");
        var unconfirmed = MailingApp.NewAddress("unconfirmed");
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email = unconfirmed, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var unknown = MailingApp.NewAddress("unknown");

        var pages = new List<string>();
        foreach (var email in new[] { unknown, unconfirmed, confirmed.Email })
        {
            var browser = AccountPages.Browser(App);
            var asked = await AccountPages.SubmitAsync(browser, "/Account/ForgotPassword", "forgot-password", ("Input.Email", email));
            Assert.Equal("/Account/ForgotPasswordConfirmation", AccountPages.RedirectPath(asked));
            pages.Add(HtmlPage.MainText(await (await browser.GetAsync("/Account/ForgotPasswordConfirmation")).Content.ReadAsStringAsync()));
            var api = await App.CreateApiClient().PostAsJsonAsync("/api/auth/forgotPassword", new { email });
            await api.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        Assert.Single(pages.Distinct());
        // The queue sends in order: once the confirmed account's two mails are in, any earlier one would be too.
        await Smtp.WaitForMailAsync(confirmed.Email, m => m.Subject == "Reset your Annotate password" && m.TextBody is { } text && text.Contains("Give this code", StringComparison.Ordinal));
        Assert.Equal(2, Smtp.MailTo(confirmed.Email).Count(m => m.Subject == "Reset your Annotate password"));
        Assert.Empty(Smtp.MailTo(unknown));
        Assert.DoesNotContain(Smtp.MailTo(unconfirmed), m => m.Subject == "Reset your Annotate password");
    }

    [Fact]
    public async Task Forgot_password_through_the_api_mails_a_code_that_resets_the_password()
    {
        var user = await mailing.RegisterConfirmedAsync("apireset");

        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/forgotPassword", new { email = user.Email })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var mail = await Smtp.WaitForMailAsync(user.Email, m => m.Subject == "Reset your Annotate password");
        var lines = mail.Text.Split('\n');
        var code = lines[Array.IndexOf(lines, "Give this code with your new password:") + 1];
        Assert.Contains($">{WebUtility.HtmlEncode(code)}<", mail.Html);
        const string newPassword = "Code-Reset-2027";
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/resetPassword", new { email = user.Email, resetCode = code, newPassword }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await App.LoginAsync(user.Email, newPassword);
    }

    [Fact]
    public async Task Changing_the_address_on_the_page_mails_the_new_address_a_link_that_makes_the_change()
    {
        var user = await mailing.RegisterConfirmedAsync("mover");
        var browser = (await CookieReader.SignInAsync(App, user)).Http;
        var newEmail = MailingApp.NewAddress("moved");

        var asked = await AccountPages.SubmitAsync(browser, "/Account/Manage/Email", "change-email", ("Input.NewEmail", newEmail));
        await asked.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Confirmation link to change email sent", HtmlPage.MainText(await asked.Content.ReadAsStringAsync()));

        var mail = await Smtp.WaitForMailAsync(newEmail);
        Assert.Equal("Confirm your new e-mail address for Annotate", mail.Subject);
        Assert.Contains($"asked to use this address, {newEmail}", mail.Text);
        Assert.DoesNotContain(user.Email, mail.Text + mail.Html);
        Assert.StartsWith($"{TestSmtpServer.PublicOrigin}/Account/ConfirmEmailChange?", mail.Link.AbsoluteUri);

        var confirmed = await browser.GetAsync(MailingApp.OnTestServer(mail.Link));
        await confirmed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Thank you for confirming your email change.", HtmlPage.MainText(await confirmed.Content.ReadAsStringAsync()));
        await App.LoginAsync(newEmail);
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_address_through_the_api_mails_the_new_address_a_change_link()
    {
        var user = await mailing.RegisterConfirmedAsync("apimover");
        var newEmail = MailingApp.NewAddress("apimoved");

        await (await user.Http.PostAsJsonAsync("/api/auth/manage/info", new { newEmail })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var mail = await Smtp.WaitForMailAsync(newEmail);
        Assert.Equal("Confirm your new e-mail address for Annotate", mail.Subject);
        await (await App.CreateApiClient().GetAsync(MailingApp.OnTestServer(mail.Link))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await App.LoginAsync(newEmail);
    }

    [Fact]
    public async Task Asking_again_and_again_sends_an_address_at_most_five_account_mails_an_hour_and_answers_the_same()
    {
        var email = MailingApp.NewAddress("flooded");
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        for (var i = 0; i < 6; i++)
            await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var barrier = MailingApp.NewAddress("barrier");
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email = barrier, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await Smtp.WaitForMailAsync(barrier);

        Assert.Equal(5, Smtp.MailTo(email).Count);
        Assert.Equal(2, App.Logs.Entries.Count(e => e.Message.StartsWith("Not sending", StringComparison.Ordinal) && e.Message.Contains(email, StringComparison.Ordinal)));
    }
}
