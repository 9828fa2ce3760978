using System.Net;
using Annotate.Data.Entities;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Notifications;

/// <summary>
/// The unsubscribe link lands on a page of the app (its layout, its language): opening it only asks; its button
/// stops the mails and comes back to say so; a forged link is a clear 400 page. A mail client's one-click POST is
/// answered as before.
/// </summary>
public sealed class UnsubscribePageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private string TokenFor(ApiUser user, MailOptOut kind) => app.Services.GetRequiredService<UnsubscribeTokens>().For(user.Id, kind);

    private HttpClient Browser(string language = "en")
    {
        var browser = app.CreateApiClient();
        browser.DefaultRequestHeaders.Add("Accept-Language", language);
        return browser;
    }

    private async Task<bool> MailOnAsync(ApiUser user, string kind) =>
        (await (await user.Http.GetAsync("/api/notifications/settings")).JsonAsync()).GetProperty("mail").GetProperty(kind).GetBoolean();

    [Fact]
    public async Task Opening_the_link_shows_the_apps_page_that_only_asks_and_its_button_stops_the_mails_and_says_so()
    {
        var ana = await app.RegisterAsync("ana");
        var token = TokenFor(ana, MailOptOut.Digest);

        var page = await Browser().GetAsync($"/unsubscribe?token={token}");
        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("<h1", html);
        Assert.Contains("Stop these mails?", html);
        Assert.Contains("This link stops the daily digest from Annotate to you.", html);
        Assert.Contains("Stop the daily digest", html);
        // The app's own page: its style sheet and layout, not a page written apart.
        Assert.Contains("MudBlazor", html);
        Assert.True(await MailOnAsync(ana, "digest"));

        // The button: a form POST that says it comes from the page, sent back to the page.
        var pressed = await Browser().PostAsync($"/unsubscribe?token={token}", new FormUrlEncodedContent([new(UnsubscribeEndpoints.FromPage, "page")]));
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var back = pressed.Headers.Location!.OriginalString;
        Assert.StartsWith("/unsubscribe?token=", back);
        Assert.False(await MailOnAsync(ana, "digest"));

        var done = WebUtility.HtmlDecode(await (await Browser().GetAsync(back)).Content.ReadAsStringAsync());
        Assert.Contains("You will no longer get the daily digest.", done);
        Assert.Contains("href=\"/settings/notifications\"", done);
    }

    [Fact]
    public async Task The_page_speaks_vietnamese_and_says_done_only_when_the_mails_are_stopped()
    {
        var binh = await app.RegisterAsync("binh");
        var token = TokenFor(binh, MailOptOut.Mentions);

        // "done=true" typed into the address stops nothing, and the page does not pretend it did.
        var asked = WebUtility.HtmlDecode(await (await Browser("vi").GetAsync($"/unsubscribe?token={token}&done=true")).Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"vi\"", asked);
        Assert.Contains("Ngừng nhận những thư này?", asked);
        Assert.Contains("Ngừng nhận thư khi có người nhắc đến bạn", asked);
        Assert.DoesNotContain("Đã xong", asked);
        Assert.True(await MailOnAsync(binh, "mentions"));
    }

    [Fact]
    public async Task A_forged_link_is_a_clear_400_page_in_the_apps_look_and_changes_nothing()
    {
        var chi = await app.RegisterAsync("chi");
        var token = TokenFor(chi, MailOptOut.Feedback);
        var forged = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        foreach (var address in new[] { $"/unsubscribe?token={forged}", "/unsubscribe", "/unsubscribe?token=not-a-token" })
        {
            var page = await Browser().GetAsync(address);
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains("This link does not work", html);
            Assert.Contains("it may have been cut short when it was copied", html);
            Assert.Contains("MudBlazor", html);
        }
        var vi = await Browser("vi").GetAsync($"/unsubscribe?token={forged}");
        Assert.Equal(HttpStatusCode.BadRequest, vi.StatusCode);
        Assert.Contains("Liên kết này không dùng được", WebUtility.HtmlDecode(await vi.Content.ReadAsStringAsync()));

        // The page's button with a forged token: back to the page, which says the link does not work.
        var pressed = await Browser().PostAsync($"/unsubscribe?token={forged}", new FormUrlEncodedContent([new(UnsubscribeEndpoints.FromPage, "page")]));
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Browser().GetAsync(pressed.Headers.Location!.OriginalString)).StatusCode);
        Assert.True(await MailOnAsync(chi, "feedback"));
    }
}
