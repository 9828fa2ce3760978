// Finds the places where a quote survives with edits: every stretch of text within
// max(1, length / 4) edits of it (the contract's bound), as whole spans ready to be judged.
//
// The bit-parallel search reports end positions only; around a true match the ends form a valley of
// rising distances, so only each valley's floor is kept. The start of each is recovered by running the
// reversed quote backwards from the end (anchored there), which gives the exact distance of every
// possible start at once. Short quotes can match thousands of places; a cheap look at the context
// first keeps the few worth a full look.
namespace Annotate.Shared.Anchoring;

internal static class FuzzyMatcher
{
    /// <summary>Shorter quotes only match exactly: with one edit allowed, two letters match almost anywhere.</summary>
    public const int MinLength = 3;

    /// <summary>
    /// Longer quotes only match exactly. Work grows with length times text size; 2,048 chars (32 words
    /// of 64 bits) keeps one search of a 100 KB text to a few milliseconds, and a passage that long
    /// with a small edit is rare next to a short one.
    /// </summary>
    public const int MaxLength = 2048;

    /// <summary>How many places get the full look (start recovery and fuzzy context).</summary>
    public const int MaxCandidates = 16;

    /// <summary>The contract's error bound: never more than this many edits between quote and anchor.</summary>
    public static int MaxEdits(int quoteLength) => Math.Max(1, quoteLength / 4);

    public static bool Accepts(string exact) => exact.Length is >= MinLength and <= MaxLength;

    /// <summary>Candidates whose end lies in <c>text[from..to]</c>.</summary>
    public static List<AnchorCandidate> Find(string text, TextQuoteSelector quote, int from, int to, int? hint) =>
        new Search(quote).Find(text, [(from, to)], hint);

    /// <summary>One quote's patterns, built once and used for every window the quote is looked for in.</summary>
    public sealed class Search(TextQuoteSelector quote)
    {
        private readonly int k = MaxEdits(quote.Exact.Length);
        private BitParallelPattern? forwards;
        private BitParallelPattern? backwards;

        /// <summary>Candidates whose end lies in one of the <paramref name="windows"/> (from, to).</summary>
        public List<AnchorCandidate> Find(string text, IEnumerable<(int From, int To)> windows, int? hint)
        {
            var exact = quote.Exact;
            forwards ??= new BitParallelPattern(exact);
            var floors = new List<EndMatch>();
            var ends = new List<EndMatch>();
            foreach (var (from, to) in windows)
            {
                ends.Clear();
                forwards.Search(text.AsSpan(from, to - from), k, from, ends);
                floors.AddRange(ValleyFloors(ends));
            }
            if (floors.Count == 0) return [];

            IEnumerable<EndMatch> chosen = floors;
            if (floors.Count > MaxCandidates)
            {
                chosen = floors
                    .Select(e => (End: e, Rough: Rough(text, quote, e)))
                    .OrderByDescending(x => x.Rough)
                    .ThenBy(x => hint is { } h ? Math.Abs((long)x.End.End - exact.Length - h) : 0)
                    .ThenBy(x => x.End.End)
                    .Take(MaxCandidates)
                    .Select(x => x.End);
            }

            if (backwards is null)
            {
                var reversed = exact.ToCharArray();
                Array.Reverse(reversed);
                backwards = new BitParallelPattern(reversed);
            }
            var found = new List<AnchorCandidate>();
            foreach (var end in chosen)
            {
                if (RecoverStart(text, quote, backwards, end, k) is { } candidate) found.Add(candidate);
            }
            return found;
        }
    }

    // Within each run of adjacent ends, the ends no worse than their neighbours (plateaus included).
    public static List<EndMatch> ValleyFloors(List<EndMatch> ends)
    {
        var floors = new List<EndMatch>();
        for (var i = 0; i < ends.Count; i++)
        {
            var d = ends[i].Distance;
            var left = i > 0 && ends[i - 1].End == ends[i].End - 1 ? ends[i - 1].Distance : int.MaxValue;
            var right = i + 1 < ends.Count && ends[i + 1].End == ends[i].End + 1 ? ends[i + 1].Distance : int.MaxValue;
            if (d <= left && d <= right) floors.Add(ends[i]);
        }
        return floors;
    }

    // Quote agreement plus verbatim context agreement at the likely start: cheap, and high for the
    // true place unless edits sit right against both of its ends.
    private static int Rough(string text, TextQuoteSelector quote, EndMatch end)
    {
        var suffix = ContextScore.Agreement(text, new TextSpan(end.End, end.End), "", quote.Suffix);
        var prefix = 0;
        var likely = end.End - quote.Exact.Length;
        var shift = Math.Min(end.Distance, 8);
        for (var s = Math.Max(0, likely - shift); s <= Math.Min(end.End, likely + shift); s++)
            prefix = Math.Max(prefix, ContextScore.Agreement(text, new TextSpan(s, s), quote.Prefix, ""));
        return quote.Exact.Length - 5 * end.Distance + prefix + suffix;
    }

    private static AnchorCandidate? RecoverStart(string text, TextQuoteSelector quote, BitParallelPattern backwards, EndMatch end, int k)
    {
        var width = Math.Min(end.End, quote.Exact.Length + k);
        Span<char> window = width <= 512 ? stackalloc char[width] : new char[width];
        text.AsSpan(end.End - width, width).CopyTo(window);
        window.Reverse();
        Span<int> distances = width <= 512 ? stackalloc int[width] : new int[width];
        backwards.Anchored(window, distances);

        var best = int.MaxValue;
        foreach (var d in distances) best = Math.Min(best, d);
        if (best > k) return null;

        // Several starts can be equally close (an edit at the quote's first letter): the one whose
        // text before it agrees with the prefix is the one the reader selected.
        var start = -1;
        var startAgreement = -1;
        for (var t = 1; t <= width; t++)
        {
            if (distances[t - 1] != best) continue;
            var s = end.End - t;
            var agreement = ContextScore.Agreement(text, new TextSpan(s, s), quote.Prefix, "");
            if (agreement > startAgreement || (agreement == startAgreement && Math.Abs(t - quote.Exact.Length) < Math.Abs(end.End - start - quote.Exact.Length)))
            {
                start = s;
                startAgreement = agreement;
            }
        }

        // Half a surrogate pair cannot be highlighted or given a code point position.
        if (CodePoints.SplitsPair(text, start) || CodePoints.SplitsPair(text, end.End)) return null;
        return new AnchorCandidate(new TextSpan(start, end.End), best);
    }
}
