using System.Globalization;
using Annotate.Shared.Text;
using Annotate.Shared.TextImport;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Documents.Import;
using Annotate.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Annotate.Web.Components.Documents;

public partial class AddDocumentDialog
{
    /// <summary>What the dialog closes with when it added a document.</summary>
    public sealed record Added(int Id, string Title);

    public enum Source { Paste, Upload }

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;
    [Parameter, EditorRequired] public int SeminarId { get; set; }
    /// <summary>The signed-in teacher, from the page; checked again against the seminar before anything is stored.</summary>
    [Parameter, EditorRequired] public string UserId { get; set; } = "";

    [Inject] private DocumentImporter Importer { get; set; } = null!;
    [Inject] private DocumentService Documents { get; set; } = null!;
    [Inject] private ReaderAccess Access { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IStringLocalizer<Strings> L { get; set; } = null!;

    private readonly CancellationTokenSource closing = new();
    private string title = "";
    private Source source = Source.Paste;
    private DocumentTextField? pasteField;
    private bool reflow;
    private IBrowserFile? file;
    private string? imported;
    private DateTime? dueDate;
    private bool postFirst;
    /// <summary>The text's language; null until chosen or detected from a file read (pasted text is detected on Add).</summary>
    private string? language;
    /// <summary>Whether the teacher chose the language: a file read afterwards then leaves it alone.</summary>
    private bool languageChosen;
    private bool reading;
    private bool saving;
    private string? titleError;
    /// <summary>Why the chosen file cannot be added; shown beside it.</summary>
    private string? fileError;
    /// <summary>Why Add did not add.</summary>
    private string? error;

    private void ChooseSource(Source chosen)
    {
        source = chosen;
        error = null;
    }

    private void ChooseLanguage(string? chosen)
    {
        language = chosen;
        languageChosen = chosen is not null;
    }

    private async Task ReadFileAsync(InputFileChangeEventArgs change)
    {
        file = change.File;
        imported = null;
        error = null;
        // Size and kind are known in the browser before a byte is sent: refuse there, not after the upload.
        fileError = file.Size > DocumentImporter.MaxFileBytes ? DocumentImporter.TooLarge : DocumentImporter.CheckFileName(file.Name);
        if (fileError is not null) return;

        reading = true;
        try
        {
            var chosen = file;
            var result = await Importer.ImportAsync(chosen.Name, chosen.Size,
                () => chosen.OpenReadStream(DocumentImporter.MaxFileBytes, closing.Token), closing.Token);
            if (chosen != file) return; // another file was chosen meanwhile
            imported = result.Text;
            fileError = result.Problem;
            if (imported is not null && string.IsNullOrWhiteSpace(title)) title = Path.GetFileNameWithoutExtension(chosen.Name);
            if (imported is not null && !languageChosen) language = TextLanguage.Detect(imported);
        }
        catch (OperationCanceledException)
        {
            // The dialog closed while the file was read.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The browser stopped sending it (the tab lost its connection, the file changed on disk):
            // say so rather than let the exception end the whole page's circuit.
            fileError = L["Document.FileUnreadable"];
        }
        finally
        {
            reading = false;
        }
    }

    private async Task AddAsync()
    {
        if (saving || reading) return;
        string? text;
        try
        {
            text = source == Source.Paste ? PastedText(pasteField is null ? "" : await pasteField.ReadAsync(closing.Token)) : imported;
        }
        catch (OperationCanceledException)
        {
            return; // the dialog closed meanwhile
        }
        catch (Exception e) when (e is JSException or IOException or ArgumentOutOfRangeException)
        {
            error = L["Document.PasteUnreadable"];
            return;
        }
        titleError = DocumentService.CheckTitle(title);
        error = TextProblem(text);
        if (titleError is not null || error is not null) return;

        saving = true;
        try
        {
            // The page offered this dialog to a teacher; whether they still are is for the database to say.
            var viewer = await Access.ForSeminarAsync(UserId, SeminarId);
            if (viewer?.IsTeacher != true)
            {
                error = L["Document.TeachersOnlyAdd"];
                return;
            }
            var dueAt = dueDate is { } day ? DueDate.EndOf(DateOnly.FromDateTime(day), Clock.LocalTimeZone) : (DateTimeOffset?)null;
            var document = await Documents.AddAsync(SeminarId, title.Trim(), text!, UserId, dueAt, postFirst, language);
            Dialog.Close(DialogResult.Ok(new Added(document.Id, document.Title)));
        }
        finally
        {
            saving = false;
        }
    }

    private string? TextProblem(string? text) => source switch
    {
        Source.Paste when string.IsNullOrWhiteSpace(text) => L["Document.PasteSomething"],
        Source.Upload when file is null => L["Document.ChooseSomething"],
        Source.Upload when text is null => fileError ?? DocumentImporter.NoText,
        _ => DocumentService.CheckText(text),
    };

    private string PastedText(string pasted) =>
        string.IsNullOrWhiteSpace(pasted) ? "" : reflow ? PlainTextReflow.Reflow(pasted) : DocumentService.NormaliseLineEndings(pasted).Trim('\n');

    private void Cancel() => Dialog.Cancel();

    private string Summary(string text)
    {
        var blocks = TextBlocks.Parse(text);
        var headings = blocks.Count(b => b.Kind == BlockKind.Heading);
        var paragraphs = blocks.Count - headings;
        return L["Document.FileRead",
            paragraphs == 1 ? L["Document.ParagraphsOne", paragraphs] : L["Document.ParagraphsMany", paragraphs],
            headings == 1 ? L["Document.HeadingsOne", headings] : L["Document.HeadingsMany", headings]];
    }

    // Unit symbols read the same in both languages; the number's decimal mark is the culture's.
    private string FileSize(long bytes) =>
        bytes < 1024 ? L["Document.SizeBytes", bytes]
        : bytes < 1024 * 1024 ? string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0.#} KB")
        : string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024):0.#} MB");

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
