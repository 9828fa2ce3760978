using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Features.Email;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Annotate.Web.Tests.Email;

/// <summary>
/// The sending queue against servers that misbehave: busy at first, refusing for good, hanging, not there at
/// all. A request never waits for any of them; what fails is retried with backoff or given up and logged;
/// the app goes on.
/// </summary>
public sealed class MailDeliveryTests
{
    [Fact]
    public async Task A_server_that_refuses_the_first_attempts_gets_the_mail_on_a_later_one()
    {
        await using var smtp = TestSmtpServer.RefusingFirst(2);
        await using var app = AnnotateApp.WithSettings(smtp.AppSettings());
        var email = MailingApp.NewAddress("patient");

        await RegisterAsync(app, email);

        var mail = await smtp.WaitForMailAsync(email);
        Assert.Equal("Confirm your e-mail address for Annotate", mail.Subject);
        await app.Logs.WaitForAsync(e => e.Message.StartsWith("Sent mail", StringComparison.Ordinal) && e.Message.Contains("(attempt 3)", StringComparison.Ordinal));
        Assert.Equal(3, smtp.Attempts);
        var retries = app.Logs.Entries.Where(e => e.Message.Contains("trying again", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains("Busy, try again later", retries[0].Message);
        // Exponential backoff: each wait twice the one before.
        Assert.Contains("trying again in 0.05 s", retries[0].Message);
        Assert.Contains("trying again in 0.1 s", retries[1].Message);
    }

    [Fact]
    public async Task A_server_that_refuses_a_mail_for_good_is_not_asked_again_and_the_mail_is_logged_as_given_up()
    {
        await using var smtp = TestSmtpServer.RefusingForGood();
        await using var app = AnnotateApp.WithSettings(smtp.AppSettings());

        await RegisterAsync(app, MailingApp.NewAddress("refused"));

        var given = await app.Logs.WaitForAsync(e => e.Message.StartsWith("Gave up", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, given.Level);
        Assert.Contains("after 1 attempt(s): the server refused it for good", given.Message);
        Assert.Equal(1, smtp.Attempts);
    }

    [Fact]
    public async Task With_no_server_listening_the_request_answers_the_app_stays_up_and_the_mail_is_given_up_after_its_attempts()
    {
        var nobody = TestSmtpServer.FreePort();
        await using var app = AnnotateApp.WithSettings(TestSmtpServer.SettingsFor(nobody, ("Email:Attempts", "3")));

        await RegisterAsync(app, MailingApp.NewAddress("unreachable"));

        var given = await app.Logs.WaitForAsync(e => e.Message.StartsWith("Gave up", StringComparison.Ordinal));
        Assert.Contains("after 3 attempt(s): it failed every time", given.Message);
        Assert.Equal(2, app.Logs.Entries.Count(e => e.Message.Contains("trying again", StringComparison.Ordinal)));
        await (await app.CreateApiClient().GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await RegisterAsync(app, MailingApp.NewAddress("after"));
    }

    [Fact]
    public async Task A_server_that_never_answers_holds_up_no_request_and_the_app_stops_cleanly_saying_what_is_lost()
    {
        await using var silent = new SilentServer();
        // Far longer than any test: if a request waited on this server, it would not answer in the test's time.
        var app = AnnotateApp.WithSettings(TestSmtpServer.SettingsFor(silent.Port, ("Email:Smtp:TimeoutSeconds", "600")));

        await RegisterAsync(app, MailingApp.NewAddress("first"));
        await silent.FirstConnection.WaitAsync(TimeSpan.FromSeconds(10));
        // The sender is stuck on the first mail; more requests (and their mails) still go through at once.
        await RegisterAsync(app, MailingApp.NewAddress("second"));
        await (await app.CreateApiClient().GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.StartsWith("Sent", StringComparison.Ordinal) || e.Message.Contains("failed", StringComparison.Ordinal));

        await app.DisposeAsync();

        var lost = Assert.Single(app.Logs.Entries, e => e.Message.StartsWith("Stopping with", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, lost.Level);
        Assert.Contains("2 mail(s) unsent", lost.Message);
    }

    [Fact]
    public async Task A_full_queue_refuses_more_mail_at_once_and_logs_it()
    {
        await using var silent = new SilentServer();
        await using var app = AnnotateApp.WithSettings(TestSmtpServer.SettingsFor(silent.Port, ("Email:QueueCapacity", "1"), ("Email:Smtp:TimeoutSeconds", "600")));
        var queue = app.Services.GetRequiredService<MailQueue>();

        Assert.True(queue.Enqueue(Mail("one@example.org")));
        await silent.FirstConnection.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(queue.Enqueue(Mail("two@example.org")));
        Assert.False(queue.Enqueue(Mail("three@example.org")));

        var full = Assert.Single(app.Logs.Entries, e => e.Message.StartsWith("The mail queue is full", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, full.Level);
        Assert.Contains("three@example.org", full.Message);
    }

    [Fact]
    public async Task A_mail_whose_recipient_may_no_longer_see_its_subject_is_not_sent_also_on_a_retry()
    {
        await using var smtp = TestSmtpServer.RefusingFirst(1);
        await using var app = AnnotateApp.WithSettings(smtp.AppSettings());
        var queue = app.Services.GetRequiredService<MailQueue>();
        var allowed = true;
        var asked = 0;

        // Allowed when first tried (and refused by the busy server); withdrawn before the retry.
        queue.Enqueue(Mail("withdrawn@example.org") with
        {
            StillAllowed = _ =>
            {
                var answer = allowed;
                allowed = false;
                Interlocked.Increment(ref asked);
                return Task.FromResult(answer);
            },
        });
        await app.Logs.WaitForAsync(e => e.Message.Contains("is not sent", StringComparison.Ordinal));
        queue.Enqueue(Mail("barrier@example.org"));
        await smtp.WaitForMailAsync("barrier@example.org");

        Assert.Equal(2, asked);
        Assert.Empty(smtp.MailTo("withdrawn@example.org"));
        Assert.Equal(2, smtp.Attempts);
    }

    [Fact]
    public async Task The_app_signs_in_to_a_server_that_asks_for_a_password()
    {
        await using var smtp = TestSmtpServer.Start(credentials: ("annotate", "relay-secret"));
        await using var app = AnnotateApp.WithSettings(smtp.AppSettings());
        var email = MailingApp.NewAddress("signed");

        await RegisterAsync(app, email);

        Assert.Equal("Confirm your e-mail address for Annotate", (await smtp.WaitForMailAsync(email)).Subject);
    }

    [Fact]
    public async Task With_StartTls_required_a_server_without_it_is_never_sent_a_mail_in_the_clear()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = AnnotateApp.WithSettings(smtp.AppSettings(("Email:Smtp:Security", "StartTls"), ("Email:Attempts", "2")));

        await RegisterAsync(app, MailingApp.NewAddress("cleartext"));

        await app.Logs.WaitForAsync(e => e.Message.StartsWith("Gave up", StringComparison.Ordinal));
        Assert.Equal(0, smtp.Attempts);
    }

    /// <summary>Registers through the API (which queues a confirmation mail) and asserts the answer.</summary>
    private static async Task RegisterAsync(AnnotateApp app, string email) =>
        await (await app.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);

    private static OutgoingMail Mail(string to) => MailLayout.WithLink(to, "A test", ["Something happened."], "Open it", new Uri("https://annotate.example.org/"), []);
}
