// How strongly the text at a candidate speaks for it, counted in characters that agree with the
// selector: the quote's characters less a penalty for each edit, plus twice the prefix and suffix
// characters that agree. Context is compared fuzzily (edit distance, bit-parallel), so a typo next to
// the passage costs a few characters of evidence instead of the rest of that side.
//
// One number lets exact and fuzzy candidates compete on equal terms, and a floor on it lets a weak
// winner be refused: a six-letter word found with none of its context is a coincidence, not an anchor.
// Context counts double because a phrase recurs in a text about it ("proletarian internationalism"),
// while the same phrase in the same surroundings is the same passage; a quote needs 64 characters
// to stand on its own, a word needs most of its context.
namespace Annotate.Shared.Anchoring;

internal sealed class AnchorEvidence
{
    /// <summary>
    /// A plausible place shows at least this much evidence, and at least half of what the selector can
    /// offer plus a margin - unless the selector offers so little that this would ask for more than
    /// three quarters of it.
    /// </summary>
    public const int Floor = 64;

    // An edit in the quote costs the character it spoilt and four more: finding a quote with edits at a
    // random place is far likelier than finding it verbatim. It must also cost more than an edit in the
    // context (2 x 2), or a span would grow to swallow a word inserted next to it.
    private const int QuoteEditCost = 5;

    // Two per edit in the context: random English text of 32 chars lies some 20 edits from a given
    // prefix, so by chance alone context earns nothing.
    private const int ContextEditCost = 2;

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
        if (prefix.Length > 0)
        {
            Span<char> reversed = stackalloc char[prefix.Length];
            prefix.AsSpan().CopyTo(reversed);
            reversed.Reverse();
            reversedPrefix = new BitParallelPattern(reversed);
        }
        if (suffix.Length > 0) suffixPattern = new BitParallelPattern(suffix);
    }

    /// <summary>Evidence of a verbatim match with fully agreeing context.</summary>
    public int Maximum => quoteLength + 2 * (prefix.Length + suffix.Length);

    public int Required => Math.Min(Math.Max(Floor, Maximum / 2 + AnchorVerdict.Margin), (3 * Maximum + 3) / 4);

    /// <summary>Strong agreement (three quarters), asked of a place that the hint does not point at.</summary>
    public int Strong => Maximum - Maximum / 4;

    /// <summary>Enough agreement (half) for a place to stand in the way of another: a veto, not a claim.</summary>
    public int Rival => Math.Min(Required, Maximum / 2);

    public int Of(string text, TextSpan span, int distance) =>
        quoteLength - QuoteEditCost * distance + 2 * (PrefixAgreement(text, span.Start) + SuffixAgreement(text, span.End));

    /// <summary>True when the quote alone is long enough (<see cref="Floor"/> chars) to be recognised without its context.</summary>
    public bool StandsAlone => quoteLength >= Floor;

    private int PrefixAgreement(string text, int start)
    {
        if (reversedPrefix is null) return 0;
        var n = prefix.Length;
        var width = Math.Min(start, n + n / 4 + 2);
        if (width == 0) return 0;
        Span<char> window = stackalloc char[width];
        text.AsSpan(start - width, width).CopyTo(window);
        window.Reverse();
        return Agreement(reversedPrefix, window);
    }

    private int SuffixAgreement(string text, int end)
    {
        if (suffixPattern is null) return 0;
        var n = suffix.Length;
        var width = Math.Min(text.Length - end, n + n / 4 + 2);
        return width == 0 ? 0 : Agreement(suffixPattern, text.AsSpan(end, width));
    }

    // Best edit distance between the whole context and any stretch of text that starts at the quote
    // (read outwards), turned into agreeing characters.
    private static int Agreement(BitParallelPattern context, ReadOnlySpan<char> window)
    {
        Span<int> distances = stackalloc int[window.Length];
        context.Anchored(window, distances);
        var best = context.Length;
        foreach (var d in distances) best = Math.Min(best, d);
        return Math.Max(0, context.Length - ContextEditCost * best);
    }
}
