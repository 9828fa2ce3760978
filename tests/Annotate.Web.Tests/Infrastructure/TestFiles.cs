using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Word and PDF files built at run time, so each test shows exactly what its file holds.</summary>
public static class TestFiles
{
    /// <summary>One Word paragraph: its style id (null for Normal) and its runs; "\n" in a run is a line break.</summary>
    public sealed record WordParagraph(string? StyleId, params string[] Runs);

    /// <summary>
    /// A .docx of <paramref name="blocks"/> (WordParagraph, or string[][] for a table of rows of cells).
    /// Its style part declares <paramref name="localisedHeadingId"/> as "heading 2", the way a German Word names
    /// its heading styles ("berschrift2").
    /// </summary>
    public static byte[] Docx(string localisedHeadingId, params object[] blocks)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = localisedHeadingId });
            main.Document = new Document(new Body(blocks.Select(ToElement)));
        }
        return stream.ToArray();
    }

    private static OpenXmlElement ToElement(object block) => block switch
    {
        WordParagraph paragraph => Paragraph(paragraph),
        string[][] rows => new Table(rows.Select(cells => new TableRow(cells.Select(cell =>
            new TableCell(Paragraph(new WordParagraph(null, cell))))))),
        _ => throw new ArgumentException($"Not a Word block: {block}"),
    };

    private static Paragraph Paragraph(WordParagraph paragraph)
    {
        var element = new Paragraph();
        if (paragraph.StyleId is not null) element.Append(new ParagraphProperties(new ParagraphStyleId { Val = paragraph.StyleId }));
        foreach (var run in paragraph.Runs)
        {
            var lines = run.Split('\n');
            var runElement = new Run();
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) runElement.Append(new Break());
                runElement.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
            element.Append(runElement);
        }
        return element;
    }

    /// <summary>A PDF whose pages hold these lines (Helvetica 11 pt, 14 pt apart, from the top), each at its own vertical offset.</summary>
    /// <remarks>A line of "" leaves a gap of one line, as between paragraphs.</remarks>
    public static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                if (line.Length > 0) page.AddText(line, 11, new PdfPoint(72, y), font);
                y -= 14;
            }
        }
        return builder.Build();
    }

    /// <summary>A PDF with a drawn rectangle and no text at all, like a scanned page without its OCR layer.</summary>
    public static byte[] PdfWithoutText()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(72, 500), 300, 200, 2, fill: true);
        return builder.Build();
    }

    /// <summary>A PDF that opens only with a password (PDFsharp encrypts; PdfPig cannot).</summary>
    public static byte[] EncryptedPdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        document.SecuritySettings.UserPassword = "reader-secret";
        document.SecuritySettings.OwnerPassword = "owner-secret";
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
