using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Email;

/// <summary>
/// An app that sends its mail to a <see cref="TestSmtpServer"/> and requires confirmed accounts (which start-up
/// allows once mail is configured). A class fixture: one server and one app for the tests of a class.
/// </summary>
public sealed class MailingApp : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    public AnnotateApp App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = AnnotateApp.WithSettings(Smtp.AppSettings(("Identity:RequireConfirmedAccount", "true")));
        _ = App.Server;
        return Task.CompletedTask;
    }

    /// <summary>A fresh address nobody has used.</summary>
    public static string NewAddress(string name) => $"{name}.{Guid.NewGuid():N}@example.org";

    /// <summary>Registers through the API, follows the link in the confirmation mail, and signs in.</summary>
    public async Task<ApiUser> RegisterConfirmedAsync(string name)
    {
        var email = NewAddress(name);
        var registered = await App.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email, password = AnnotateApp.Password });
        await registered.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var mail = await Smtp.WaitForMailAsync(email);
        var confirmed = await App.CreateApiClient().GetAsync(OnTestServer(mail.Link));
        await confirmed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await App.LoginAsync(email);
    }

    /// <summary>Follows a link from a mail on the test server, as the browser does once it reaches the public origin.</summary>
    public static string OnTestServer(Uri link)
    {
        Assert.Equal(TestSmtpServer.PublicOrigin, link.GetLeftPart(UriPartial.Authority));
        return link.PathAndQuery;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
