using System.Text;
using Annotate.Shared.TextImport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Documents.Import;

/// <summary>
/// .pdf: each page's text in the order the file draws it, pages one after another, then reflowed
/// (hard-wrapped lines joined, paragraphs and headings found, page numbers dropped).
/// </summary>
/// <remarks>
/// Content order is the typesetter's order: right for single-column texts and for the usual two-column
/// paper, whose columns are drawn one after the other. PdfPig's layout analysis (Docstrum blocks plus
/// reading-order detection) took three to four times as long on the same files (2.5 s against 0.7 s
/// for a 36-page manual) for the same text, and a long book has to fit in the time limit.
/// </remarks>
internal static class PdfFile
{
    private static string Damaged => L["Document.PdfDamaged"];
    private static string PasswordProtected => L["Document.PdfPassword"];
    private static string NoText => L["Document.PdfNoText"];

    private static readonly ContentOrderTextExtractor.Options Extraction = new()
    {
        // A larger gap between lines becomes a blank line, which the reflow reads as a paragraph break.
        SeparateParagraphsWithDoubleNewline = true,
        ReplaceWhitespaceWithSpace = true,
    };

    /// <param name="cancellationToken">Checked between pages: PdfPig itself cannot be interrupted, so a file that runs
    /// out of time stops at the next page rather than holding its parsing slot to the end.</param>
    public static string Read(byte[] bytes, CancellationToken cancellationToken = default)
    {
        // Everything that is a PDF says so near its start; anything else is not worth handing to the parser.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0) throw new UnreadableFileException(Damaged);
        string extracted;
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (text.Length > 0) text.Append("\n\n");
                text.Append(ContentOrderTextExtractor.GetText(page, Extraction));
                // Reflowing hardly shortens a text: stop reading a book that cannot fit anyway.
                if (text.Length > 2 * DocumentService.MaxTextLength) throw new UnreadableFileException(DocumentImporter.TextTooLong);
            }
            extracted = text.ToString();
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new UnreadableFileException(PasswordProtected, e);
        }
        catch (Exception e) when (e is not (UnreadableFileException or OutOfMemoryException or OperationCanceledException))
        {
            throw new UnreadableFileException(Damaged, e);
        }
        var reflowed = PlainTextReflow.Reflow(extracted);
        return string.IsNullOrWhiteSpace(reflowed) ? throw new UnreadableFileException(NoText) : reflowed;
    }
}
