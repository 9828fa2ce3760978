using System.Net;
using Annotate.Data.Entities;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// One app with something on every page: a seminar with its teacher, two students and an outsider, a document with
/// a student's comment; and an account with two-factor sign-in on (one recovery code left), signed in in one browser
/// and half-way through signing in (password given, code not yet) in another, for the 2FA pages.
/// </summary>
public sealed class EveryPageScene : IAsyncLifetime
{
    public AnnotateApp App { get; } = new();
    public Classroom Room { get; private set; } = default!;
    public string JoinCode { get; private set; } = "";
    public string ManagerId { get; private set; } = "";

    private readonly Dictionary<EveryPageVisitor, HttpClient> browsers = [];

    public async Task InitializeAsync()
    {
        Room = await App.CreateClassroomAsync();
        JoinCode = await Room.JoinCodeAsync();
        var passage = string.Join(' ', Room.DocumentText.Split('\n')[2].Split(' ').Take(4));
        await Room.StudentA.CreateAnnotationAsync(Room.DocumentId, Room.Comment(passage, "Who are the powers of old Europe?"));

        browsers[EveryPageVisitor.SignedOut] = AccountPages.Browser(App);
        browsers[EveryPageVisitor.Teacher] = (await CookieReader.SignInAsync(App, Room.Teacher)).Http;
        browsers[EveryPageVisitor.Student] = (await CookieReader.SignInAsync(App, Room.StudentA)).Http;
        browsers[EveryPageVisitor.Outsider] = (await CookieReader.SignInAsync(App, Room.Outsider)).Http;

        var manager = await App.RegisterAsync("manager");
        ManagerId = manager.Id;
        browsers[EveryPageVisitor.Manager] = (await CookieReader.SignInAsync(App, manager)).Http;
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(manager.Id) ?? throw new InvalidOperationException("The manager's account is gone.");
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1);
        }
        var halfway = AccountPages.Browser(App);
        Assert.Equal("/Account/LoginWith2fa", AccountPages.RedirectPath(await AccountPages.LogInAsync(halfway, manager.Email, manager.Password)));
        browsers[EveryPageVisitor.HalfSignedIn] = halfway;
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();

    /// <summary>
    /// The page at <paramref name="path"/> as <paramref name="visitor"/> sees it with a browser asking for
    /// <paramref name="language"/>, after the redirects it is sent on; its HTML as a person reads it.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Path, string Html)> VisitAsync(EveryPageVisitor visitor, string path, string language)
    {
        var browser = browsers[visitor];
        for (var hops = 0; ; hops++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Accept-Language", language);
            using var response = await browser.SendAsync(request);
            if (AccountPages.RedirectPath(response) is { } next && hops < 5)
            {
                path = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
                if (!path.StartsWith('/')) path = "/" + path;
                continue;
            }
            return (response.StatusCode, path, await response.Content.ReadAsStringAsync());
        }
    }
}
