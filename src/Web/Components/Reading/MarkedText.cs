using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Annotate.Shared.Text;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// A block of the article as HTML: its element (a paragraph with its number, or a heading) around a .block-text
/// holding its words with their highlights: the text exactly (only &amp;, &lt; and &gt; escaped, so the browser's
/// text is the canonical text), and a &lt;mark&gt; for each run that threads cover. A block is drawn once per
/// change of its highlights and handed to the renderer as one piece of markup: 2,000 threads make thousands of
/// marks, which as elements of the render tree cost every page memory and every redraw a walk over all of them;
/// and the block's own elements as frames cost each open page about 11 frames a block, twice over (issue 12).
/// </summary>
internal static class MarkedText
{
    /// <summary>Characters of a short key: letters and digits, safe in an attribute and a CSS selector as they are.</summary>
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Length of a short key: 62^5 (nearly 2^30) names, so that a page of 2,000 threads has two alike once in 500 pages.</summary>
    public const int KeyLength = 5;

    /// <summary>How many short keys there are: 62^5.</summary>
    private const ulong ShortKeys = 62UL * 62 * 62 * 62 * 62;

    /// <summary>
    /// The short name of a thread in the article's marks: 5 letters and digits from the last 48 bits of its id.
    /// Every thread is named in every mark over its passage, so the name is the bulk of a page with thousands of
    /// them (8 hex digits made 38 % of the first render at 2,000 threads). The last bits, because ids are made in
    /// time order (version 7) and begin with the time they were made; they end in random bits. Every page gives a
    /// thread the same short name; a page gives the whole 32 digits instead to a thread whose 5 another of its
    /// threads has.
    /// </summary>
    public static string Key(Guid thread) => string.Create(KeyLength, ShortValue(thread), WriteShort);

    /// <summary>What the short key of a thread stands for: two threads have the same short key when, and only when, this is the same.</summary>
    public static ulong ShortValue(Guid thread)
    {
        Span<byte> bytes = stackalloc byte[16];
        thread.TryWriteBytes(bytes, bigEndian: true, out _);
        return (BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) & 0xFFFF_FFFF_FFFF) % ShortKeys;
    }

    /// <summary>Whether <paramref name="key"/>, as found in a mark, names <paramref name="thread"/> (by its long key when <paramref name="isLong"/>).</summary>
    public static bool Names(string key, Guid thread, bool isLong)
    {
        if (isLong) return Guid.TryParseExact(key, "N", out var id) && id == thread;
        if (key.Length != KeyLength) return false;
        ulong value = 0;
        foreach (var c in key)
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) return false;
            value = value * (ulong)Digits.Length + (ulong)digit;
        }
        return value == ShortValue(thread);
    }

    /// <summary>The long form, for the rare thread whose <see cref="Key"/> another thread on the page has already.</summary>
    public static string LongKey(Guid thread) => thread.ToString("N");

    /// <summary>The key of a thread in the marks: its long key when <paramref name="isLong"/>, else its short one.</summary>
    public static string KeyOf(Guid thread, bool isLong) => isLong ? LongKey(thread) : Key(thread);

    /// <summary>
    /// The block's HTML. A paragraph is <c>&lt;p class="block block-paragraph" id="p-N"&gt;</c> with its number in
    /// a .pnum (hidden from assistive technology, outside the text) and its <see cref="ParagraphHeat"/>, a heading <c>&lt;h2 class="block block-heading"&gt;</c>;
    /// the words are in a .block-text whose data-start is the block's offset in the text. Each mark says how deep it
    /// is (class d1-d4), with class pl where only plain highlights meet, class t0, t1 … naming the vocabulary tag it
    /// shows when the page colours highlights by tag (<see cref="TagColours"/>), and in data-t the keys of the threads there,
    /// innermost first (a click opens that one). Short names, because a page of 2,000 threads has thousands of marks.
    /// </summary>
    public static string Html(string text, TextBlock block, IReadOnlyList<HighlightLayout.Segment> segments, IReadOnlySet<Guid> longKeys,
        ParagraphHeat heat = default)
    {
        var html = new StringBuilder(block.End - block.Start + segments.Count * 32 + 120);
        var start = block.Start.ToString(CultureInfo.InvariantCulture);
        var paragraph = block.Kind == BlockKind.Paragraph;
        if (paragraph)
        {
            var n = block.ParagraphNumber?.ToString(CultureInfo.InvariantCulture);
            html.Append("<p class=\"block block-paragraph\" id=\"p-").Append(n).Append("\"><span class=\"pnum\" aria-hidden=\"true\">").Append(n).Append("</span>");
            heat.AppendHtml(html, block.ParagraphNumber ?? 0);
        }
        else html.Append("<h2 class=\"block block-heading\" id=\"b-").Append(start).Append("\">");
        html.Append("<span class=\"block-text\" data-start=\"").Append(start).Append("\">");
        Words(html, text, segments, longKeys);
        return html.Append("</span>").Append(paragraph ? "</p>" : "</h2>").ToString();
    }

    private static void Words(StringBuilder html, string text, IReadOnlyList<HighlightLayout.Segment> segments, IReadOnlySet<Guid> longKeys)
    {
        foreach (var segment in segments)
        {
            if (segment.Depth == 0)
            {
                Escape(html, text.AsSpan(segment.Start, segment.End - segment.Start));
                continue;
            }
            html.Append("<mark class=\"d").Append(Math.Min(segment.Depth, 4).ToString(CultureInfo.InvariantCulture))
                .Append(segment.OnlyHighlights ? " pl" : "");
            if (segment.Tag is { } tag) html.Append(" t").Append(tag.ToString(CultureInfo.InvariantCulture));
            html.Append("\" data-t=\"");
            AppendKey(html, segment.Innermost!.Value, longKeys);
            foreach (var thread in segment.Threads)
                if (thread != segment.Innermost) AppendKey(html.Append(' '), thread, longKeys);
            html.Append("\">");
            Escape(html, text.AsSpan(segment.Start, segment.End - segment.Start));
            html.Append("</mark>");
        }
    }

    /// <summary>A thread's key written straight into the markup: thousands of marks, no string made for each.</summary>
    private static void AppendKey(StringBuilder html, Guid thread, IReadOnlySet<Guid> longKeys)
    {
        if (longKeys.Contains(thread))
        {
            html.Append(LongKey(thread));
            return;
        }
        Span<char> key = stackalloc char[KeyLength];
        WriteShort(key, ShortValue(thread));
        html.Append(key);
    }

    private static void WriteShort(Span<char> key, ulong value)
    {
        for (var i = key.Length - 1; i >= 0; i--, value /= (ulong)Digits.Length) key[i] = Digits[(int)(value % (ulong)Digits.Length)];
    }

    private static void Escape(StringBuilder html, ReadOnlySpan<char> words)
    {
        while (words.Length > 0)
        {
            var next = words.IndexOfAny("&<>\r");
            if (next < 0)
            {
                html.Append(words);
                return;
            }
            html.Append(words[..next]).Append(words[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                // A bare carriage return would be read as a line feed; a character reference keeps it.
                _ => "&#13;",
            });
            words = words[(next + 1)..];
        }
    }
}
