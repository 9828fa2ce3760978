using Annotate.Data.Entities;
using Annotate.E2E.Infrastructure;
using Annotate.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A mail's unsubscribe link in a browser: the app's page asks, its button stops the mails and the page says so;
/// a forged link is a clear page too, in the reader's language. Screenshots `unsubscribe-ask.png`,
/// `unsubscribe-done.png`, `unsubscribe-invalid-vi.png` in `screenshots-tmp/`.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class UnsubscribePageTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_unsubscribe_link_asks_on_the_apps_page_and_its_button_stops_the_digest()
    {
        await using var reader = await app.NewReaderAsync("Ulla Unsubscribe");
        var userId = (await reader.GetJsonAsync(app.RootUri, "/api/users/me")).GetProperty("id").GetString()!;
        var token = app.Services.GetRequiredService<UnsubscribeTokens>().For(userId, MailOptOut.Digest);
        var page = reader.Page;

        await page.GotoAsync(new Uri(app.RootUri, $"unsubscribe?token={token}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stop these mails?" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "unsubscribe-ask.png", output);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop the daily digest" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Done" })).ToBeVisibleAsync();
        await Expect(page.GetByText("You will no longer get the daily digest.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "unsubscribe-done.png", output);
        var settings = await reader.GetJsonAsync(app.RootUri, "/api/notifications/settings");
        Assert.False(settings.GetProperty("mail").GetProperty("digest").GetBoolean());

        await using var context = await app.Browser.NewContextAsync(new() { Locale = "vi-VN" });
        var stranger = await context.NewPageAsync();
        var response = await stranger.GotoAsync(new Uri(app.RootUri, $"unsubscribe?token={token[..^6]}").ToString());
        Assert.Equal(400, response!.Status);
        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Liên kết này không dùng được" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(stranger, "unsubscribe-invalid-vi.png", output);
    }
}
