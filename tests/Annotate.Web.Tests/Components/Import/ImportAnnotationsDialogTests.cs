using System.Text.Json.Nodes;
using Annotate.Shared;
using Annotate.Web.Components.Import;
using Annotate.Web.Features.Import;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Annotate.Web.Tests.Infrastructure.ImportJson;

namespace Annotate.Web.Tests.Components.Import;

/// <summary>The Import dialog on a real importer and database: choose a file, see what came of each annotation.</summary>
public sealed class ImportAnnotationsDialogTests : MudComponentTest, IClassFixture<AnnotateApp>
{
    private const string Text = SampleTexts.Manifesto;
    private readonly AnnotateApp app;

    public ImportAnnotationsDialogTests(AnnotateApp app)
    {
        this.app = app;
        Context.Services.AddSingleton(app.Services.GetRequiredService<AnnotationImporter>());
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(Classroom room)
    {
        var provider = Context.Render<MudDialogProvider>();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ImportAnnotationsDialog>
        {
            { d => d.DocumentId, room.DocumentId },
            { d => d.UserId, room.StudentA.Id },
            { d => d.VisibilityOptions, new[] { Visibility.Seminar, Visibility.Private } },
        };
        await provider.InvokeAsync(() => dialogs.ShowAsync<ImportAnnotationsDialog>("Import annotations", parameters));
        return provider;
    }

    private static IReadOnlyList<string> Counts(IRenderedComponent<MudDialogProvider> dialog) =>
        dialog.FindAll(".import-counts li").Select(li => li.TextContent.Trim()).ToList();

    [Fact]
    public async Task Importing_a_file_shows_what_came_of_each_annotation()
    {
        var room = await app.CreateClassroomAsync();
        var dialog = await OpenAsync(room);
        var file = new JsonArray(
            W3c("urn:x:1", Text, "nothing to lose but their chains", "Placed."),
            W3cQuote("urn:x:2", "Religion is the opium of the people", 10),
            W3cReply("urn:x:3", "urn:x:missing", "To what?"));

        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file.ToJsonString(), "notes.json"));

        dialog.WaitForAssertion(() => Assert.Equal(
            ["1 placed on their passage", "0 placed on slightly different words", "1 orphaned (kept): the passage is not in this text; find them under Orphaned and attach them",
             "0 already imported (skipped)", "1 rejected"],
            Counts(dialog)), TimeSpan.FromSeconds(10));
        Assert.Equal("2 annotations imported.", dialog.Find(".import-result h3").TextContent.Trim());
        var problems = dialog.FindAll(".import-problems li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(problems, p => p.StartsWith("Item 3 (urn:x:3): It answers \"urn:x:missing\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Item 2 (urn:x:2): The quoted passage is not in this text", StringComparison.Ordinal));
        Assert.Equal(["Rejected", "Orphaned (kept)"], dialog.FindAll(".import-result h4").Select(h => h.TextContent.Trim()));
        Assert.Equal(2, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", room.DocumentId)));
    }

    [Fact]
    public async Task One_page_of_a_larger_search_says_so_beside_what_came_in()
    {
        var room = await app.CreateClassroomAsync();
        var dialog = await OpenAsync(room);
        var page = HypothesisRows(Hypothesis("h1", Text, "nothing to lose but their chains", "One."));
        page["total"] = 450;

        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(page.ToJsonString(), "search.json"));

        dialog.WaitForAssertion(() => Assert.Equal("1 placed on their passage", Counts(dialog)[0]), TimeSpan.FromSeconds(10));
        Assert.StartsWith("The Hypothesis search found 450 annotations, and this file holds 1 of them.",
            dialog.Find(".import-result .mud-alert-message").TextContent.Trim());
    }

    [Fact]
    public async Task A_file_that_is_no_import_shows_the_reason_and_no_counts()
    {
        var room = await app.CreateClassroomAsync();
        var dialog = await OpenAsync(room);

        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("{ not json", "notes.json"));

        dialog.WaitForAssertion(() => Assert.Contains("not valid JSON", dialog.Find("[role=alert]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Empty(Counts(dialog));
    }
}
