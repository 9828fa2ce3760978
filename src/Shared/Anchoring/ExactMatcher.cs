// Finds every place where the quote occurs verbatim. This is the first and cheapest way to anchor:
// an unedited text always has the quote, and choosing between several occurrences is left to
// QuoteCandidates so that the fuzzy matcher (a later issue) can feed the same chooser.
namespace Annotate.Shared.Anchoring;

internal static class ExactMatcher
{
    /// <summary>True when <paramref name="exact"/> sits at <paramref name="start"/> and the match is a whole-character span.</summary>
    public static bool IsAt(string text, string exact, int start) =>
        start >= 0
        && start <= text.Length - exact.Length
        && text.AsSpan(start, exact.Length).SequenceEqual(exact)
        && IsWholeCharacters(text, start, start + exact.Length);

    /// <summary>Every occurrence, overlapping ones included, in text order.</summary>
    public static List<TextSpan> FindAll(string text, string exact)
    {
        var found = new List<TextSpan>();
        if (exact.Length == 0 || exact.Length > text.Length) return found;

        var from = 0;
        while (from <= text.Length - exact.Length)
        {
            // Ordinal and vectorised: the reading page locates hundreds of quotes in a long text.
            var at = text.AsSpan(from).IndexOf(exact.AsSpan(), StringComparison.Ordinal);
            if (at < 0) break;
            var start = from + at;
            var end = start + exact.Length;
            // A quote made of half a surrogate pair must not anchor inside a character: such a span
            // has no code point position and could not be highlighted.
            if (IsWholeCharacters(text, start, end)) found.Add(new TextSpan(start, end));
            from = start + 1;
        }
        return found;
    }

    private static bool IsWholeCharacters(string text, int start, int end) =>
        !CodePoints.SplitsPair(text, start) && !CodePoints.SplitsPair(text, end);
}
