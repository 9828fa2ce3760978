using Annotate.Shared.Text;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Markdig;
using static Annotate.Web.Resources.Words;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Annotate.Web.Features.Export;

/// <summary>
/// The export as a PDF laid out like the printable page: a header saying what it holds, the article with
/// each annotated passage on a light fill and its note number in the right margin, then the threads as
/// numbered notes (orphans last), page numbers at the foot. Fonts are the DejaVu faces shipped with the
/// app (<see cref="ExportFonts"/>), embedded as subsets; comment bodies are printed as plain text.
/// </summary>
public static class PdfExport
{
    private static readonly XColor Ink = XColor.FromArgb(27, 27, 27);
    private static readonly XColor Muted = XColor.FromArgb(100, 100, 100);
    private static readonly XColor Accent = XColor.FromArgb(138, 75, 0);

    // Raw HTML in a comment stays literal text (DisableHtml): the PDF prints what was typed.
    private static readonly MarkdownPipeline Plain = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().UsePipeTables().Build();

    public static async Task WriteAsync(ExportContent content, Stream output, PaperSize paper, CancellationToken cancellationToken)
    {
        var article = new PrintableArticle(content);
        var style = new Styles(wholeFonts: ExportFonts.NeedsWholeFiles(Texts(content)));
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Subject = content.FilterDescription;
        document.Info.Creator = "Annotate";

        using (var pages = new PdfPageWriter(document, paper))
        {
            pages.StyleNoteNumbers(style.NoteNumber, style.AccentBrush);
            WriteHeader(pages, style, content, article);
            foreach (var block in article.Blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                WriteBlock(pages, style, content.Text, block);
            }
            WriteNotes(pages, style, article, cancellationToken);
            pages.Finish((page, count) => L["Export.PageFooter", content.Title, page, count], style.Footer, style.MutedBrush);
        }

        // PDFsharp writes synchronously; the response body accepts only asynchronous writes.
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static void WriteHeader(PdfPageWriter pages, Styles style, ExportContent content, PrintableArticle article)
    {
        pages.KeepRoom(0);
        pages.Write([new(L["Export.SeminarRevision", content.SeminarName, content.Revision], style.Small, style.MutedBrush)], leading: 1.3);
        pages.Space(2);
        pages.Write([new(content.Title, style.Title, style.InkBrush)], leading: 1.25);
        pages.Space(3);
        // The filter says what this is ("Feedback report for …"): a report for one student must read as one.
        if (!string.IsNullOrWhiteSpace(content.FilterDescription))
            pages.Write([new(content.FilterDescription, style.Filter, style.AccentBrush)], leading: 1.35);
        pages.Write([new(article.Contents(content), style.Small, style.MutedBrush)], leading: 1.35);
        pages.Space(8);
        pages.Rule(XColor.FromArgb(187, 187, 187));
        pages.Space(14);
    }

    private static void WriteBlock(PdfPageWriter pages, Styles style, string text, PrintableArticle.Block block)
    {
        var heading = block.Text.Kind == BlockKind.Heading;
        var font = heading ? style.Heading : style.Body;
        var pieces = block.Runs.Select(run => new PdfPageWriter.Piece(
            text[run.Start..run.End], font, style.InkBrush,
            run.Depth == 0 ? null : run.OnlyHighlights ? style.PlainFill : style.Fills[Math.Min(run.Depth, style.Fills.Length) - 1],
            run.Starting)).ToList();

        if (heading)
        {
            pages.Space(8);
            // A heading alone at the foot of a page reads as a mistake: keep it with two lines of what follows.
            pages.KeepRoom(font.Size * 1.3 + style.Body.Size * 1.5 * 2 + 8);
            pages.Write(pieces, leading: 1.3);
            pages.Space(4);
        }
        else
        {
            pages.Write(pieces, leading: 1.5, label: new($"{block.Text.ParagraphNumber}", style.ParagraphNumber, style.MutedBrush));
            pages.Space(6);
        }
    }

    private static void WriteNotes(PdfPageWriter pages, Styles style, PrintableArticle article, CancellationToken cancellationToken)
    {
        if (article.Notes.Count == 0)
        {
            pages.Space(10);
            pages.Write([new(L["Export.NoneMatch"], style.Quote, style.MutedBrush)]);
            return;
        }
        var orphansHeaded = false;
        var first = true;
        foreach (var note in article.Notes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (first || note.Orphan && !orphansHeaded)
            {
                string title = note.Orphan ? L["Export.PassagesGone"] : L["Export.Notes"];
                pages.KeepRoom(90);
                if (!pages.AtPageTop)
                {
                    pages.Space(16);
                    pages.Rule(XColor.FromArgb(187, 187, 187));
                    pages.Space(10);
                }
                pages.Write([new(title, style.NotesHeading, style.InkBrush)], leading: 1.3);
                if (note.Orphan)
                    pages.Write([new(L["Export.PassagesGoneExplained"], style.Small, style.MutedBrush)]);
                pages.Space(6);
                orphansHeaded |= note.Orphan;
                first = false;
            }
            WriteNote(pages, style, note);
        }
    }

    private static void WriteNote(PdfPageWriter pages, Styles style, PrintableArticle.Note note)
    {
        var root = note.Thread.Root;
        // The quote, its byline and a first line of its body stay together.
        pages.KeepRoom(48);
        var quote = new List<PdfPageWriter.Piece>();
        if (note.Thread.ParagraphNumber is { } paragraph) quote.Add(new($"¶ {paragraph}   ", style.Small, style.MutedBrush));
        quote.Add(new($"“{PrintableArticle.Quote(root)}”", style.Quote, style.QuoteBrush));
        pages.Write(quote, leading: 1.4, label: new($"{note.Number}", style.NoteNumber, style.AccentBrush));
        if (root.OriginalExact is { } original)
            pages.Write([new(L["Export.EarlierWords"] + " ", style.Small, style.MutedBrush), new($"“{original}”", style.Quote, style.MutedBrush)], leading: 1.4);
        WriteEntry(pages, style, root, indent: 0);
        foreach (var reply in note.Thread.Replies) WriteEntry(pages, style, reply, indent: 16);
        pages.Space(10);
    }

    private static void WriteEntry(PdfPageWriter pages, Styles style, AnnotationView annotation, double indent)
    {
        pages.Space(2);
        var byline = new List<PdfPageWriter.Piece>();
        if (PrintableArticle.Kind(annotation) is { } kind)
            byline.Add(new($"{kind.ToUpperInvariant()}  ", style.Kind, annotation.Motivation == Motivations.Assessing ? style.AccentBrush : style.MutedBrush));
        byline.Add(new(PrintableArticle.Author(annotation), style.Author, style.InkBrush));
        var details = $" · {PrintableArticle.Time(annotation.Created)}";
        if (annotation.Modified > annotation.Created.AddMinutes(1)) details += " · " + L["Export.Edited"];
        foreach (var flag in PrintableArticle.Flags(annotation)) details += $" · {flag}";
        if (annotation.Tags.Count > 0) details += " · " + string.Join(" ", annotation.Tags.Select(t => $"#{t}"));
        byline.Add(new(details, style.Small, style.MutedBrush));
        pages.Write(byline, indent, leading: 1.4);

        if (annotation.ByDeletedAccount)
        {
            pages.Write([new(AnnotationService.DeletedBodyText, style.Quote, style.MutedBrush)], indent, leading: 1.4);
            return;
        }
        if (string.IsNullOrWhiteSpace(annotation.Body)) return;
        var text = Markdown.ToPlainText(annotation.Body, Plain).Trim();
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            pages.Write([new(paragraph, style.NoteBody, style.InkBrush)], indent, leading: 1.4);
    }

    /// <summary>Every text the PDF may draw: the content's, and the byline's words in the exporting person's language.</summary>
    private static IEnumerable<string?> Texts(ExportContent content)
    {
        yield return L["Export.ExportedFor", "", "", ""];
        foreach (var text in new[] { content.Title, content.SeminarName, content.ReaderName, content.FilterDescription, content.Text })
            yield return text;
        foreach (var annotation in content.Threads.SelectMany(t => t.Replies.Prepend(t.Root)))
        {
            foreach (var text in new[] { annotation.Body, annotation.AuthorName, annotation.AttributedTo, annotation.Quote?.Exact, annotation.OriginalExact })
                yield return text;
            foreach (var tag in annotation.Tags) yield return tag;
        }
    }

    /// <summary>The fonts and brushes of one export, made per export because PDFsharp's drawing objects are not meant to be shared between threads.</summary>
    private sealed class Styles(bool wholeFonts)
    {
        public XFont Title { get; } = ExportFonts.Font(ExportFonts.Serif, 20, XFontStyleEx.Bold, wholeFonts);
        public XFont Filter { get; } = ExportFonts.Font(ExportFonts.Sans, 12, XFontStyleEx.Bold, wholeFonts);
        public XFont Small { get; } = ExportFonts.Font(ExportFonts.Sans, 8.5, XFontStyleEx.Regular, wholeFonts);
        public XFont Heading { get; } = ExportFonts.Font(ExportFonts.Serif, 13.5, XFontStyleEx.Bold, wholeFonts);
        public XFont Body { get; } = ExportFonts.Font(ExportFonts.Serif, 10.5, XFontStyleEx.Regular, wholeFonts);
        public XFont ParagraphNumber { get; } = ExportFonts.Font(ExportFonts.Sans, 7, XFontStyleEx.Regular, wholeFonts);
        public XFont NoteNumber { get; } = ExportFonts.Font(ExportFonts.Sans, 8, XFontStyleEx.Bold, wholeFonts);
        public XFont NotesHeading { get; } = ExportFonts.Font(ExportFonts.Sans, 13, XFontStyleEx.Bold, wholeFonts);
        public XFont Quote { get; } = ExportFonts.Font(ExportFonts.Serif, 9.5, XFontStyleEx.Italic, wholeFonts);
        public XFont Kind { get; } = ExportFonts.Font(ExportFonts.Sans, 7.5, XFontStyleEx.Bold, wholeFonts);
        public XFont Author { get; } = ExportFonts.Font(ExportFonts.Sans, 8.5, XFontStyleEx.Bold, wholeFonts);
        public XFont NoteBody { get; } = ExportFonts.Font(ExportFonts.Serif, 10, XFontStyleEx.Regular, wholeFonts);
        public XFont Footer { get; } = ExportFonts.Font(ExportFonts.Sans, 8, XFontStyleEx.Regular, wholeFonts);
        public XBrush InkBrush { get; } = new XSolidBrush(Ink);
        public XBrush MutedBrush { get; } = new XSolidBrush(Muted);
        public XBrush AccentBrush { get; } = new XSolidBrush(Accent);
        public XBrush QuoteBrush { get; } = new XSolidBrush(XColor.FromArgb(68, 68, 68));

        // The reading page's highlight colours, made opaque over white: deeper where more passages meet.
        public XBrush[] Fills { get; } =
        [
            new XSolidBrush(XColor.FromArgb(255, 240, 179)),
            new XSolidBrush(XColor.FromArgb(255, 224, 138)),
            new XSolidBrush(XColor.FromArgb(255, 200, 112)),
            new XSolidBrush(XColor.FromArgb(255, 173, 92)),
        ];
        public XBrush PlainFill { get; } = new XSolidBrush(XColor.FromArgb(213, 239, 210));
    }
}
