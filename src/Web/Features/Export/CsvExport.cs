using System.Globalization;
using Annotate.Shared;
using Annotate.Web.Features.Annotations;
using CsvHelper;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Export;

/// <summary>
/// Writes an export as CSV for spreadsheets: one row per annotation, replies right after their thread,
/// each row complete on its own (a reply repeats its thread's paragraph and quote, so sorting or
/// filtering a sheet never loses where a reply belongs). UTF-8 with a byte order mark, because Excel
/// reads a file without one in the local code page. Every text cell that starts with = + - @, a tab or
/// a carriage return, which a spreadsheet would run as a formula (CSV injection), gets a leading
/// apostrophe and quotes, so it shows as text: bodies, quotes, names and tags are what people typed.
/// </summary>
public static class CsvExport
{
    /// <summary>The columns, named in the exporting person's language (a teacher's spreadsheet reads in theirs).</summary>
    public static IReadOnlyList<string> Header =>
    [
        L["Export.CsvDocument"], L["Export.CsvParagraph"], L["Export.CsvQuote"], L["Export.CsvBody"], L["Export.CsvAuthor"],
        L["Export.CsvVisibility"], L["Export.CsvMotivation"], L["Export.CsvTags"], L["Export.CsvThreadId"], L["Export.CsvParentId"],
        L["Export.CsvCreated"],
    ];

    /// <summary>CSV as spreadsheets should get it (BOM, formula-like cells made inert); the participation table uses it too.</summary>
    internal static readonly CsvWriterOptions SpreadsheetOptions = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        // The characters OWASP lists (= @ + -, tab, CR) and the apostrophe Excel reads as "this is text".
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=@+-\t\r",
        InjectionEscape = '\'',
    };

    public static async Task WriteAsync(ExportContent content, Stream output, CancellationToken cancellationToken = default)
    {
        // Fields are buffered; the writer hands the buffer to the output (asynchronously) when it is mostly full.
        await using var csv = CsvWriter.Create(output, SpreadsheetOptions, leaveOpen: true);

        foreach (var column in Header) csv.WriteField(column);
        await csv.EndRecordAsync(cancellationToken);
        foreach (var thread in content.Threads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRow(csv, content, thread, thread.Root);
            await csv.EndRecordAsync(cancellationToken);
            foreach (var reply in thread.Replies)
            {
                WriteRow(csv, content, thread, reply);
                await csv.EndRecordAsync(cancellationToken);
            }
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteRow(CsvWriter csv, ExportContent content, ExportThread thread, AnnotationView annotation)
    {
        csv.WriteField(content.Title);
        csv.WriteField(thread.ParagraphNumber?.ToString(CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(thread.Root.Quote?.Exact ?? "");
        csv.WriteField(annotation.ByDeletedAccount ? AnnotationService.DeletedBodyText : annotation.Body);
        csv.WriteField(ExportText.Author(annotation));
        csv.WriteField(annotation.Visibility.ToName());
        csv.WriteField(annotation.Motivation);
        csv.WriteField(string.Join("; ", annotation.Tags));
        csv.WriteField(annotation.ThreadRootId.ToString());
        csv.WriteField(annotation.ParentId?.ToString() ?? "");
        csv.WriteField(annotation.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
    }
}
