// How well the text around a candidate agrees with the selector's prefix and suffix. Two
// occurrences of the same quote differ only in their surroundings, so this is what tells repeats
// apart before the position hint is consulted.
namespace Annotate.Shared.Anchoring;

internal static class ContextScore
{
    /// <summary>
    /// Number of characters of <paramref name="prefix"/> (read backwards from the quote) and of
    /// <paramref name="suffix"/> (read forwards) that the text repeats around <paramref name="span"/>.
    /// Counting from the quote outwards means the nearest context weighs most, and an integer makes
    /// ties exact, which matters because a tie means "orphan, don't guess".
    /// </summary>
    public static int Agreement(string text, TextSpan span, string prefix, string suffix)
    {
        var before = 0;
        while (before < prefix.Length && span.Start - before > 0
            && text[span.Start - before - 1] == prefix[prefix.Length - before - 1])
        {
            before++;
        }

        var after = 0;
        while (after < suffix.Length && span.End + after < text.Length
            && text[span.End + after] == suffix[after])
        {
            after++;
        }

        return before + after;
    }

    /// <summary>
    /// A cheap stand-in for the fuzzy context evidence, to decide which of many verbatim occurrences
    /// deserve it: per side, the larger of the agreeing run and the count of agreeing chars in place
    /// among the nearest few (which survives a typo right next to the quote). Thousands of occurrences
    /// of a common word get this, so it stops early: a mismatch ends the run, and chars in place are
    /// only counted near the quote.
    /// </summary>
    public static int Rough(string text, TextSpan span, string prefix, string suffix)
    {
        const int Near = 12;
        int run = 0, inPlace = 0;
        for (var i = 0; i < prefix.Length && span.Start - i > 0 && (i < Near || run == i); i++)
        {
            if (text[span.Start - i - 1] != prefix[prefix.Length - i - 1]) continue;
            inPlace++;
            if (run == i) run++;
        }
        var before = Math.Max(run, inPlace);
        run = 0;
        inPlace = 0;
        for (var i = 0; i < suffix.Length && span.End + i < text.Length && (i < Near || run == i); i++)
        {
            if (text[span.End + i] != suffix[i]) continue;
            inPlace++;
            if (run == i) run++;
        }
        return before + Math.Max(run, inPlace);
    }

    /// <summary>The most any candidate can score: full agreement on both sides.</summary>
    public static int Maximum(TextQuoteSelector quote) => quote.Prefix.Length + quote.Suffix.Length;
}
