// Gathers the places a quote may now occupy, once the quick check at the hint has failed, and hands
// them to AnchorVerdict: every verbatim occurrence (the few whose context roughly agrees, when a common
// word has thousands) and every place within the contract's edit bound (FuzzyMatcher), wherever they
// are - a passage may have moved any distance, and only the evidence says which place is the passage.
//
// Work is capped so that hostile input stays cheap: quotes outside FuzzyMatcher's length limits match
// only verbatim, and a text too long for a full fuzzy search is searched only around the hint.
namespace Annotate.Shared.Anchoring;

internal static class AnchorSearch
{
    /// <summary>How far (UTF-16) either side of the hint a capped fuzzy search still looks.</summary>
    public const int HintReach = 1024;

    /// <summary>
    /// Text chars times 64-bit blocks one fuzzy search may visit: a 2,048-char quote over 250 KB, or a
    /// short quote over 16 MB. Some 20 to 60 ms on a slow core.
    /// </summary>
    public const long MaxFuzzyWork = 16_000_000;

    /// <param name="hint">Where the passage is expected to start: one index, or a range of them.</param>
    public static AnchorResult Find(string text, TextQuoteSelector quote, TextSpan? hint)
    {
        var evidence = new AnchorEvidence(quote);
        var candidates = Verbatim(text, quote, hint);

        if (FuzzyMatcher.Accepts(quote.Exact))
        {
            var len = quote.Exact.Length;
            var blocks = (len + 63) / 64;
            if ((long)text.Length * blocks <= MaxFuzzyWork)
            {
                candidates.AddRange(FuzzyMatcher.Find(text, quote, 0, text.Length, hint?.Start));
            }
            else if (hint is { } h)
            {
                var reach = Math.Min(HintReach + len, MaxFuzzyWork / blocks / 2);
                var from = (int)Math.Max(0, h.Start - reach);
                var to = (int)Math.Min(text.Length, h.End + len + reach);
                candidates.AddRange(FuzzyMatcher.Find(text, quote, from, to, h.Start));
            }
        }

        return AnchorVerdict.Choose(text, candidates, quote, evidence, hint);
    }

    private static List<AnchorCandidate> Verbatim(string text, TextQuoteSelector quote, TextSpan? hint) =>
        [.. ExactMatcher.FindAll(text, quote.Exact).Select(s => new AnchorCandidate(s, 0))];
}
