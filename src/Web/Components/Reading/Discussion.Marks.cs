using Annotate.Shared.Anchoring;

namespace Annotate.Web.Components.Reading;

/// <summary>The article's marks: the keys that name threads in them, and each block drawn with them.</summary>
public sealed partial class Discussion
{
    /// <summary>
    /// The short key of each placed thread, unless another placed thread has it already: then its long one. The
    /// first in document order keeps the short key.
    /// </summary>
    private void NameThreads()
    {
        var named = new HashSet<ulong>(threads.Count);
        foreach (var thread in threads)
            if (!named.Add(MarkedText.ShortValue(thread.Id))) longKeys.Add(thread.Id);
    }

    /// <summary>
    /// Draws the blocks whose highlights (their threads, tags or heat) changed; a new <see cref="Markup"/> list if any did. Which threads reach
    /// into a block is worked out from the threads now (one walk over them), not held between draws.
    /// </summary>
    private void Draw()
    {
        if (redraw.Count == 0) return;
        var covering = new Dictionary<int, List<HighlightLayout.Covering>>(redraw.Count);
        var limit = 0;
        foreach (var b in redraw)
        {
            covering[b] = [];
            limit = Math.Max(limit, Blocks[b].End);
        }
        // A thread counts in the heat of the block it starts in, which is drawn again whenever the thread changes.
        var heat = new Dictionary<int, ParagraphHeat>();
        foreach (var thread in threads)
        {
            if (thread.Span is not { } span) continue;
            // In document order: no thread from here on starts before the last block to draw ends.
            if (span.Start >= limit) break;
            var first = FirstBlockOver(span);
            if (covering.ContainsKey(first)) heat[first] = heat.GetValueOrDefault(first).With(thread.Root);
            var tag = TagColours.IndexOf(thread.Root.Tags);
            for (var b = first; b < Blocks.Count && Blocks[b].Start < span.End; b++)
                if (covering.TryGetValue(b, out var over)) over.Add(HighlightLayout.Covering.Of(thread.Root, span, tag));
        }
        foreach (var (b, over) in covering)
            markup[b] = SharedReading.Text(MarkedText.Html(Text, Blocks[b], HighlightLayout.SegmentsOver(Blocks[b], over), longKeys, heat.GetValueOrDefault(b)));
        redraw.Clear();
        Markup = [.. markup];
    }

    /// <summary>The seminar's vocabulary, which names the tag each mark shows when highlights are coloured by tag.</summary>
    internal TagColours TagColours { get; private set; } = TagColours.None;

    /// <summary>
    /// A new vocabulary (loaded, or changed by a teacher): when a tag's place in it changed, every block is drawn again
    /// (rare; the blocks whose marks stay alike keep their markup); a change of colour alone needs only a new style sheet.
    /// </summary>
    internal void UseTagColours(TagColours colours)
    {
        var placesAlike = TagColours.PlacesAlike(colours);
        TagColours = colours;
        if (placesAlike || markup.Length == 0) return;
        for (var b = 0; b < markup.Length; b++) redraw.Add(b);
        Draw();
    }

    private void RedrawOver(TextSpan span)
    {
        for (var b = FirstBlockOver(span); b < Blocks.Count && Blocks[b].Start < span.End; b++) redraw.Add(b);
    }

    /// <summary>The index of the first block a span reaches into (a binary search); <c>Blocks.Count</c> when none.</summary>
    private int FirstBlockOver(TextSpan span)
    {
        int low = 0, high = Blocks.Count - 1, first = Blocks.Count;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Blocks[middle].End > span.Start) { first = middle; high = middle - 1; }
            else low = middle + 1;
        }
        return first;
    }
}
