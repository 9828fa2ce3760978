// How strongly the text at a candidate speaks for it, in characters: the quote's characters less a
// penalty for each edit, plus, per side, the context characters that agree less those that do not,
// counted twice. Context is compared fuzzily (edit distance, bit-parallel), so a typo next to the
// passage costs a little evidence instead of the rest of that side, and context that disagrees counts
// against a place rather than merely not for it: a short phrase in surroundings that contradict the
// selector's is a coincidence, not the passage. Context the text cannot show (the passage starts the
// text, say) counts neither way.
//
// One number lets exact and fuzzy candidates compete on equal terms. Context counts double because a
// phrase recurs in a text about it ("proletarian internationalism") while the same phrase in the same
// surroundings is the same passage.
namespace Annotate.Shared.Anchoring;

internal sealed class AnchorEvidence
{
    // An edit in the quote costs the character it spoilt and four more: finding a quote with edits at a
    // random place is far likelier than finding it verbatim. It must also cost more than an edit in the
    // context (2 x 2), or a span would grow to swallow a word inserted next to it.
    public const int QuoteEditCost = 5;

    private const int ContextWeight = 2;

    // Selectors from outside may carry long context; 64 UTF-16 units cover our 32 code points.
    private const int MaxContext = 64;

    private readonly int quoteLength;
    private readonly string prefix;
    private readonly string suffix;
    private readonly BitParallelPattern? reversedPrefix;
    private readonly BitParallelPattern? suffixPattern;

    public AnchorEvidence(TextQuoteSelector quote)
    {
        quoteLength = quote.Exact.Length;
        prefix = quote.Prefix.Length > MaxContext ? quote.Prefix[^MaxContext..] : quote.Prefix;
        suffix = quote.Suffix.Length > MaxContext ? quote.Suffix[..MaxContext] : quote.Suffix;
        if (prefix.Length > 0) reversedPrefix = new BitParallelPattern(Reversed(prefix));
        if (suffix.Length > 0) suffixPattern = new BitParallelPattern(suffix);
    }

    /// <summary>The most that context can add: both sides agreeing completely.</summary>
    public int ContextMaximum => ContextWeight * (prefix.Length + suffix.Length);

    /// <summary>True when the selector gives both sides long enough for "one side agrees" to mean something.</summary>
    public bool BothSides => prefix.Length >= ContextPlaces.MinSide && suffix.Length >= ContextPlaces.MinSide;

    /// <summary>The most a place can show with neither side agreeing (each side more than an eighth off).</summary>
    public int MostWithoutAgreeingSide => quoteLength + ContextWeight * (Disagreeing(prefix.Length) + Disagreeing(suffix.Length));

    private static int Disagreeing(int length) => length - 2 * (length / 8 + 1);

    public Weighed Weigh(string text, AnchorCandidate candidate)
    {
        var (span, distance) = candidate;
        var before = PrefixAgreement(text, span.Start);
        var after = SuffixAgreement(text, span.End);
        var context = ContextWeight * (before.Balance + after.Balance);
        var agreeing = quoteLength - distance + before.Agreeing + after.Agreeing;
        var offered = quoteLength + before.Observed + after.Observed;
        return new Weighed(span, distance,
            Evidence: quoteLength - QuoteEditCost * distance + context,
            Context: context,
            OneSideAgrees: before.Agrees || after.Agrees || !(before.Shown && after.Shown),
            // With context there is evidence for and against, but one side may disagree: edited, or a
            // paragraph that moved away. Without context, a quote within the bound is all there is.
            Plausible: ContextMaximum == 0 || quoteLength - QuoteEditCost * distance + Against(before, after) >= 0,
            Score: offered == 0 ? 0 : Math.Max(0, agreeing) / (double)offered);
    }

    /// <summary>Context evidence for plausibility: a side that disagrees counts only when the other does too.</summary>
    private static int Against(Side before, Side after) =>
        ContextWeight * (before.Balance < 0 && after.Balance < 0 ? before.Balance + after.Balance : Math.Max(0, Math.Max(before.Balance, after.Balance)));

    private Side PrefixAgreement(string text, int start)
    {
        var observed = Math.Min(prefix.Length, start);
        if (observed == 0) return default;
        // The text starts within the prefix: only the part it can show is compared.
        var pattern = observed == prefix.Length ? reversedPrefix! : new BitParallelPattern(Reversed(prefix.AsSpan(prefix.Length - observed)));
        var width = Math.Min(start, 2 * observed + 2);
        Span<char> window = stackalloc char[width];
        text.AsSpan(start - width, width).CopyTo(window);
        window.Reverse();
        return Compare(pattern, window);
    }

    private Side SuffixAgreement(string text, int end)
    {
        var observed = Math.Min(suffix.Length, text.Length - end);
        if (observed == 0) return default;
        var pattern = observed == suffix.Length ? suffixPattern! : new BitParallelPattern(suffix.AsSpan(0, observed));
        var width = Math.Min(text.Length - end, 2 * observed + 2);
        return Compare(pattern, text.AsSpan(end, width));
    }

    // Best edit distance between the whole context and any stretch of text that starts at the quote
    // (read outwards).
    private static Side Compare(BitParallelPattern context, ReadOnlySpan<char> window)
    {
        Span<int> distances = stackalloc int[window.Length];
        context.Anchored(window, distances);
        var best = context.Length;
        foreach (var d in distances) best = Math.Min(best, d);
        return new Side(context.Length, best);
    }

    private static char[] Reversed(ReadOnlySpan<char> s)
    {
        var chars = s.ToArray();
        Array.Reverse(chars);
        return chars;
    }

    /// <summary>One side's context: how many chars the text could show, and how many edits they are from the selector's.</summary>
    private readonly record struct Side(int Observed, int Distance)
    {
        public int Agreeing => Math.Max(0, Observed - Distance);

        /// <summary>Agreeing minus disagreeing chars: about zero for a random stretch of text, negative for one that contradicts.</summary>
        public int Balance => Observed - 2 * Distance;

        /// <summary>Enough of this side is in the text to recognise it.</summary>
        public bool Shown => Observed >= ContextPlaces.MinSide;

        /// <summary>Within an eighth of its length of the selector's: this side is recognisably the selector's.</summary>
        public bool Agrees => Shown && 8 * Distance <= Observed;
    }
}
