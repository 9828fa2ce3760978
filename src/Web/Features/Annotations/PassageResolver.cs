using Annotate.Web.Resources;
using Annotate.Shared.Anchoring;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Turns the selectors a client sent into the passage they mean in the current text, and describes it
/// afresh, so what is stored always has the real context around the quote.
/// </summary>
internal static class PassageResolver
{
    public sealed record Passage(TextQuoteSelector Quote, TextPositionSelector Position);

    public static (Passage? Passage, string? Error) Resolve(string text, TextQuoteSelector? quote, TextPositionSelector? position)
    {
        if (quote is null && position is null)
            return (null, Words.Text("Problem.JsonNoSelector"));

        var span = quote is null ? SpanAt(text, position!) : FindQuote(text, quote, position);
        if (span is null && quote is not null && Occurrences(text, quote.Exact) is > 1 and var count)
            return (null, Words.Text("Problem.PassageAmbiguous", count));
        if (span is null)
        {
            return (null, quote is null
                ? Words.Text("Problem.PassageOutside", position!.Start, position.End, TextAnchor.ToPosition(text, new TextSpan(0, text.Length)).End)
                : Words.Text("Problem.PassageNotFound", Shorten(quote.Exact)));
        }
        var (describedQuote, describedPosition) = TextAnchor.Describe(text, span.Value);
        return (new Passage(describedQuote, describedPosition), null);
    }

    private static TextSpan? FindQuote(string text, TextQuoteSelector quote, TextPositionSelector? position)
    {
        // The position is only a hint: the quote decides.
        if (position is not null && SpanAt(text, position) is { } atHint
            && text.AsSpan(atHint.Start, atHint.Length).SequenceEqual(quote.Exact))
            return atHint;
        return TextAnchor.Locate(text, quote, position);
    }

    /// <summary>The span a position selector names, or null when it lies outside the text.</summary>
    internal static TextSpan? SpanAt(string text, TextPositionSelector position)
    {
        if (position.Start < 0 || position.End <= position.Start) return null;
        try
        {
            return TextAnchor.ToSpan(text, position);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    internal static int Occurrences(string text, string quote)
    {
        var count = 0;
        for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    internal static string Shorten(string quote) => quote.Length <= 80 ? quote : quote[..77] + "…";
}
