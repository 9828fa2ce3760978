using Annotate.Shared.Anchoring;
using Annotate.Shared.Search;
using Annotate.Shared.Text;

namespace Annotate.Web.Components.Search;

/// <summary>
/// A result's comment as the results page shows it: its words without Markdown (as the index has them), the
/// words searched for marked, and, when it is long, only the part around the first of them.
/// </summary>
internal static class SearchExcerpt
{
    public sealed record Segment(string Text, bool Marked);

    /// <summary>Characters shown of a long comment.</summary>
    public const int Length = 320;

    public static IReadOnlyList<Segment> Of(string markdown, IReadOnlyList<string> terms)
    {
        var text = MarkdownText.ToPlain(markdown);
        var marks = SearchMarks.Find(text, terms);
        var (from, to) = Window(text, marks);
        var segments = new List<Segment>();
        if (from > 0) segments.Add(new Segment("…", false));
        var at = from;
        foreach (var mark in marks.Where(m => m.Start >= from && m.End <= to))
        {
            if (mark.Start > at) segments.Add(new Segment(text[at..mark.Start], false));
            segments.Add(new Segment(text[mark.Start..mark.End], true));
            at = mark.End;
        }
        if (at < to) segments.Add(new Segment(text[at..to], false));
        if (to < text.Length) segments.Add(new Segment("…", false));
        return segments;
    }

    /// <summary>The whole text when short; else <see cref="Length"/> characters starting a little before the first mark, cut at spaces.</summary>
    private static (int From, int To) Window(string text, IReadOnlyList<TextSpan> marks)
    {
        if (text.Length <= Length) return (0, text.Length);
        var from = marks.Count == 0 ? 0 : Math.Max(0, marks[0].Start - Length / 4);
        if (from > 0 && text.IndexOf(' ', from) is var space and >= 0 && space < marks[0].Start) from = space + 1;
        var to = Math.Min(text.Length, from + Length);
        if (to < text.Length && text.LastIndexOf(' ', to) is var end and > 0 && end > from + Length / 2) to = end;
        return (from, to);
    }
}
