using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Annotate.Web.Features.Export;

/// <summary>
/// Typesetting for the PDF export, which PDFsharp leaves to its caller: runs of styled text wrapped into
/// lines at spaces (measured with the fonts that draw them), lines placed down the page and onto a new
/// page when it is full, highlight fills behind marked words, and labels in the margins (paragraph and
/// note numbers). Margin labels are drawn when a page is finished, so the article's words come first in
/// the page's content and read (and copy) in order.
/// </summary>
internal sealed class PdfPageWriter(PdfDocument document, PaperSize paper) : IDisposable
{
    /// <summary>Text in one style. <see cref="Fill"/> is drawn behind it; <see cref="Notes"/> are the note numbers to show in the right margin on the line where it starts.</summary>
    public sealed record Piece(string Text, XFont Font, XBrush Brush, XBrush? Fill = null, IReadOnlyList<int>? Notes = null);

    /// <summary>A label in the left margin, right-aligned against the text, on the first line of a paragraph.</summary>
    public sealed record Label(string Text, XFont Font, XBrush Brush);

    /// <summary>A word or a run of spaces in one style; the first fragment of a piece carries the piece's note numbers.</summary>
    private sealed record Fragment(string Text, Piece Piece, double Width)
    {
        public IReadOnlyList<int> Notes { get; init; } = [];
    }

    private sealed class Line
    {
        public List<Fragment> Fragments { get; } = [];
        public SortedSet<int> Notes { get; } = [];
        public double Width { get; set; }
    }

    private sealed record MarginText(string Text, XFont Font, XBrush Brush, double X, double Baseline, XStringFormat Format);

    private const double MarginGap = 9;

    private readonly List<MarginText> margin = [];
    private XGraphics? graphics;
    private XFont? noteFont;
    private XBrush? noteBrush;

    public double Left { get; } = 68;
    public double Right => PageWidth - 68;
    public double Top { get; } = 58;
    public double Bottom => PageHeight - 66;
    public double Width => Right - Left;
    public double Y { get; private set; }

    /// <summary>Nothing has been written on the current page yet.</summary>
    public bool AtPageTop => graphics is null || Y <= Top;

    private double PageWidth => paper == PaperSize.Letter ? 612 : 595.276;
    private double PageHeight => paper == PaperSize.Letter ? 792 : 841.89;

    private XGraphics Graphics => graphics ?? NewPage();

    /// <summary>How note numbers in the right margin look.</summary>
    public void StyleNoteNumbers(XFont font, XBrush brush)
    {
        noteFont = font;
        noteBrush = brush;
    }

    /// <summary>Vertical space; nothing carries over to a new page.</summary>
    public void Space(double points)
    {
        if (graphics is not null) Y = Math.Min(Y + points, Bottom);
    }

    /// <summary>Starts a new page unless <paramref name="points"/> still fit on this one (keeps a heading with what follows it).</summary>
    public void KeepRoom(double points)
    {
        if (graphics is null || Y + points > Bottom) NewPage();
    }

    /// <summary>A thin horizontal rule across the text column; none at the top of a page, where nothing precedes it.</summary>
    public void Rule(XColor color)
    {
        if (!AtPageTop) Graphics.DrawLine(new XPen(color, 0.6), Left, Y, Right, Y);
    }

