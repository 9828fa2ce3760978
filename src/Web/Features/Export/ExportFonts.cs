using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Annotate.Web.Features.Export;

/// <summary>
/// The fonts of the PDF export: DejaVu Serif and Sans, shipped in Fonts/ (embedded in this assembly) so
/// that a PDF looks the same on every server and never depends on what the operating system has
/// installed. PDFsharp embeds the subset of each font a document uses.
/// </summary>
internal sealed class ExportFonts : IFontResolver
{
    public const string Serif = "DejaVu Serif";
    public const string Sans = "DejaVu Sans";

    // What a character the font cannot draw (CJK, emoji) prints as: a white square where the font has
    // one, else a question mark; never the font's empty "notdef" glyph or an error.
    private const int WhiteSquare = 0x25A1;

    private static readonly ExportFonts Instance = new();
    private static readonly Lock InstallLock = new();
    private static volatile bool installed;

    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes these fonts PDFsharp's. Its resolver is process-wide and may be set only before the first
    /// font is used (or again to the same instance), so every caller goes through here, once.
    /// </summary>
    public static void Install()
    {
        if (installed) return;
        lock (InstallLock)
        {
            if (installed) return;
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
            else if (GlobalFontSettings.FontResolver is not ExportFonts)
                throw new InvalidOperationException("Another PDFsharp font resolver is installed; the export needs its own fonts.");
            installed = true;
        }
    }

    /// <summary>
    /// A font of one of the shipped families; Unicode encoding, so any character the font has can be drawn. Embedded as
    /// a subset of the glyphs used, or, with <paramref name="wholeFile"/>, whole (see <see cref="NeedsWholeFiles"/>).
    /// </summary>
    public static XFont Font(string family, double size, XFontStyleEx style = XFontStyleEx.Regular, bool wholeFile = false)
    {
        Install();
        return new XFont(family, size, style, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode,
            wholeFile ? PdfSharp.Pdf.PdfFontEmbedding.EmbedCompleteFontFile : PdfSharp.Pdf.PdfFontEmbedding.TryComputeSubset));
    }

    /// <summary>
    /// Whether a PDF of <paramref name="texts"/> must embed its fonts whole. DejaVu draws most Vietnamese letters (ệ, ấ,
    /// ọ: Latin Extended Additional) as glyphs made of glyphs that are themselves made of glyphs, and PDFsharp 6.2.4's
    /// subsetter follows those references one level only (empira/PDFsharp#348): the subset then lacks the marks, and the
    /// page shows "hien dai" for "hiện đại" while its text still copies right. A whole font file costs a few hundred
    /// kilobytes a face, so only PDFs with such letters pay it.
    /// </summary>
    public static bool NeedsWholeFiles(IEnumerable<string?> texts) =>
        texts.Any(text => text is not null && text.AsSpan().ContainsAnyInRange('\u1E00', '\u1EFF'));

    /// <summary>
    /// <paramref name="text"/> with every character <paramref name="font"/> has no glyph for replaced by a
    /// visible stand-in, and control characters other than line breaks dropped: measuring and drawing then
    /// agree and never fail.
    /// </summary>
    public static string Printable(string text, XFont font)
    {
        StringBuilder? builder = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var drawable = rune.Value == '\n' || !Rune.IsControl(rune) && GlyphHelper.GlyphIndexFromCodePoint(rune.Value, font) != 0;
            if (!drawable && builder is null) builder = new StringBuilder(text, 0, index, text.Length + 8);
            if (builder is not null)
            {
                if (drawable) builder.Append(rune.ToString());
                else if (!Rune.IsControl(rune)) builder.Append(GlyphHelper.GlyphIndexFromCodePoint(WhiteSquare, font) != 0 ? (char)WhiteSquare : '?');
            }
            index += rune.Utf16SequenceLength;
        }
        return builder?.ToString() ?? text;
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // DejaVu Serif has its own bold and italic; the sans face is only ever used upright here, so
        // its italic (and every bold italic) is slanted by PDFsharp. Any other family gets the sans
        // face: the export names only these two, and nothing should fail for want of a font.
        if (familyName.Equals(Serif, StringComparison.OrdinalIgnoreCase))
        {
            if (bold) return new FontResolverInfo("DejaVuSerif-Bold", false, italic);
            return new FontResolverInfo(italic ? "DejaVuSerif-Italic" : "DejaVuSerif");
        }
        return new FontResolverInfo(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);
    }

    public byte[] GetFont(string faceName) => faces.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(ExportFonts).Assembly.GetManifestResourceStream($"ExportFonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name}.ttf is not embedded in the assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });
}
