using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// axe everywhere (issue 16): every page a teacher, a student and someone signed out can reach, with no serious or
/// critical violation, in both languages and both themes, at 200 % zoom (a 640-px-wide window at twice the pixels) and
/// at 320 CSS pixels wide, where the page must not scroll sideways (WCAG reflow; the article's own wide content
/// may). The four runs cover every pair of language, theme and size (all-pairs), which keeps the matrix to minutes.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class AccessibilityMatrixTests(AppFixture app, ITestOutputHelper output)
{
    public enum Size { Narrow320, Zoom200 }

    [Theory]
    [InlineData("en", ColorScheme.Light, Size.Narrow320)]
    [InlineData("en", ColorScheme.Dark, Size.Zoom200)]
    [InlineData("vi", ColorScheme.Light, Size.Zoom200)]
    [InlineData("vi", ColorScheme.Dark, Size.Narrow320)]
    public async Task Every_page_has_no_serious_axe_violations_and_reflows(string language, ColorScheme scheme, Size size)
    {
        await using var teacher = await app.NewReaderAsync($"Kieu Matrix {language} {scheme}");
        await using var student = await app.NewReaderAsync($"Bao Matrix {language} {scheme}", joining: teacher);
        var documentId = teacher.DocumentId;
        var seminarId = (await teacher.GetJsonAsync(app.RootUri, $"/api/documents/{documentId}")).GetProperty("seminarId").GetInt32();
        var joinCode = (await teacher.GetJsonAsync(app.RootUri, "/api/seminars")).EnumerateArray()
            .Single(s => s.GetProperty("id").GetInt32() == seminarId).GetProperty("joinCode").GetString();
        await student.Reading.OpenAsync();
        await student.Reading.AnnotateAsync("a torch to light the way for the class", "Who carries the torch today?");
        await teacher.Reading.OpenAsync();
        await teacher.Reading.HighlightAsync("large industry creates everywhere the same relations");

        var failures = new List<string>();
        await using (var asTeacher = await ContextAsync(teacher, language, scheme, size))
        {
            // The overview's and the dashboard's wide tables scroll inside their own named, focusable region at 320 px;
            // the page itself does not scroll sideways.
            foreach (var path in new[]
                     {
                         "/", $"/seminars/{seminarId}", $"/documents/{documentId}", $"/documents/{documentId}/edit",
                         $"/documents/{documentId}/overview", $"/documents/{documentId}/confusion", $"/seminars/{seminarId}/dashboard",
                         $"/seminars/{seminarId}/search?q=torch", "/settings/notifications", "/not-found-here", "/Account/Manage",
                         "/Account/Manage/ChangePassword",
                     })
                await CheckAsync(asTeacher.Page, path, failures);
        }
        await using (var asStudent = await ContextAsync(student, language, scheme, size))
        {
            foreach (var path in new[] { $"/documents/{documentId}", "/feedback" })
                await CheckAsync(asStudent.Page, path, failures);
        }
        await using (var signedOut = await ContextAsync(null, language, scheme, size))
        {
            foreach (var path in new[] { "/Account/Login", "/Account/Register", "/Account/ForgotPassword", $"/join/{joinCode}" })
                await CheckAsync(signedOut.Page, path, failures);
        }

        foreach (var failure in failures) output.WriteLine(failure);
        Assert.Empty(failures);
    }

    /// <summary>A page: loaded (and live, where it has a circuit), in the language asked for; axe; at 320 px, no sideways scrolling.</summary>
    private async Task CheckAsync(IPage page, string path, List<string> failures)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("h1").First).ToBeAttachedAsync();
        // Pages with a live circuit are checked once it is there (it draws the theme and what loads late): the reading
        // page lists its reader as present, the others with a form show the marker of InteractiveMarker.razor.
        var live = path.StartsWith("/documents/", StringComparison.Ordinal) && path.Count(c => c == '/') == 2 ? ".presence-list li"
            : path.StartsWith("/Account", StringComparison.Ordinal) || path.StartsWith("/join", StringComparison.Ordinal) || path.StartsWith("/not-found", StringComparison.Ordinal)
                ? null : "[data-interactive]";
        if (live is not null) await page.Locator(live).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForTimeoutAsync(500);
        var lang = await page.Locator("html").GetAttributeAsync("lang");
        var result = await Axe.ViolationsAsync(page);
        foreach (var violation in result.Where(v => v.Impact is "serious" or "critical"))
            failures.Add($"{path} ({lang}): [{violation.Impact}] {violation.Id}: {violation.Help}: {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
        if (page.ViewportSize!.Width <= 320 && await Phones.ScrollsSidewaysAsync(page))
        {
            var widest = await page.EvaluateAsync<string>(
                """
                () => {
                  // What sticks out of the window and is not inside something that scrolls or clips it (the culprit).
                  const clipped = e => {
                    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
                      if (getComputedStyle(p).overflowX !== 'visible') return true;
                    return false;
                  };
                  return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
                    .slice(0, 3).map(e => `${e.outerHTML.slice(0, 120)} (${Math.round(e.getBoundingClientRect().right)} px)`).join(' | ');
                }
                """);
            failures.Add($"{path} ({lang}): scrolls sideways at 320 px: {widest}");
        }
        // The wide tables at 320 px, to look at: they scroll inside their region, the page does not.
        if (page.ViewportSize.Width <= 320 && (path.EndsWith("/overview", StringComparison.Ordinal) || path.EndsWith("/dashboard", StringComparison.Ordinal)))
            await Screenshots.SaveAsync(page, $"narrow-320-{path.Split('/').Last()}-{lang}.png", output);
        output.WriteLine($"{path} ({lang}, {page.ViewportSize.Width} px): checked");
    }

    private async Task<Session> ContextAsync(Reader? person, string language, ColorScheme scheme, Size size)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.RootUri.ToString(),
            ViewportSize = size == Size.Narrow320 ? new ViewportSize { Width = 320, Height = 640 } : new ViewportSize { Width = 640, Height = 450 },
            DeviceScaleFactor = size == Size.Narrow320 ? 1 : 2,
            ColorScheme = scheme,
            Locale = "en-GB",
            StorageState = person is null ? null : await person.Context.StorageStateAsync(),
        });
        context.SetDefaultTimeout(15_000);
        await Phones.SetLanguageAsync(context, app.RootUri, language);
        return new Session(context, await context.NewPageAsync());
    }

    private sealed record Session(IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Context.CloseAsync();
    }
}