    /// <summary>Writes one paragraph, wrapped to the column less <paramref name="indent"/>, lines <paramref name="leading"/> × the font size apart.</summary>
    public void Write(IReadOnlyList<Piece> pieces, double indent = 0, double leading = 1.45, Label? label = null)
    {
        var lines = Wrap(pieces, Width - indent);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var size = line.Fragments.Count > 0 ? line.Fragments.Max(f => f.Piece.Font.Size) : pieces.Max(p => p.Font.Size);
            var height = size * leading;
            if (graphics is null || Y + height > Bottom) NewPage();
            var baseline = Y + (height - size * 1.16) / 2 + size * 0.93;
            Draw(line, Left + indent, baseline);
            if (i == 0 && label is not null)
                margin.Add(new MarginText(label.Text, label.Font, label.Brush, Left + indent - MarginGap, baseline, XStringFormats.BaseLineRight));
            if (line.Notes.Count > 0 && noteFont is not null && noteBrush is not null)
                margin.Add(new MarginText(string.Join(" ", line.Notes), noteFont, noteBrush, Right + MarginGap, baseline, XStringFormats.BaseLineLeft));
            Y += height;
        }
    }

    private void Draw(Line line, double x, double baseline)
    {
        // Fills first, so that no fill covers a neighbour's letters; neighbours with the same fill make
        // one rectangle, so no hairline shows between them.
        var left = x;
        foreach (var group in Groups(line.Fragments, f => f.Piece.Fill))
        {
            var width = group.Sum(f => f.Width);
            if (group[0].Piece.Fill is { } fill)
            {
                var size = group.Max(f => f.Piece.Font.Size);
                Graphics.DrawRectangle(fill, left, baseline - size * 0.93, width, size * 1.16);
            }
            left += width;
        }
        left = x;
        foreach (var group in Groups(line.Fragments, f => (f.Piece.Font, f.Piece.Brush)))
        {
            var text = string.Concat(group.Select(f => f.Text));
            Graphics.DrawString(text, group[0].Piece.Font, group[0].Piece.Brush, left, baseline, XStringFormats.BaseLineLeft);
            left += group.Sum(f => f.Width);
        }
    }

    private static IEnumerable<List<Fragment>> Groups<TKey>(List<Fragment> fragments, Func<Fragment, TKey> key)
    {
        var group = new List<Fragment>();
        foreach (var fragment in fragments)
        {
            if (group.Count > 0 && !EqualityComparer<TKey>.Default.Equals(key(group[0]), key(fragment)))
            {
                yield return group;
                group = [];
            }
            group.Add(fragment);
        }
        if (group.Count > 0) yield return group;
    }

    /// <summary>Greedy line filling: words (which may change style midway) go on the line while they fit; a word wider than the column is cut.</summary>
    private List<Line> Wrap(IReadOnlyList<Piece> pieces, double width)
    {
        var lines = new List<Line> { new() };
        var word = new List<Fragment>();
        var spaces = new List<Fragment>();

        void Add(Line line, Fragment fragment)
        {
            line.Fragments.Add(fragment);
            line.Width += fragment.Width;
            line.Notes.UnionWith(fragment.Notes);
        }

        void PlaceWord()
        {
            if (word.Count == 0) return;
            var line = lines[^1];
            var wordWidth = word.Sum(f => f.Width);
            if (line.Fragments.Count > 0 && line.Width + spaces.Sum(f => f.Width) + wordWidth > width)
            {
                line = new Line();
                lines.Add(line);
            }
            // Spaces at the start or end of a line are not drawn; a passage starting on one is numbered
            // on the line where its first word stands.
            foreach (var space in spaces)
            {
                if (line.Fragments.Count > 0) Add(line, space);
                else line.Notes.UnionWith(space.Notes);
            }
            spaces.Clear();
            foreach (var fragment in word)
            {
                Fragment? rest = fragment;
                while (rest is not null && rest.Width > width - line.Width)
                {
                    // Only a word wider than the whole column gets here: it is cut where the line is full.
                    var (head, tail) = Split(rest, width - line.Width, force: line.Fragments.Count == 0);
                    if (head is not null) Add(line, head with { Notes = rest.Notes });
                    rest = head is null ? rest : tail;
                    if (rest is null) break;
                    line = new Line();
                    lines.Add(line);
                }
                if (rest is not null) Add(line, rest);
            }
            word.Clear();
        }

        foreach (var piece in pieces)
        {
            IReadOnlyList<int> notes = piece.Notes ?? [];
            var text = ExportFonts.Printable(piece.Text.Replace('\t', ' ').Replace("\r", ""), piece.Font);
            var start = 0;
            while (start < text.Length)
            {
                if (text[start] == '\n')
                {
                    // A line break kept inside a block (verse, an address) ends the line.
                    PlaceWord();
                    foreach (var space in spaces) lines[^1].Notes.UnionWith(space.Notes);
                    spaces.Clear();
                    lines.Add(new Line());
                    start++;
                    continue;
                }
                var isSpace = text[start] == ' ';
                var end = start + 1;
                while (end < text.Length && text[end] != '\n' && (text[end] == ' ') == isSpace) end++;
                var fragment = Measure(text[start..end], piece) with { Notes = notes };
                notes = [];
                if (isSpace)
                {
                    PlaceWord();
                    spaces.Add(fragment);
                }
                else word.Add(fragment);
                start = end;
            }
            lines[^1].Notes.UnionWith(notes);
        }
        PlaceWord();
        foreach (var space in spaces) lines[^1].Notes.UnionWith(space.Notes);
        return lines;
    }

    /// <summary>
    /// The longest start of <paramref name="fragment"/> that fits <paramref name="room"/> (at least one
    /// character when <paramref name="force"/>), and the rest; never between the halves of a surrogate pair.
    /// </summary>
    private (Fragment? Head, Fragment? Tail) Split(Fragment fragment, double room, bool force)
    {
        var text = fragment.Text;
        var end = 0;
        while (end < text.Length)
        {
            var next = end + (char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1);
            if (Measure(text[..next], fragment.Piece).Width > room && !(force && end == 0)) break;
            end = next;
        }
        if (end == 0) return (null, fragment);
        var head = Measure(text[..end], fragment.Piece);
        return (head, end < text.Length ? Measure(text[end..], fragment.Piece) : null);
    }

    // Articles repeat their words: measuring each word once per font is most of what typesetting costs.
    private readonly Dictionary<(XFont, string), double> widths = [];

    private Fragment Measure(string text, Piece piece)
    {
        if (!widths.TryGetValue((piece.Font, text), out var width))
        {
            width = Graphics.MeasureString(text, piece.Font).Width;
            if (widths.Count < 50_000) widths[(piece.Font, text)] = width;
        }
        return new Fragment(text, piece, width);
    }

    private XGraphics NewPage()
    {
        FinishPage();
        var page = document.AddPage();
        page.Size = paper == PaperSize.Letter ? PdfSharp.PageSize.Letter : PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        Y = Top;
        return graphics;
    }

    private void FinishPage()
    {
        if (graphics is null) return;
        foreach (var text in margin) graphics.DrawString(text.Text, text.Font, text.Brush, text.X, text.Baseline, text.Format);
        margin.Clear();
        graphics.Dispose();
        graphics = null;
    }

    /// <summary>Ends the last page and writes <paramref name="footer"/>(page, pages) at the foot of every page.</summary>
    public void Finish(Func<int, int, string> footer, XFont font, XBrush brush)
    {
        FinishPage();
        if (document.PageCount == 0) NewPage();
        FinishPage();
        for (var i = 0; i < document.PageCount; i++)
        {
            using var page = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            page.DrawString(ExportFonts.Printable(footer(i + 1, document.PageCount), font), font, brush,
                PageWidth / 2, PageHeight - 34, XStringFormats.BaseLineCenter);
        }
    }

    public void Dispose() => graphics?.Dispose();
}
