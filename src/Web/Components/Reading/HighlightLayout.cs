using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// Cuts each block of the article into runs of text covered by the same set of threads, so the page
/// can draw overlapping passages as flat &lt;mark&gt;s whose depth says how many threads meet there.
/// All offsets are UTF-16 indexes into the canonical text.
/// </summary>
public static class HighlightLayout
{
    /// <summary>A run of a block; <see cref="Threads"/> is empty for plain text.</summary>
    public sealed record Segment(int Start, int End, IReadOnlyList<Guid> Threads, Guid? Innermost, bool OnlyHighlights)
    {
        public int Depth => Threads.Count;
    }

    /// <summary>Where a thread's passage is in the text now (null = could not be placed).</summary>
    public sealed record PlacedThread(AnnotationView Thread, TextSpan? Span);

    /// <summary>Places every thread root on the text: at its stored position when the quote is still there, else wherever the anchor finds it.</summary>
    public static IReadOnlyList<PlacedThread> Place(string text, IEnumerable<AnnotationView> threads)
    {
        var placed = new List<PlacedThread>();
        foreach (var thread in threads)
        {
            if (thread.IsReply || thread.Quote is null) continue;
            // An orphan carries its original words; searching for them again could only guess.
            placed.Add(new PlacedThread(thread, thread.Orphan ? null : Find(text, thread)));
        }
        return placed;
    }

    private static TextSpan? Find(string text, AnnotationView thread)
    {
        if (thread.Position is { } position)
        {
            try
            {
                var span = TextAnchor.ToSpan(text, position);
                if (text.AsSpan(span.Start, span.Length).SequenceEqual(thread.Quote!.Exact)) return span;
            }
            catch (ArgumentOutOfRangeException)
            {
                // The stored position no longer fits the text; fall through to the anchor.
            }
        }
        return TextAnchor.Locate(text, thread.Quote!, thread.Position);
    }

    /// <summary>The runs of one block, in order, covering it completely.</summary>
    public static IReadOnlyList<Segment> Segments(TextBlock block, IReadOnlyList<PlacedThread> placed)
    {
        var covering = placed
            .Where(p => p.Span is { } s && s.Start < block.End && s.End > block.Start)
            .Select(p => (Id: p.Thread.Id, Span: p.Span!.Value, Highlight: p.Thread.Motivation == Motivations.Highlighting))
            .ToList();
        if (covering.Count == 0) return [new Segment(block.Start, block.End, [], null, false)];

        var cuts = new SortedSet<int> { block.Start, block.End };
        foreach (var (_, span, _) in covering)
        {
            if (span.Start > block.Start) cuts.Add(span.Start);
            if (span.End < block.End) cuts.Add(span.End);
        }

        var segments = new List<Segment>();
        var start = block.Start;
        foreach (var cut in cuts.Skip(1))
        {
            var here = covering.Where(c => c.Span.Start <= start && c.Span.End >= cut).ToList();
            var innermost = here.Count == 0 ? (Guid?)null : here.MinBy(c => c.Span.Length).Id;
            segments.Add(new Segment(start, cut, here.Select(c => c.Id).ToList(), innermost, here.Count > 0 && here.All(c => c.Highlight)));
            start = cut;
        }
        return segments;
    }
}
