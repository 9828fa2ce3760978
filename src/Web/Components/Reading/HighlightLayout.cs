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
    /// <summary>
    /// A run of a block; <see cref="Threads"/> is empty for plain text. <see cref="Tag"/>: the vocabulary tag the run
    /// shows when highlights are coloured by tag (see <see cref="TagColours"/>), that of the innermost thread having one.
    /// </summary>
    public sealed record Segment(int Start, int End, IReadOnlyList<Guid> Threads, Guid? Innermost, bool OnlyHighlights, int? Tag = null)
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
            placed.Add(new PlacedThread(thread, Find(text, thread)));
        }
        return placed;
    }

    /// <summary>Where one thread root sits in <paramref name="text"/> now; null when it cannot be placed (an orphan, or no quote).</summary>
    public static TextSpan? Find(string text, AnnotationView thread)
    {
        // An orphan carries its original words; searching for them again could only guess.
        if (thread.Orphan || thread.Quote is null) return null;
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

    /// <summary>A thread's passage as far as one block is concerned, and its tag's place in the vocabulary (none: null).</summary>
    public readonly record struct Covering(Guid Id, TextSpan Span, bool Highlight, int? Tag = null)
    {
        public static Covering Of(AnnotationView thread, TextSpan span, int? tag = null) =>
            new(thread.Id, span, thread.Motivation == Motivations.Highlighting, tag);
    }

    /// <summary>The runs of one block, in order, covering it completely.</summary>
    public static IReadOnlyList<Segment> Segments(TextBlock block, IReadOnlyList<PlacedThread> placed) =>
        SegmentsOver(block, placed.Where(p => p.Span is { } s && s.Start < block.End && s.End > block.Start)
            .Select(p => Covering.Of(p.Thread, p.Span!.Value)).ToList());

    /// <summary>
    /// The runs of one block from the threads over it (those that do not reach into it are left out), in
    /// order, covering it completely. Where threads tie for innermost, the first in <paramref name="covering"/> wins
    /// (for the tag too).
    /// </summary>
    public static IReadOnlyList<Segment> SegmentsOver(TextBlock block, IReadOnlyList<Covering> covering)
    {
        var here = new List<Covering>(covering.Count);
        foreach (var c in covering)
            if (c.Span.Start < block.End && c.Span.End > block.Start) here.Add(c);
        if (here.Count == 0) return [new Segment(block.Start, block.End, [], null, false)];

        var cuts = new SortedSet<int> { block.Start, block.End };
        foreach (var c in here)
        {
            if (c.Span.Start > block.Start) cuts.Add(c.Span.Start);
            if (c.Span.End < block.End) cuts.Add(c.Span.End);
        }

        var segments = new List<Segment>(cuts.Count - 1);
        var start = block.Start;
        foreach (var cut in cuts.Skip(1))
        {
            var over = here.Where(c => c.Span.Start <= start && c.Span.End >= cut).ToList();
            var innermost = over.Count == 0 ? (Guid?)null : over.MinBy(c => c.Span.Length).Id;
            // A tagged thread keeps its colour all along its passage, also where an untagged one lies inside it.
            int? tag = null;
            var tagged = int.MaxValue;
            foreach (var c in over)
                if (c.Tag is not null && c.Span.Length < tagged) (tag, tagged) = (c.Tag, c.Span.Length);
            segments.Add(new Segment(start, cut, over.Select(c => c.Id).ToList(), innermost, over.Count > 0 && over.All(c => c.Highlight), tag));
            start = cut;
        }
        return segments;
    }
}
