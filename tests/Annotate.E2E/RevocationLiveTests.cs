using Annotate.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>A student removed from a seminar loses the open reading page at once, without reloading.</summary>
[Collection(SeminarCollection.Name)]
public sealed class RevocationLiveTests(AppFixture app)
{
    [Fact]
    public async Task A_removed_student_loses_the_open_page_at_once()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Removing");
        await using var student = await app.NewReaderAsync("Student Leaving");
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = "Short course" });
        var seminarId = seminar.GetProperty("id").GetInt32();
        var documentId = (await teacher.PostJsonAsync(app.RootUri, $"/api/seminars/{seminarId}/documents",
            new { title = "Handout", text = "Workers of the world, unite!\n\nYou have nothing to lose but your chains." })).GetProperty("id").GetInt32();
        var joined = await student.PostJsonAsync(app.RootUri, "/api/seminars/join", new { joinCode = seminar.GetProperty("joinCode").GetString() });
        var me = await (await student.Context.APIRequest.GetAsync($"{app.RootUri}api/users/me")).JsonAsync();
        Assert.Equal(seminarId, joined.GetProperty("id").GetInt32());

        var page = student.Page;
        await page.GotoAsync($"documents/{documentId}");
        await Expect(page.Locator("article")).ToContainTextAsync("nothing to lose but your chains");
        // Live updates start once the page is interactive, which is when it shows its reader as present.
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Region, new() { Name = "Reading now" })).ToContainTextAsync("(you)");
        await page.EvaluateAsync("() => { window.__noReload = true; }");

        var removed = await teacher.Context.APIRequest.DeleteAsync($"{app.RootUri}api/seminars/{seminarId}/members/{me!.Value.GetProperty("id").GetString()}");
        Assert.Equal(204, removed.Status);

        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Expect(page.Locator("article")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "The page reloaded.");
    }
}
