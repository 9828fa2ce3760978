using System.Net;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// The account pages' validation messages come in the page's language, field names included: data annotations
/// read them from the resources (<c>AccountText</c>), not from English written into the attributes.
/// </summary>
public sealed class AccountValidationLanguageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Theory]
    [InlineData("en", "The Email field is required.", "The Password must be at least 6 and at max 100 characters long.", "The password and confirmation password do not match.")]
    [InlineData("vi", "Trường “Địa chỉ email” là bắt buộc.", "“Mật khẩu” phải dài từ 6 đến 100 ký tự.", "Mật khẩu và mật khẩu xác nhận không khớp nhau.")]
    public async Task Register_says_what_is_wrong_in_the_page_language(string language, string required, string length, string differ)
    {
        var browser = AccountPages.Browser(app);
        browser.DefaultRequestHeaders.Add("Accept-Language", language);

        var page = await AccountPages.SubmitAsync(browser, "/Account/Register", "register",
            ("Input.DisplayName", "Lan"), ("Input.Email", ""), ("Input.Password", "abc"), ("Input.ConfirmPassword", "abd"));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Contains(required, html);
        Assert.Contains(length, html);
        Assert.Contains(differ, html);
    }

    [Theory]
    [InlineData("en", "The Email field is not a valid e-mail address.", "Error: Invalid login attempt.")]
    [InlineData("vi", "Trường “Địa chỉ email” không phải là địa chỉ email hợp lệ.", "Lỗi: Đăng nhập không thành công.")]
    public async Task Log_in_refuses_in_the_page_language(string language, string notAnAddress, string refused)
    {
        var browser = AccountPages.Browser(app);
        browser.DefaultRequestHeaders.Add("Accept-Language", language);

        var malformed = await AccountPages.LogInAsync(browser, "not-an-address", "whatever-1A");
        var wrong = await AccountPages.LogInAsync(browser, "nobody@example.org", "whatever-1A");

        Assert.Contains(notAnAddress, WebUtility.HtmlDecode(await malformed.Content.ReadAsStringAsync()));
        var refusal = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains(refused, refusal);
        // An error, shown as one (StatusMessage tells errors by their first word, in either language).
        Assert.Contains("alert-danger", refusal);
    }
}
