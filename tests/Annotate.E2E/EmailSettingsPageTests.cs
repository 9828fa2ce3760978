using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// On a server with no e-mail (the default), the pages that would send a link say so instead of promising
/// one: the Email settings page, and Forgot your password. Screenshots go to screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class EmailSettingsPageTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Without_mail_the_email_settings_and_forgotten_password_pages_say_that_no_mail_is_sent()
    {
        await using var reader = await app.NewReaderAsync("Rosa Mailless");
        var page = reader.Page;

        await page.GotoAsync("Account/Manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Email", Exact = true }).ClickAsync();
        var notice = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "This server sends no e-mail" });
        await Expect(notice).ToHaveTextAsync("This server sends no e-mail, so your address cannot be confirmed or changed here: " +
            "both need a link sent to the address. Ask whoever runs this server to set up e-mail.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change email" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Textbox, new() { Name = "Email" })).ToHaveValueAsync(reader.Email);
        await Screenshots.SaveAsync(page, "email-settings-without-mail.png", output);

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("This server sends no e-mail, so it cannot send you a link to reset your password.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reset password" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "forgot-password-without-mail.png", output);
    }
}
