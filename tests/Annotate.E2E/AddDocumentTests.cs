using System.Text;
using Annotate.E2E.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// A teacher adds documents from the seminar page: pasted text, then a Markdown file through the browser's
/// file picker (the upload path over the circuit). Writes screenshots of the dialog and the list to screenshots-tmp/.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class AddDocumentTests(AppFixture app, ITestOutputHelper output)
{
    private const string Markdown = """
        # The Communist Manifesto

        A spectre is **haunting** Europe, the spectre of [communism](https://example.org).

        ## Bourgeois and Proletarians

        The history of all hitherto existing society is the history of class struggles.
        """;

    [Fact]
    public async Task A_teacher_adds_pasted_text_and_a_Markdown_file_and_sees_them_listed_with_due_dates()
    {
        await using var teacher = await app.NewReaderAsync("Teacher Adding");
        var page = teacher.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Seminar name" }).FillAsync("Reading the Manifesto");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reading the Manifesto", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);

        // Pasted, hard-wrapped text, reflowed, due in the past.
        var dialog = await OpenDialogAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("The document needs a title.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Paste the document's text, or upload a file instead.")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Title" }).FillAsync("Preface of 1872");
        await Expect(dialog.GetByText("The document needs a title.")).ToBeHiddenAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Text" }).FillAsync(
            "The Communist League, an international\nassociation of workers, commissioned us\nto draw up a programme.");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Reflow pasted text (PDF-extracted)" }).CheckAsync();
        await FillDueDateAsync(dialog, "2020-01-15");
        await ScreenshotAsync(page, "add-document-paste.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByText("Added “Preface of 1872”.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Preface of 1872 Overdue · due 15 Jan 2020" })).ToBeVisibleAsync();

        // A Markdown file; first one too large, which the browser never sends.
        dialog = await OpenDialogAsync(page);
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Upload a file" }).CheckAsync();
        var picker = dialog.GetByLabel("Choose a file");
        // From disk: the browser picks it up in place, where a buffer would be sent through the test driver.
        var big = Path.Combine(Directory.CreateTempSubdirectory("annotate-upload-").FullName, "big.pdf");
        await File.WriteAllBytesAsync(big, new byte[10 * 1024 * 1024 + 1]);
        await picker.SetInputFilesAsync(big);
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The file is larger than 10 MB; split it, or remove its pictures, and try again.");
        await picker.SetInputFilesAsync(new FilePayload { Name = "chapter-one.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(Markdown) });
        await Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Read 2 paragraphs and 2 headings.");
        await Expect(dialog.GetByText("chapter-one.md")).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Textbox, new() { Name = "Title" })).ToHaveValueAsync("chapter-one");
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Title" }).FillAsync("The Manifesto, chapter one");
        await FillDueDateAsync(dialog, "2030-12-03");
        await dialog.GetByRole(AriaRole.Switch, new() { Name = "Students must post before they see others' annotations" }).CheckAsync();
        await Axe.ParkPointerAsync(page);
        await ScreenshotAsync(page, "add-document-dialog.png");

        await Axe.AssertNoSeriousViolationsAsync(dialog, "Add document dialog", output);

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var link = page.GetByRole(AriaRole.Option, new() { Name = "The Manifesto, chapter one Due 3 Dec 2030" });
        await Expect(link).ToBeVisibleAsync();
        await ScreenshotAsync(page, "seminar-documents.png");
        await link.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bourgeois and Proletarians" })).ToBeVisibleAsync();
    }

    private static async Task<ILocator> OpenDialogAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add document" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add document" });
        await Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>Types the date, as a keyboard user would, and tabs on so the picker takes it.</summary>
    private static async Task FillDueDateAsync(ILocator dialog, string date)
    {
        var field = dialog.GetByRole(AriaRole.Textbox, new() { Name = "Due date (optional)" });
        await field.FillAsync(date);
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync(date);
    }

    private Task ScreenshotAsync(IPage page, string name) => Screenshots.SaveAsync(page, name, output);
}
