using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Registering tells no one whether an address has an account (beyond the one refusal registration
/// itself must give), and one address registered many times at once gives one account and clear refusals.
/// </summary>
public sealed class RegistrationTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const int AtOnce = 20;

    [Fact]
    public async Task Register_confirmation_answers_the_same_for_a_known_and_an_unknown_address_and_shows_no_link()
    {
        var known = await app.RegisterAsync("known");

        var forKnown = await AccountPages.Browser(app).GetAsync($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(known.Email)}");
        var forUnknown = await AccountPages.Browser(app).GetAsync("/Account/RegisterConfirmation?email=nobody.here%40example.org");

        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        var knownPage = MainOf(await forKnown.Content.ReadAsStringAsync());
        Assert.Equal(knownPage, MainOf(await forUnknown.Content.ReadAsStringAsync()));
        Assert.Contains("Check your e-mail", knownPage);
        Assert.DoesNotContain("ConfirmEmail", knownPage);
        Assert.DoesNotContain("<a ", knownPage);
    }

    [Fact]
    public async Task Requiring_confirmed_accounts_without_an_e_mail_sender_stops_start_up_naming_the_setting()
    {
        var messages = await StartUpFailure.MessagesAsync(AnnotateApp.WithSettings(("Identity:RequireConfirmedAccount", "true")));

        Assert.Contains("Identity:RequireConfirmedAccount", messages);
        Assert.Contains("e-mail sender", messages);
        Assert.Contains("Email:Smtp:Host", messages);
    }

    [Fact]
    public async Task One_address_registered_twenty_times_at_once_through_the_api_gives_one_account_and_clear_refusals()
    {
        var email = $"twenty.{Guid.NewGuid():N}@example.org";

        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
        {
            var response = await app.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Conflict,
            $"Answered {(int)a.StatusCode}: {a.Body}"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Contains("Duplicate", a.Body));
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = $email", ("$email", email.ToUpperInvariant())));
    }

    [Fact]
    public async Task One_address_registered_twenty_times_at_once_through_the_page_gives_one_account_and_no_server_error()
    {
        var email = $"page.{Guid.NewGuid():N}@example.org";

        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async i =>
        {
            var response = await AccountPages.RegisterAsync(AccountPages.Browser(app), $"Reader {i}", email, AnnotateApp.Password);
            return (response.StatusCode, Redirect: AccountPages.RedirectPath(response), Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"Answered {(int)a.StatusCode}: {a.Body}"));
        Assert.Single(answers, a => a.Redirect is not null);
        Assert.All(answers.Where(a => a.Redirect is null), a => Assert.Contains("is already taken", a.Body));
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE NormalizedEmail = $email", ("$email", email.ToUpperInvariant())));
    }

    [Fact]
    public async Task With_the_demo_on_concurrent_registrations_each_get_one_sample_seminar_and_a_lost_race_leaves_nothing_behind()
    {
        await using var demo = AnnotateApp.WithDemo();
        var email = $"demo.{Guid.NewGuid():N}@example.org";

        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
            (await demo.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password })).StatusCode));

        Assert.Single(answers, a => a == HttpStatusCode.OK);
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"Answered {(int)a}"));
        Assert.Equal(1, await demo.Database.CountAsync("SELECT COUNT(*) FROM Seminars"));
        Assert.Equal(1, await demo.Database.CountAsync("SELECT COUNT(*) FROM Memberships"));
    }

    private static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The page has no <main>.");
        return html[start..end];
    }
}
