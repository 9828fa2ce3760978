using System.Globalization;
using System.Text;
using Annotate.Shared.Text;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// A block's words with their highlights, as the HTML inside its .block-text: the text exactly (only
/// &amp;, &lt; and &gt; escaped, so the browser's text is the canonical text), and a &lt;mark&gt; for each run
/// that threads cover. A block is drawn once per change of its highlights and handed to the renderer as one
/// piece of markup: 2,000 threads make thousands of marks, which as elements of the render tree cost every
/// page memory and every redraw a walk over all of them.
/// </summary>
internal static class MarkedText
{
    /// <summary>
    /// The short name of a thread in the article's marks: the last 8 hex digits of its id (the whole id would be
    /// 36 characters in every mark, the bulk of a page with thousands of them). The last, because ids are made in
    /// time order (version 7) and begin with the time they were made, the same for everything posted in a minute;
    /// they end in random digits. Every page gives a thread the same short name; a page gives the whole 32 digits
    /// instead to a thread whose 8 another of its threads has.
    /// </summary>
    public static string Key(Guid thread) => thread.ToString("N")[24..];

    /// <summary>The long form, for the rare thread whose <see cref="Key"/> another thread on the page has already.</summary>
    public static string LongKey(Guid thread) => thread.ToString("N");

    /// <summary>
    /// The block's HTML. Each mark says how deep it is (d1-d4), whether only plain highlights meet there, and in
    /// data-threads the keys of the threads there, innermost first (a click opens that one).
    /// </summary>
    public static string Html(string text, TextBlock block, IReadOnlyList<HighlightLayout.Segment> segments, IReadOnlyDictionary<Guid, string> keys)
    {
        var html = new StringBuilder(block.End - block.Start + segments.Count * 48);
        foreach (var segment in segments)
        {
            if (segment.Depth == 0)
            {
                Escape(html, text.AsSpan(segment.Start, segment.End - segment.Start));
                continue;
            }
            html.Append("<mark class=\"hl d").Append(Math.Min(segment.Depth, 4).ToString(CultureInfo.InvariantCulture))
                .Append(segment.OnlyHighlights ? " hl-plain" : "").Append("\" data-threads=\"").Append(keys[segment.Innermost!.Value]);
            foreach (var thread in segment.Threads)
                if (thread != segment.Innermost) html.Append(' ').Append(keys[thread]);
            html.Append("\">");
            Escape(html, text.AsSpan(segment.Start, segment.End - segment.Start));
            html.Append("</mark>");
        }
        return html.ToString();
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
