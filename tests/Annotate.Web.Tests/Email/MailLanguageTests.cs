using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Annotate.Data.Entities;
using AccountLanguage = Annotate.Web.Features.Languages.AccountLanguage;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Email;

/// <summary>
/// A mail speaks its recipient's language (issue 16): the one their account remembers, else English; never the
/// language of the page or the person whose action sent it. Subject, text and HTML alike, and the HTML says which.
/// </summary>
public sealed class MailLanguageTests(MailingApp mailing) : IClassFixture<MailingApp>
{
    private AnnotateApp App => mailing.App;
    private TestSmtpServer Smtp => mailing.Smtp;

    [Fact]
    public async Task A_reset_link_asked_for_on_an_english_page_reaches_a_vietnamese_account_in_vietnamese()
    {
        var user = await mailing.RegisterConfirmedAsync("lan");
        await SpeaksAsync(user, "vi");
        var browser = AccountPages.Browser(App);
        browser.DefaultRequestHeaders.Add("Accept-Language", "en");

        await AccountPages.SubmitAsync(browser, "/Account/ForgotPassword", "forgot-password", ("Input.Email", user.Email));

        var mail = await Smtp.WaitForMailAsync(user.Email, m => m.Subject == "Đặt lại mật khẩu Annotate của bạn");
        Assert.Contains($"đặt lại mật khẩu của tài khoản Annotate dùng địa chỉ này, {user.Email}.", mail.Text);
        Assert.Contains("Liên kết chỉ dùng được một lần, trong một ngày.", mail.Text);
        Assert.Contains("<html lang=\"vi\">", mail.Html);
        // HtmlEncode writes letters of Latin-1 (ú, à) as character references: compared as a reader sees them.
        Assert.Contains("Chọn mật khẩu mới", WebUtility.HtmlDecode(mail.Html));
        Assert.Contains("Nếu nút không hoạt động", WebUtility.HtmlDecode(mail.Html));
        Assert.DoesNotContain("password", mail.Text + mail.Html);
    }

    [Fact]
    public async Task An_account_that_chose_no_language_gets_english_even_from_a_vietnamese_page()
    {
        var user = await mailing.RegisterConfirmedAsync("ada");
        var browser = AccountPages.Browser(App);
        browser.DefaultRequestHeaders.Add("Accept-Language", "vi");

        await AccountPages.SubmitAsync(browser, "/Account/ForgotPassword", "forgot-password", ("Input.Email", user.Email));

        var mail = await Smtp.WaitForMailAsync(user.Email, m => m.Subject == "Reset your Annotate password");
        Assert.Contains("The link works once, for one day.", mail.Text);
        Assert.Contains("<html lang=\"en\">", mail.Html);
    }

    [Fact]
    public async Task A_mention_by_an_english_teacher_reaches_a_vietnamese_student_in_vietnamese()
    {
        var teacher = await mailing.RegisterConfirmedAsync("teacher");
        var student = await mailing.RegisterConfirmedAsync("binh");
        await SpeaksAsync(student, "vi");
        var (seminarId, joinCode) = await App.CreateSeminarAsync(teacher);
        var documentId = await App.AddDocumentAsync(teacher, seminarId, "The Manifesto", SampleTexts.Manifesto);
        await App.JoinAsync(student, joinCode);
        teacher.Http.DefaultRequestHeaders.Add("Accept-Language", "en");

        await teacher.CreateAnnotationAsync(documentId, AnnotationJson.Comment(App.DocumentIri(documentId), SampleTexts.Manifesto,
            "class struggles", $"What do you say, {student.Mention()}?", "seminar", []));

        var mail = await Smtp.WaitForMailAsync(student.Email, m => m.Subject?.Contains("đã nhắc đến bạn") == true);
        Assert.Equal($"{teacher.DisplayName} đã nhắc đến bạn trong “The Manifesto”", mail.Subject);
        Assert.Contains("Bạn được nhắc đến trong một cuộc thảo luận.", mail.Text);
        Assert.Contains("Mở trong Annotate", WebUtility.HtmlDecode(mail.Html));
        Assert.Contains("Ngừng nhận các thư này", WebUtility.HtmlDecode(mail.Html));
    }

    [Fact]
    public async Task Registering_on_a_vietnamese_page_confirms_in_vietnamese_and_later_mails_stay_vietnamese()
    {
        var email = MailingApp.NewAddress("thu");
        var browser = AccountPages.Browser(App);
        browser.DefaultRequestHeaders.Add("Accept-Language", "vi");

        await AccountPages.RegisterAsync(browser, "Thu", email, AnnotateApp.Password);

        var confirmation = await Smtp.WaitForMailAsync(email);
        Assert.Equal("Xác nhận địa chỉ email của bạn cho Annotate", confirmation.Subject);
        Assert.Contains($"đã tạo một tài khoản Annotate với địa chỉ này, {email}.", confirmation.Text);
        Assert.Contains("<html lang=\"vi\">", confirmation.Html);
        await (await browser.GetAsync(MailingApp.OnTestServer(confirmation.Link))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // The language was remembered with the account: a reset asked for on an English page comes in Vietnamese too.
        var laptop = AccountPages.Browser(App);
        laptop.DefaultRequestHeaders.Add("Accept-Language", "en");
        await AccountPages.SubmitAsync(laptop, "/Account/ForgotPassword", "forgot-password", ("Input.Email", email));
        await Smtp.WaitForMailAsync(email, m => m.Subject == "Đặt lại mật khẩu Annotate của bạn");
    }

    [Fact]
    public async Task Registering_through_the_api_in_vietnamese_confirms_in_vietnamese_and_in_english_without_a_language()
    {
        var thu = MailingApp.NewAddress("thu.api");
        var ada = MailingApp.NewAddress("ada.api");
        var vietnamese = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register") { Content = JsonContent.Create(new { email = thu, password = AnnotateApp.Password }) };
        vietnamese.Headers.Add("Accept-Language", "vi-VN,vi;q=0.9");

        await (await App.CreateApiClient().SendAsync(vietnamese)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await App.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email = ada, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Equal("Xác nhận địa chỉ email của bạn cho Annotate", (await Smtp.WaitForMailAsync(thu)).Subject);
        Assert.Equal("Confirm your e-mail address for Annotate", (await Smtp.WaitForMailAsync(ada)).Subject);
    }

    /// <summary>The account remembers <paramref name="language"/>, as the app bar's picker stores it.</summary>
    private async Task SpeaksAsync(ApiUser user, string language)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("No such account.");
        await users.AddClaimAsync(account, new Claim(AccountLanguage.ClaimType, language));
    }
}
