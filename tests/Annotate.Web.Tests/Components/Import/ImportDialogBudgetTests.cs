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

/// <summary>The Import dialog when the placing budget ran out: what was not tried is counted apart, not as orphans.</summary>
public sealed class ImportDialogBudgetTests : MudComponentTest, IAsyncLifetime
{
    // No time at all for placing: every thread is left untried, whatever the machine.
    private readonly AnnotateApp app = AnnotateApp.WithSettings(new Dictionary<string, string> { ["Import:PlacingSeconds"] = "0" });

    public ImportDialogBudgetTests() => Context.Services.AddSingleton(app.Services.GetRequiredService<AnnotationImporter>());

    [Fact]
    public async Task Threads_not_placed_in_time_are_counted_apart_and_listed()
    {
        var room = await app.CreateClassroomAsync();
        var provider = Context.Render<MudDialogProvider>();
        var parameters = new DialogParameters<ImportAnnotationsDialog>
        {
            { d => d.DocumentId, room.DocumentId },
            { d => d.UserId, room.StudentA.Id },
            { d => d.VisibilityOptions, new[] { Visibility.Seminar } },
        };
        await provider.InvokeAsync(() => Context.Services.GetRequiredService<IDialogService>().ShowAsync<ImportAnnotationsDialog>("Import annotations", parameters));
        var file = new JsonArray(W3c("urn:x:1", room.DocumentText, "nothing to lose but their chains", "Placed?"), W3cReply("urn:x:2", "urn:x:1", "And its reply?"));

        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file.ToJsonString(), "notes.json"));

        provider.WaitForAssertion(() => Assert.Contains("2 not placed in time (not imported): import the file again to place them",
            provider.FindAll(".import-counts li").Select(li => li.TextContent.Trim())), TimeSpan.FromSeconds(10));
        Assert.Contains("0 orphaned (kept): the passage is not in this text; find them under Orphaned and attach them",
            provider.FindAll(".import-counts li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Nothing new was imported.", provider.Find(".import-result h3").TextContent.Trim());
        Assert.Equal(["Not placed in time"], provider.FindAll(".import-result h4").Select(h => h.TextContent.Trim()));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }
}
