// Where the selector's context stands with the quote gone from between: its prefix, then at most the
// quote's length (plus the edit bound) of other text or none, then its suffix, each side within a
// quarter of its length of the selector's. A candidate found beside such a place (not between its
// surroundings) does not make it its own: "day by day" edited to "day by" leaves one "day" right
// before the emptied place of the other. That is the place a passage was deleted from, or edited
// past recognition - and then a copy of the quote elsewhere, however good, is not the passage.
// The article repeats sentences of its introduction under "Results"; when one copy is deleted the
// other matches perfectly, and only this place, its old surroundings still standing, tells.
namespace Annotate.Shared.Anchoring;

internal readonly record struct ContextPlace(TextSpan Between, int Context);

internal static class ContextPlaces
{
    /// <summary>Each side needs this many chars of context for a place to be recognised by context alone.</summary>
    public const int MinSide = 8;

    /// <summary>
    /// The place with the best context evidence whose surroundings overlap none of <paramref name="taken"/>'s,
    /// among those whose prefix ends in one of <paramref name="prefixEnds"/>, if any.
    /// </summary>
    public static ContextPlace? Best(string text, TextQuoteSelector quote, IReadOnlyList<TextSpan> taken, Func<ContextPlace, double> rank, IEnumerable<(int From, int To)> prefixEnds)
    {
        var prefix = quote.Prefix;
        var suffix = quote.Suffix;
        if (prefix.Length < MinSide || suffix.Length < MinSide) return null;

        var kp = prefix.Length / 4;
        var ks = suffix.Length / 4;
        var prefixPattern = new BitParallelPattern(prefix);
        var suffixPattern = new BitParallelPattern(suffix);
        var k = FuzzyMatcher.MaxEdits(quote.Exact.Length);
        var gap = quote.Exact.Length + k;

        ContextPlace? best = null;
        var ends = new List<EndMatch>();
        var after = new List<EndMatch>();
        foreach (var (first, last) in prefixEnds)
        {
            var from = Math.Clamp(first - prefix.Length - kp, 0, text.Length);
            var to = Math.Clamp(last, from, text.Length);
            ends.Clear();
            prefixPattern.Search(text.AsSpan(from, to - from), kp, from, ends);
            foreach (var p in FuzzyMatcher.ValleyFloors(ends))
            {
                var end = Math.Min(text.Length, p.End + gap + suffix.Length + ks);
                after.Clear();
                suffixPattern.Search(text.AsSpan(p.End, end - p.End), ks, p.End, after);
                if (after.Count == 0) continue;
                var s = after.MinBy(e => e.Distance);
                var between = new TextSpan(p.End, Math.Max(p.End, s.End - suffix.Length));
                // The suffix read short, its start a few chars into more text than the quote's length.
                if (between.Length > gap) continue;
                // A candidate where the quote would stand between them (within the edit bound) is this
                // place, read differently. One beside them is not: "day by day" edited to "day by" has
                // its surroundings standing together right after the "day" that is left.
                if (taken.Any(t => t.Start < between.End + k && between.Start - k < t.End)) continue;

                var place = new ContextPlace(between, 2 * (prefix.Length - 2 * p.Distance + suffix.Length - 2 * s.Distance));
                if (best is null || rank(place) > rank(best.Value)) best = place;
            }
        }
        return best;
    }
}
