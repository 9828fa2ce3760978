using System.Text;
using System.Text.Json.Nodes;
using Annotate.E2E.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>Import annotations from the reading page: the button, the file picker, the result, the new thread, an orphan kept and attached.</summary>
[Collection(SeminarCollection.Name)]
public sealed class ImportDialogTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_file_chosen_in_the_Import_dialog_is_imported_reported_and_shown_with_its_writer()
    {
        await using var reader = await app.NewReaderAsync("Hana Import");
        await reader.Reading.OpenAsync();
        var comment = $"Imported from elsewhere ({Guid.NewGuid():N})";
        var file = new JsonArray(
            new JsonObject
            {
                ["@context"] = "http://www.w3.org/ns/anno.jsonld",
                ["id"] = $"urn:e2e:{Guid.NewGuid():N}",
                ["type"] = "Annotation",
                ["motivation"] = "commenting",
                ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = "Ada Lovelace" },
                ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = comment },
                ["target"] = new JsonObject
                {
                    ["source"] = "https://texts.example.org/internationalism",
                    ["selector"] = new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = "unity of goals, unity of organization" },
                },
            },
            new JsonObject { ["type"] = "Annotation", ["id"] = "urn:e2e:nowhere", ["body"] = new JsonObject { ["value"] = "?" } });

        await reader.Page.GetByRole(AriaRole.Button, new() { Name = "Import annotations", Exact = true }).ClickAsync();
        var dialog = reader.Page.GetByRole(AriaRole.Dialog, new() { Name = "Import annotations" });
        await Expect(dialog).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(reader.Page, "Import dialog", output);

        var chooser = await reader.Page.RunAndWaitForFileChooserAsync(() =>
            dialog.GetByRole(AriaRole.Button, new() { Name = "Choose a file…" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "notes.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(file.ToJsonString()) });

        var result = dialog.GetByRole(AriaRole.Status, new() { Name = "Import result" });
        await Expect(result).ToContainTextAsync("1 annotation imported.");
        await Expect(result).ToContainTextAsync("1 rejected");
        await Expect(result).ToContainTextAsync("Item 2 (urn:e2e:nowhere)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(reader.Reading.Thread(comment)).ToContainTextAsync("Ada Lovelace (imported by Hana Import)");
    }

    [Fact]
    public async Task An_imported_annotation_whose_passage_is_not_in_the_text_is_kept_under_Orphaned_and_attached_by_its_importer()
    {
        await using var reader = await app.NewReaderAsync("Ines Orphan");
        await reader.Reading.OpenAsync();
        var comment = $"Made on another edition ({Guid.NewGuid():N})";
        var file = new JsonArray(new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["id"] = $"urn:e2e:{Guid.NewGuid():N}",
            ["type"] = "Annotation",
            ["motivation"] = "commenting",
            ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = "Rosa Luxemburg" },
            ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = comment },
            ["target"] = new JsonObject
            {
                ["source"] = "https://texts.example.org/internationalism-first-edition",
                ["selector"] = new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = "a sentence only the first edition printed" },
            },
        });

        await reader.Page.GetByRole(AriaRole.Button, new() { Name = "Import annotations", Exact = true }).ClickAsync();
        var dialog = reader.Page.GetByRole(AriaRole.Dialog, new() { Name = "Import annotations" });
        var chooser = await reader.Page.RunAndWaitForFileChooserAsync(() =>
            dialog.GetByRole(AriaRole.Button, new() { Name = "Choose a file…" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "first-edition.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(file.ToJsonString()) });

        var result = dialog.GetByRole(AriaRole.Status, new() { Name = "Import result" });
        await Expect(result).ToContainTextAsync("1 annotation imported.");
        await Expect(result).ToContainTextAsync("1 orphaned (kept)");
        await Expect(result).ToContainTextAsync("The quoted passage is not in this text");
        await Screenshots.SaveAsync(reader.Page, "import-orphan-kept.png", output);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();

        await reader.Page.GetByRole(AriaRole.Button, new() { Name = "Orphaned (1)", Exact = true }).ClickAsync();
        var orphan = reader.Reading.Thread(comment);
        await Expect(orphan).ToContainTextAsync("a sentence only the first edition printed");
        await Expect(orphan).ToContainTextAsync("Imported from another text");
        await Screenshots.SaveAsync(reader.Page, "import-orphan-listed.png", output);
        await reader.Reading.SelectAsync("unity of goals, unity of organization");
        await orphan.GetByRole(AriaRole.Button, new() { Name = "Attach to selected passage" }).ClickAsync();

        await Expect(reader.Page.GetByRole(AriaRole.Button, new() { Name = "Orphaned (1)", Exact = true })).ToHaveCountAsync(0);
        await Expect(reader.Reading.Thread(comment)).ToContainTextAsync("unity of goals, unity of organization");
        await Expect(reader.Reading.MarksOf(await reader.Reading.ThreadIdAsync(comment)).First).ToBeVisibleAsync();
    }
}
