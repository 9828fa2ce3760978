using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Annotate.Web.Components.Pages;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Import;
using Annotate.Web.Realtime;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Annotate.Web.Tests.Infrastructure.ImportJson;

namespace Annotate.Web.Tests.Components.Import;

/// <summary>
/// A classmate's reading page is open while a large file is imported: every annotation arrives live,
/// and the page takes the burst in without redrawing once per annotation.
/// </summary>
public sealed class ImportOnOpenPageTests : MudComponentTest, IClassFixture<AnnotateApp>
{
    private readonly AnnotateApp app;
    private readonly ITestOutputHelper output;

    public ImportOnOpenPageTests(AnnotateApp app, ITestOutputHelper output)
    {
        this.app = app;
        this.output = output;
        // The page on the app's own services: the same database, feed and visibility rule.
        Context.Services.AddFallbackServiceProvider(app.Services);
    }

    [Fact]
    public async Task An_import_of_hundreds_of_annotations_reaches_an_open_page_in_a_few_redraws()
    {
        const int count = 300;
        var text = TestArticle.Article;
        var room = await app.CreateClassroomAsync(text);
        Context.AddAuthorization().SetAuthorized(room.StudentB.DisplayName)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, room.StudentB.Id));
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Context.Render<DocumentPage>(ps => ps.Add(p => p.Id, room.DocumentId));
        page.WaitForAssertion(() => Assert.Equal("0 annotations", page.Find(".threads-count").TextContent));
        var rendersBefore = page.RenderCount;

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var file = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            // Runs of four words from all over the article, each annotated once.
            var exact = string.Join(' ', words.Skip(i * words.Length / count).Take(4));
            if (text.IndexOf(exact, StringComparison.Ordinal) < 0) exact = words[i * words.Length / count];
            file.Add(W3c($"urn:bulk:{i}", text, exact, $"Note {i}"));
        }
        var importer = app.Services.GetRequiredService<AnnotationImporter>();
        var watch = Stopwatch.StartNew();
        var result = await importer.ImportAsync(room.StudentA.Id, room.DocumentId, new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString())));
        var imported = result.Value!.Imported.Count;

        page.WaitForAssertion(() => Assert.Equal($"{imported} annotations", page.Find(".threads-count").TextContent), TimeSpan.FromSeconds(60));
        var redraws = page.RenderCount - rendersBefore;
        output.WriteLine($"{imported} imported; the page showed them after {watch.ElapsedMilliseconds} ms and {redraws} redraws.");
        Assert.True(imported > count * 9 / 10, $"Only {imported} of {count} were imported.");
        Assert.True(redraws < imported / 10, $"The page redrew {redraws} times for {imported} annotations.");
    }

    [Fact]
    public async Task An_imported_orphan_arrives_under_Orphaned_with_its_quote_and_its_importer_can_attach_it()
    {
        const string Lost = "Religion is the opium of the people";
        var text = TestArticle.Article;
        var room = await app.CreateClassroomAsync(text);
        Context.AddAuthorization().SetAuthorized(room.StudentA.DisplayName)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, room.StudentA.Id));
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Context.Render<DocumentPage>(ps => ps.Add(p => p.Id, room.DocumentId));
        page.WaitForAssertion(() => Assert.Equal("0 annotations", page.Find(".threads-count").TextContent));

        var file = new JsonArray(W3cQuote("urn:x:lost", Lost, 3, "From another book."), W3cReply("urn:x:lost-reply", "urn:x:lost", "Wrong book."));
        var result = await app.Services.GetRequiredService<AnnotationImporter>()
            .ImportAsync(room.StudentA.Id, room.DocumentId, new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString())));

        Assert.Equal(2, result.Value!.Orphaned);
        page.WaitForAssertion(() => Assert.Equal("Orphaned (1)", page.FindAll("button").Single(b => b.TextContent.StartsWith("Orphaned", StringComparison.Ordinal)).TextContent.Trim()));
        Assert.StartsWith("No thread is on a passage of this text yet. Open Orphaned", page.Find(".threads-empty").TextContent.Trim());
        // Drawn open after the click: wait for it.
        await page.ClickAsync(() => page.FindAll("button").Single(b => b.TextContent.StartsWith("Orphaned", StringComparison.Ordinal)));
        var orphans = page.WaitForElement("[aria-label='Orphaned threads']");
        Assert.Equal(Lost, orphans.QuerySelector(".thread-quote q")!.TextContent);
        Assert.Contains("Imported from another text", orphans.QuerySelector(".passage-edited")!.TextContent);
        Assert.Contains("Wrong book.", orphans.TextContent);
        Assert.Contains(orphans.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Attach to selected passage");
    }
}
