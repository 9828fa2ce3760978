// Finds every place where the quote occurs verbatim (in the whole text, or starting in a range of it).
// This is the first and cheapest way to anchor: an unedited text always has the quote. Choosing between
// several occurrences is left to AnchorVerdict, which weighs them against the fuzzy matcher's candidates.
namespace Annotate.Shared.Anchoring;

internal static class ExactMatcher
{
    // Up to this length the vectorised IndexOf is fastest, and its worst case (every position a near
    // miss, n * 2,048 compares done 16 or 32 at a time) stays in the milliseconds. Longer quotes go
    // through Knuth-Morris-Pratt, which stays linear where repeated IndexOf calls would compare a
    // 20,000-char quote again at every one of thousands of near misses.
    private const int ShortQuote = 2048;

    /// <summary>True when <paramref name="exact"/> sits at <paramref name="start"/> and the match is a whole-character span.</summary>
    public static bool IsAt(string text, string exact, int start) =>
        start >= 0
        && start <= text.Length - exact.Length
        && text.AsSpan(start, exact.Length).SequenceEqual(exact)
        && IsWholeCharacters(text, start, start + exact.Length);

    /// <summary>Every occurrence, overlapping ones included, in text order.</summary>
    public static List<TextSpan> FindAll(string text, string exact) => FindAll(text, exact, 0, text.Length);

    /// <summary>The occurrences that start in <c>[from, to]</c>, in text order.</summary>
    public static List<TextSpan> FindAll(string text, string exact, int from, int to)
    {
        var found = new List<TextSpan>();
        if (exact.Length == 0 || exact.Length > text.Length) return found;

        var starts = exact.Length <= ShortQuote ? Scan(text, exact, Math.Max(0, from), to) : KnuthMorrisPratt(text, exact).Where(s => s >= from && s <= to);
        foreach (var start in starts)
        {
            var end = start + exact.Length;
            // A quote made of half a surrogate pair must not anchor inside a character: such a span
            // has no code point position and could not be highlighted.
            if (IsWholeCharacters(text, start, end)) found.Add(new TextSpan(start, end));
        }
        return found;
    }

    private static IEnumerable<int> Scan(string text, string exact, int from, int last)
    {
        last = Math.Min(last, text.Length - exact.Length);
        while (from <= last)
        {
            var at = text.AsSpan(from, last - from + exact.Length).IndexOf(exact.AsSpan(), StringComparison.Ordinal);
            if (at < 0) yield break;
            yield return from + at;
            from += at + 1;
        }
    }

    private static IEnumerable<int> KnuthMorrisPratt(string text, string exact)
    {
        // failure[i]: length of the longest proper border of exact[..(i + 1)].
        var failure = new int[exact.Length];
        for (int i = 1, k = 0; i < exact.Length; i++)
        {
            while (k > 0 && exact[i] != exact[k]) k = failure[k - 1];
            if (exact[i] == exact[k]) k++;
            failure[i] = k;
        }

        for (int i = 0, matched = 0; i < text.Length; i++)
        {
            while (matched > 0 && text[i] != exact[matched]) matched = failure[matched - 1];
            if (text[i] == exact[matched]) matched++;
            if (matched == exact.Length)
            {
                yield return i - exact.Length + 1;
                matched = failure[matched - 1];
            }
        }
    }

    private static bool IsWholeCharacters(string text, int start, int end) =>
        !CodePoints.SplitsPair(text, start) && !CodePoints.SplitsPair(text, end);
}
