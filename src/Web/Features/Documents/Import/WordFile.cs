using System.Buffers;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Documents.Import;

/// <summary>
/// .docx: the body's paragraphs in order, table cells' paragraphs among them (row by row), each a block;
/// paragraphs in a Title or Heading 1–6 style are headings, kept on one line. Empty paragraphs, deleted
/// (tracked) text, pictures and text boxes give nothing; a line break inside a paragraph stays a single "\n".
/// </summary>
internal static class WordFile
{
    private static string Damaged => L["Document.DocxDamaged"];
    private static string PasswordProtected => L["Document.DocxPassword"];
    private static string OldFormat => L["Document.DocxOldFormat"];
    internal static string TooBigUnpacked => L["Document.DocxTooBig"];

    // A .docx is a zip: 10 MB of it can unpack to gigabytes of XML (a zip bomb). Its XML parts are loaded
    // whole, and OpenXml's document tree takes about ten times their size in memory, so their total is
    // bounded before anything is loaded: 32 MB of XML holds far more than the 2 MB of text a document may have.
    internal const long MaxUnpackedXmlBytes = 32L * 1024 * 1024;

    // Word's XML compresses about 5 to 20 times; a part that unpacks hundreds of times larger was made to.
    private const int MaxCompressionRatio = 100;
    private const long RatioCheckedFrom = 1024 * 1024;

    // Password-protected Office files, and old binary .doc files, are OLE compound files, not zip packages.
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <param name="cancellationToken">Checked between paragraphs, once the (bounded) package is loaded.</param>
    public static string Read(byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (bytes.AsSpan().StartsWith(CompoundFileSignature))
        {
            // An encrypted package keeps its key in a stream named "EncryptionInfo" (UTF-16 in the directory).
            var encrypted = bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0;
            throw new UnreadableFileException(encrypted ? PasswordProtected : OldFormat);
        }
        CheckUnpacked(bytes);
        try
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
            var body = word.MainDocumentPart?.Document?.Body ?? throw new UnreadableFileException(Damaged);
            var blocks = new CanonicalBlocks();
            WriteBlocks(body, blocks, HeadingStyleIds(word.MainDocumentPart), cancellationToken);
            return blocks.ToString();
        }
        catch (Exception e) when (e is not (UnreadableFileException or OutOfMemoryException or OperationCanceledException))
        {
            // Not a zip, a zip without a Word document in it, or XML that does not parse.
            throw new UnreadableFileException(Damaged, e);
        }
    }

    /// <summary>
    /// Refuses a package whose parts unpack absurdly (by their ratio) or whose XML parts unpack past
    /// <see cref="MaxUnpackedXmlBytes"/> together. Sizes are what the parts really unpack to, read here in
    /// small chunks and dropped, since a zip may declare sizes it does not have; pictures and fonts are
    /// never unpacked here, nor by the reader.
    /// </summary>
    private static void CheckUnpacked(byte[] bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var left = MaxUnpackedXmlBytes;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > RatioCheckedFrom && entry.Length > entry.CompressedLength * MaxCompressionRatio)
                    throw new UnreadableFileException(TooBigUnpacked);
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (entry.Length > left) throw new UnreadableFileException(TooBigUnpacked);
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    left -= read;
                    if (left < 0) throw new UnreadableFileException(TooBigUnpacked);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableFileException(Damaged, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Style ids are localised ("berschrift1" in a German Word); style names of built-in styles are not.</summary>
    private static HashSet<string> HeadingStyleIds(MainDocumentPart main)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Title", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6" };
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            var name = style.StyleName?.Val?.Value;
            var isHeading = name is not null && (name.Equals("title", StringComparison.OrdinalIgnoreCase)
                || (name.Length == 9 && name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && name[8] is >= '1' and <= '6'));
            if (isHeading && style.StyleId?.Value is { } id) ids.Add(id);
        }
        return ids;
    }

    private static void WriteBlocks(OpenXmlElement container, CanonicalBlocks blocks, HashSet<string> headingStyles, CancellationToken cancellationToken)
    {
        foreach (var element in container.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element is Paragraph paragraph)
            {
                var text = new StringBuilder();
                AppendText(paragraph, text);
                var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                if (style is not null && headingStyles.Contains(style)) blocks.AddHeading(text.ToString());
                else blocks.AddParagraph(text.ToString());
            }
            else
            {
                // Tables, rows, cells, content controls: their paragraphs in document order.
                WriteBlocks(element, blocks, headingStyles, cancellationToken);
            }
        }
    }

    private static void AppendText(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append(' ');
                    break;
                case Break lineBreak:
                    // A page or column break is layout; a plain one is a line break the author typed.
                    text.Append(lineBreak.Type is null || lineBreak.Type.Value == BreakValues.TextWrapping ? '\n' : ' ');
                    break;
                case CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                // Tracked deletions, and drawings and text boxes whose text is not part of the paragraph.
                case DeletedRun or MoveFromRun or Drawing or Picture or EmbeddedObject or AlternateContent:
                    break;
                default:
                    AppendText(child, text);
                    break;
            }
        }
    }
}
