using System.Net;
using Annotate.Web.Features.Email;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Email;

/// <summary>
/// The mail settings are checked at start-up, and each mistake stops the app with a sentence that names the
/// setting; configured mail lets <c>Identity:RequireConfirmedAccount</c> be true.
/// </summary>
public sealed class EmailSettingsTests
{
    private const string Host = "smtp.example.org";

    public static TheoryData<string, string, string[]> Mistakes => new()
    {
        { "Email:Smtp:Port", "70000", ["Email:Smtp:Port is 70000, which is not a port", "1 to 65535"] },
        { "Email:Smtp:Port", "-1", ["Email:Smtp:Port is -1, which is not a port"] },
        { "Email:Smtp:Security", "tls", ["Email:Smtp:Security is \"tls\"", "None, StartTls or SslOnConnect"] },
        { "Email:Smtp:Security", "7", ["Email:Smtp:Security is \"7\""] },
        { "Email:From", "annotate", ["Email:From is \"annotate\", which is not an e-mail address"] },
        { "Email:From", "annotate@", ["Email:From is \"annotate@\", which is not an e-mail address"] },
        { "Email:From", "", ["Email:Smtp:Host is set but Email:From is not"] },
        { "App:PublicOrigin", "", ["Email:Smtp:Host is set but App:PublicOrigin is not"] },
        { "App:PublicOrigin", "annotate.example.org", ["App:PublicOrigin is not an origin", "https://annotate.example.org"] },
        { "App:PublicOrigin", "https://annotate.example.org/reader", ["App:PublicOrigin is not an origin"] },
        { "Email:Smtp:User", "annotate", ["Email:Smtp:User and Email:Smtp:Password go together"] },
        { "Email:Attempts", "0", ["Email:Attempts is 0"] },
        { "Email:QueueCapacity", "0", ["Email:QueueCapacity is 0"] },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_in_the_mail_settings_stops_start_up_with_a_sentence_naming_the_setting(string key, string value, string[] sentence)
    {
        var settings = Valid();
        settings[key] = value;

        var messages = await StartUpFailure.MessagesAsync(AnnotateApp.WithSettings(settings));

        Assert.All(sentence, part => Assert.Contains(part, messages));
    }

    [Fact]
    public async Task Several_mistakes_are_told_together()
    {
        var settings = Valid();
        settings["Email:Smtp:Port"] = "70000";
        settings["Email:Smtp:Security"] = "ssl";

        var messages = await StartUpFailure.MessagesAsync(AnnotateApp.WithSettings(settings));

        Assert.Contains("Email:Smtp:Port", messages);
        Assert.Contains("Email:Smtp:Security", messages);
    }

    [Fact]
    public async Task With_mail_configured_confirmed_accounts_may_be_required()
    {
        var settings = Valid();
        settings["Identity:RequireConfirmedAccount"] = "true";
        await using var app = AnnotateApp.WithSettings(settings);

        await (await app.CreateApiClient().GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_host_nothing_else_is_required_and_no_mail_is_queued()
    {
        await using var app = AnnotateApp.WithSettings(("Email:From", "annotate@example.org"));

        await (await app.CreateApiClient().GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var queue = (MailQueue)app.Services.GetService(typeof(MailQueue))!;
        Assert.False(queue.Enqueue(MailLayout.WithLink("someone@example.org", "A test", [], "Open", new Uri("https://annotate.example.org/"), [])));
        Assert.Equal(0, queue.Unsent);
    }

    [Theory]
    [InlineData("None", 0, 25)]
    [InlineData("StartTls", 0, 587)]
    [InlineData("starttls", 0, 587)]
    [InlineData("SslOnConnect", 0, 465)]
    [InlineData("StartTls", 2525, 2525)]
    public void An_unset_port_is_the_usual_one_for_the_security_chosen(string security, int port, int expected) =>
        Assert.Equal(expected, new SmtpOptions { Host = Host, Security = security, Port = port }.EffectivePort);

    [Theory]
    [InlineData("annotate@example.org", "annotate@example.org")]
    [InlineData("Annotate <annotate@example.org>", "annotate@example.org")]
    [InlineData("\"Annotate, the seminar\" <seminar@uni.example>", "seminar@uni.example")]
    public void The_sender_may_be_an_address_or_a_name_and_an_address(string from, string address) =>
        Assert.Equal(address, EmailOptionsValidator.ParseFrom(from)?.Address);

    private static Dictionary<string, string> Valid() => new()
    {
        ["Email:Smtp:Host"] = Host,
        ["Email:From"] = "annotate@example.org",
        ["App:PublicOrigin"] = "https://annotate.example.org",
    };
}
