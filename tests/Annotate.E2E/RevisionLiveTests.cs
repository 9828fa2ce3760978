using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>A teacher revises the text; a student with the page open sees the new text and the moved highlight without reloading.</summary>
[Collection(SeminarCollection.Name)]
public sealed class RevisionLiveTests(AppFixture app)
{
    private const string Original =
        "A spectre is haunting Europe, the spectre of communism.\n\n" +
        "The history of all hitherto existing society is the history of class struggles.";
    private const string Passage = "the history of class struggles";

    [Fact]
    public async Task A_revision_reaches_open_pages_with_highlights_moved_along()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Revising");
        await using var student = await app.NewReaderAsync("Student Watching");

        // A seminar and document of the test's own, with a short text whose highlight it can follow.
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = "Revision drill" });
        var documentId = (await teacher.PostJsonAsync(app.RootUri, $"/api/seminars/{seminar.GetProperty("id").GetInt32()}/documents",
            new { title = "Manifesto extract", text = Original })).GetProperty("id").GetInt32();
        await student.PostJsonAsync(app.RootUri, "/api/seminars/join", new { joinCode = seminar.GetProperty("joinCode").GetString() });
        var start = Original.IndexOf(Passage, StringComparison.Ordinal);
        await student.PostJsonAsync(app.RootUri, $"/api/documents/{documentId}/annotations", new
        {
            motivation = "commenting",
            body = new[] { new { type = "TextualBody", value = "Every society?", format = "text/markdown" } },
            target = new
            {
                selector = new object[]
                {
                    new { type = "TextQuoteSelector", exact = Passage },
                    new { type = "TextPositionSelector", start, end = start + Passage.Length },
                },
            },
        });

        var page = student.Page;
        await page.GotoAsync($"documents/{documentId}");
        var article = page.Locator("article");
        await Expect(article.Locator("mark")).ToHaveTextAsync(Passage);
        // Live updates start once the page is interactive, which is when it shows its reader as present.
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Region, new() { Name = "Reading now" })).ToContainTextAsync("(you)");
        await page.EvaluateAsync("() => { window.__noReload = true; }");

        var revised = "Preface\n\nWritten in 1848 by Marx and Engels.\n\n" + Original;
        var put = await teacher.Context.APIRequest.PutAsync($"{app.RootUri}api/documents/{documentId}",
            new() { DataObject = new { text = revised } });
        Assert.Equal(200, put.Status);

        await Expect(article).ToContainTextAsync("Written in 1848 by Marx and Engels.");
        await Expect(article.Locator("mark")).ToHaveTextAsync(Passage);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "The page reloaded.");
        await Expect(article).ToContainTextAsync("revision 2");
    }
}
