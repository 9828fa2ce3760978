// The anchoring library's front door: turns selectors into spans of a canonical text and back.
// Offsets cross the boundary in code points (W3C TextPositionSelector) and are UTF-16 inside.
//
// Locate (and Find, which also says why an orphan is one) tries the quote verbatim at the hint with its
// whole context first; otherwise AnchorSearch gathers every verbatim and fuzzy candidate and
// AnchorVerdict judges them on quote, context and the hint. Re-anchoring a whole revision goes through
// RevisionMap, which only calls Locate for passages the edit touched.
//
// Surrogate policy: a UTF-16 span whose start or end falls inside a surrogate pair is widened to
// the whole character (start moves back, end moves forward) by ToPosition and Describe alike, so a
// selection can never describe half an emoji. Locate never returns such a span.
namespace Annotate.Shared.Anchoring;

public static class TextAnchor
{
    /// <summary>Code points of context kept either side of a quote (W3C/Hypothesis convention).</summary>
    internal const int ContextLength = 32;

    /// <summary>
    /// Where the quote now sits in <paramref name="text"/>, or null (orphan). The answer's text is never
    /// more than max(1, Exact.Length / 4) edits from the quote. Never throws: bad input (lone surrogates,
    /// an absurd hint, a quote longer than the text) is an orphan too. <see cref="Find"/> says why.
    /// </summary>
    public static TextSpan? Locate(string text, TextQuoteSelector quote, TextPositionSelector? hint = null) =>
        Find(text, quote, hint).Span;

    /// <summary>
    /// Locate, with what was decided: the place and how much of the selector agrees with it, or the
    /// reason for an orphan ("not found", "ambiguous").
    /// </summary>
    public static AnchorResult Find(string text, TextQuoteSelector quote, TextPositionSelector? hint = null) =>
        string.IsNullOrEmpty(text) ? NotFound : Find(text, quote, HintSpan(text, hint));

    /// <summary>
    /// Find with the expected start given as a range of UTF-16 indexes: RevisionMap knows that an
    /// edited passage now starts somewhere in the changed stretch between unchanged text.
    /// </summary>
    internal static AnchorResult Find(string text, TextQuoteSelector quote, TextSpan? startRange)
    {
        // Selectors arrive from JSON, so "non-nullable" members can still be null at run time.
        if (string.IsNullOrEmpty(text) || quote is null || string.IsNullOrEmpty(quote.Exact)) return NotFound;
        var selector = quote with { Prefix = quote.Prefix ?? "", Suffix = quote.Suffix ?? "" };

        // Fast path for the usual case, an unedited text: the quote is where the hint says and its
        // context agrees completely, so no other place could be a better answer.
        if (startRange?.Start is { } at && ExactMatcher.IsAt(text, selector.Exact, at))
        {
            var span = new TextSpan(at, at + selector.Exact.Length);
            if (ContextScore.Agreement(text, span, selector.Prefix, selector.Suffix) == ContextScore.Maximum(selector))
                return new AnchorResult(span, AnchorOutcome.Anchored, 1);
        }

        // Otherwise every verbatim and fuzzy candidate, judged on its evidence (AnchorSearch, AnchorVerdict).
        return AnchorSearch.Find(text, selector, startRange);
    }

    /// <summary>Selectors that describe <paramref name="span"/> of <paramref name="text"/> (quote with 32-code-point context, and position).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span is negative, reversed or past the end of the text.</exception>
    public static (TextQuoteSelector Quote, TextPositionSelector Position) Describe(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (start, end) = Widen(text, span);
        var prefixStart = CodePoints.Back(text, start, ContextLength);
        var suffixEnd = CodePoints.Forward(text, end, ContextLength);

        var quote = new TextQuoteSelector(text[start..end], text[prefixStart..start], text[end..suffixEnd]);
        return (quote, new TextPositionSelector(CodePoints.CountBefore(text, start), CodePoints.CountBefore(text, end)));
    }

    /// <summary>Code points -> UTF-16.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is negative, reversed or past the end of the text.</exception>
    public static TextSpan ToSpan(string text, TextPositionSelector position)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(position);
        if (position.Start < 0 || position.End < position.Start)
            throw new ArgumentOutOfRangeException(nameof(position), position,
                $"A text position needs 0 <= start <= end; got start {position.Start}, end {position.End}.");
        if (!CodePoints.TryToUtf16(text, position.Start, out var start) || !CodePoints.TryToUtf16(text, position.End, out var end))
            throw new ArgumentOutOfRangeException(nameof(position), position,
                $"The text position {position.Start}-{position.End} lies past the end of the text, which has {CodePoints.CountBefore(text, text.Length)} code points.");
        return new TextSpan(start, end);
    }

    /// <summary>UTF-16 -> code points. A span splitting a surrogate pair is widened to the whole character.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span is negative, reversed or past the end of the text.</exception>
    public static TextPositionSelector ToPosition(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (start, end) = Widen(text, span);
        return new TextPositionSelector(CodePoints.CountBefore(text, start), CodePoints.CountBefore(text, end));
    }

    private static AnchorResult NotFound => new(null, AnchorOutcome.NotFound, 0);

    private static (int Start, int End) Widen(string text, TextSpan span)
    {
        if (span.Start < 0 || span.End < span.Start || span.End > text.Length)
            throw new ArgumentOutOfRangeException(nameof(span), span,
                $"A text span needs 0 <= start <= end <= {text.Length} (the text's UTF-16 length); got start {span.Start}, end {span.End}.");
        return (CodePoints.SnapBack(text, span.Start), CodePoints.SnapForward(text, span.End));
    }

    /// <summary>The hint's start as an empty span of UTF-16 indexes, or null when there is none or it does not fit the text.</summary>
    internal static TextSpan? HintSpan(string text, TextPositionSelector? hint) =>
        HintIndex(text, hint) is { } at ? new TextSpan(at, at) : null;

    /// <summary>The hint's start as a UTF-16 index, or null when there is none or it does not fit the text.</summary>
    private static int? HintIndex(string text, TextPositionSelector? hint)
    {
        // Only the start matters for distance; an end past a since-shortened text is no reason to
        // throw the start away.
        if (hint is null || hint.Start < 0 || hint.End < hint.Start) return null;
        if (CodePoints.TryToUtf16(text, hint.Start, out var index)) return index;
        // A start past the end of a text that has since shrunk still says "near the end"; one past
        // twice the text's length is no position in it at all.
        return hint.Start / 2 < text.Length ? text.Length : null;
    }
}
