using System.Collections.Concurrent;
using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// Every page under the app's Content-Security-Policy in Chromium: a teacher, a student and someone
/// signed out visit them all, and the browser reports no violation (its console, and a
/// securitypolicyviolation listener in every page). The pages are used, not only loaded: the live
/// connection opens (so connect-src 'self' covers the WebSocket), the editor opens and posts, a dialog
/// opens, the theme switches (MudBlazor rewrites its style element). The test makes its own seminar and
/// text through the API, so it depends on no demo content.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class ContentSecurityPolicyTests(AppFixture app, ITestOutputHelper output)
{
    private const string Title = "Policies of the Page";
    private const string Text = Title + "\n\nA browser keeps to the rules a page sends with it. Scripts run only from the places the policy names, " +
        "and styles only where it allows them.\n\nNothing loads from elsewhere, and no other site may frame the page.";

    private readonly ConcurrentQueue<string> violations = new();

    [Fact]
    public async Task Every_page_works_under_the_policy_without_a_violation()
    {
        await using var teacher = await app.NewReaderAsync("Teodora Policy");
        await using var student = await app.NewReaderAsync("Stefan Policy");
        await WatchAsync(teacher.Context);
        await WatchAsync(student.Context);
        var (seminarId, joinCode, documentId) = await SeminarWithTextAsync(teacher);
        await student.PostJsonAsync(app.RootUri, "/api/seminars/join", new { joinCode });
        await GiveFeedbackAsync(teacher, documentId, student);

        await TeacherPagesAsync(teacher.Page, seminarId, documentId);
        await StudentPagesAsync(student.Page, documentId, joinCode);
        await AccountPagesAsync(teacher.Page);
        await SignedOutPagesAsync();
        await PrintableExportAsync(teacher, documentId);

        foreach (var violation in violations) output.WriteLine(violation);
        Assert.Empty(violations);
    }

    private async Task TeacherPagesAsync(IPage page, int seminarId, int documentId)
    {
        await VisitLiveAsync(page, "/");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        // The theme switch rewrites MudBlazor's style element: inline styles must be allowed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" }).ClickAsync();

        await VisitLiveAsync(page, $"/seminars/{seminarId}");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add document" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add document" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await OpenReadingPageAsync(page, documentId, "Teodora Policy");
        var reading = new ReadingPage(page, "Teodora Policy", documentId);
        await reading.SelectAsync("Scripts run only from the places the policy names");
        await reading.ComposeAsync("Which places, and who names them?");
        await reading.PostButton.ClickAsync();
        await Expect(reading.Thread("Which places, and who names them?")).ToBeVisibleAsync();

        await VisitLiveAsync(page, $"/documents/{documentId}/revisions/1");
        await Expect(page.GetByText("Nothing loads from elsewhere")).ToBeVisibleAsync();
        await VisitLiveAsync(page, $"/documents/{documentId}/edit");
        await Expect(page.GetByRole(AriaRole.Textbox).First).ToBeVisibleAsync();
        await VisitLiveAsync(page, $"/documents/{documentId}/overview");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await VisitLiveAsync(page, $"/documents/{documentId}/confusion");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await VisitLiveAsync(page, $"/seminars/{seminarId}/dashboard");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await VisitLiveAsync(page, $"/seminars/{seminarId}/search?q=places");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 result");
        await VisitStaticAsync(page, "/no-such-page");
        await Expect(page.GetByText("There is nothing here")).ToBeVisibleAsync();
        await VisitStaticAsync(page, "/Error");
    }

    private async Task StudentPagesAsync(IPage page, int documentId, string joinCode)
    {
        await VisitLiveAsync(page, "/feedback");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await Expect(page.GetByText("Read the second sentence again.")).ToBeVisibleAsync();
        await OpenReadingPageAsync(page, documentId, "Stefan Policy");
        await Expect(page.GetByText("Which places, and who names them?")).ToBeVisibleAsync();
        // Already a member: the join page (rendered on the server alone) says so and links to the seminar.
        await VisitStaticAsync(page, $"/join/{joinCode}");
        await Expect(page.GetByText("You're already in this seminar")).ToBeVisibleAsync();
    }

    private async Task AccountPagesAsync(IPage page)
    {
        string[] manage = ["", "/Email", "/ChangePassword", "/SetPassword", "/TwoFactorAuthentication", "/EnableAuthenticator",
            "/ResetAuthenticator", "/Passkeys", "/ExternalLogins", "/PersonalData", "/DeletePersonalData"];
        foreach (var path in manage) await VisitStaticAsync(page, "/Account/Manage" + path);
        // The teacher of a seminar with a student in it is asked to hand it over before deleting the account.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete your account" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You are the only teacher of");
    }

    private async Task SignedOutPagesAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString() });
        await WatchAsync(context);
        var page = await context.NewPageAsync();
        string[] pages = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ForgotPasswordConfirmation",
            "/Account/ResendEmailConfirmation", "/Account/ResetPassword", "/Account/InvalidPasswordReset", "/Account/ResetPasswordConfirmation",
            "/Account/RegisterConfirmation?email=nobody%40example.org", "/Account/Lockout", "/Account/AccessDenied", "/Account/InvalidUser",
            "/Account/ConfirmEmail"];
        foreach (var path in pages) await VisitStaticAsync(page, path);
        await VisitStaticAsync(page, "/Account/Login");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    /// <summary>The printable export, saved and opened from disk: the policy in its own meta element holds, and the page still reads.</summary>
    private async Task PrintableExportAsync(Reader teacher, int documentId)
    {
        var response = await teacher.Context.APIRequest.GetAsync($"{app.RootUri}api/documents/{documentId}/export?format=html");
        Assert.True(response.Ok, $"The export answered {response.Status}.");
        Assert.StartsWith("default-src 'none'", response.Headers["content-security-policy"]);
        var file = Path.Combine(Path.GetTempPath(), $"annotate-export-{Guid.NewGuid():N}.html");
        await File.WriteAllBytesAsync(file, await response.BodyAsync());
        try
        {
            var page = await teacher.Context.NewPageAsync();
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("Which places, and who names them?")).ToBeVisibleAsync();
            await page.CloseAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>An interactive page: it loads and its live connection (a WebSocket to this origin) opens.</summary>
    private static async Task VisitLiveAsync(IPage page, string path)
    {
        IResponse? response = null;
        // Generous: on a loaded machine the circuit can take a while to start.
        await page.RunAndWaitForWebSocketAsync(async () => response = await page.GotoAsync(path), new() { Timeout = 60_000 });
        AssertServed(response, path);
    }

    /// <summary>A page rendered on the server alone (the account pages): no live connection to wait for.</summary>
    private static async Task VisitStaticAsync(IPage page, string path)
    {
        AssertServed(await page.GotoAsync(path), path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static void AssertServed(IResponse? response, string path) =>
        Assert.True(response is { Status: < 500 }, $"{path} answered {response?.Status}: a page that throws shows the developer error page instead.");

    private static async Task OpenReadingPageAsync(IPage page, int documentId, string displayName)
    {
        await VisitLiveAsync(page, $"/documents/{documentId}");
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = Title, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Reading now", Exact = true })).ToContainTextAsync($"{displayName} (you)");
    }

    /// <summary>
    /// Collects what the browser says about the policies: its console lines on Content-Security-Policy or
    /// Permissions-Policy, and each securitypolicyviolation event, which a script added to every page
    /// before the page's own turns into a console line.
    /// </summary>
    private async Task WatchAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(
            """
            document.addEventListener('securitypolicyviolation', e =>
              console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        context.Console += (_, message) =>
        {
            var text = message.Text;
            if (text.Contains("securitypolicyviolation", StringComparison.Ordinal) || text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase) || text.Contains("Permissions-Policy", StringComparison.OrdinalIgnoreCase))
                violations.Enqueue($"{message.Page?.Url}: [{message.Type}] {text}");
        };
    }

    private async Task<(int SeminarId, string JoinCode, int DocumentId)> SeminarWithTextAsync(Reader teacher)
    {
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = $"Policy seminar {Guid.NewGuid():N}"[..24] });
        var seminarId = seminar.GetProperty("id").GetInt32();
        var document = await teacher.PostJsonAsync(app.RootUri, $"/api/seminars/{seminarId}/documents", new { title = Title, text = Text });
        return (seminarId, seminar.GetProperty("joinCode").GetString()!, document.GetProperty("id").GetInt32());
    }

    /// <summary>Teacher feedback for the student on a passage, so that the student's Feedback page has something to show.</summary>
    private async Task GiveFeedbackAsync(Reader teacher, int documentId, Reader student)
    {
        var me = await student.Context.APIRequest.GetAsync($"{app.RootUri}api/users/me");
        var studentId = (await me.JsonAsync())!.Value.GetProperty("id").GetString();
        await teacher.PostJsonAsync(app.RootUri, $"/api/documents/{documentId}/annotations", new Dictionary<string, object?>
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["motivation"] = "assessing",
            ["addressee"] = studentId,
            ["body"] = new[] { new { type = "TextualBody", value = "Read the second sentence again.", format = "text/markdown", purpose = "commenting" } },
            ["target"] = new
            {
                source = $"{app.RootUri}documents/{documentId}",
                selector = new[] { new { type = "TextQuoteSelector", exact = "Nothing loads from elsewhere" } },
            },
        });
    }
}
