// The order in which Locate looks for a quote once the quick check at the hint has failed:
//  1. the quote verbatim elsewhere, chosen by context and then by closeness to the hint, accepted
//     at once when it carries enough evidence and sits near the hint, or (without a hint) when its
//     context agrees completely;
//  2. otherwise fuzzy matching, and every candidate, verbatim or not, goes to AnchorVerdict. So a
//     verbatim copy of the passage elsewhere does not beat the edited passage itself.
//
// With a hint, an edited passage is looked for only within FuzzyReach of it. A passage that was both
// edited and carried far away cannot be told from a near-copy elsewhere - this very article repeats
// its introduction, with small changes, under "Results" - so it is an orphan; far away, only a
// verbatim match that is long or agrees fully with its context counts (AnchorVerdict). Without a
// hint the whole text is searched.
//
// Work is capped so that hostile input stays cheap: quotes outside FuzzyMatcher's length limits match
// only verbatim, and a text too long for a full fuzzy search is searched only around the hint.
namespace Annotate.Shared.Anchoring;

internal static class AnchorSearch
{
    /// <summary>How far (UTF-16) from the hint an edited passage may have moved and still be found.</summary>
    public const int FuzzyReach = 1024;

    /// <summary>
    /// Text chars times 64-bit blocks one fuzzy search may visit: a 2,048-char quote over 250 KB, or a
    /// short quote over 16 MB. Some 20 to 60 ms on a slow core.
    /// </summary>
    public const long MaxFuzzyWork = 16_000_000;

    public static TextSpan? Find(string text, TextQuoteSelector quote, int? hint)
    {
        var evidence = new AnchorEvidence(quote);
        var exact = ExactMatcher.FindAll(text, quote.Exact);

        var chosen = exact.Count > 0 ? QuoteCandidates.Choose(text, exact, quote, hint) : null;
        var chosenEvidence = chosen is { } c ? evidence.Of(text, c, 0) : int.MinValue;
        if (chosenEvidence >= evidence.Required && hint is { } near && IsNear(chosen!.Value, near, quote.Exact.Length)) return chosen;
        if (chosenEvidence == evidence.Maximum && hint is null) return chosen;

        var candidates = exact.Select(s => new AnchorCandidate(s, 0)).ToList();
        if (FuzzyMatcher.Accepts(quote.Exact))
        {
            var len = quote.Exact.Length;
            var blocks = (len + 63) / 64;
            if (hint is { } h)
            {
                var reach = Math.Min(FuzzyReach + len, MaxFuzzyWork / blocks / 2);
                var from = (int)Math.Max(0, h - reach);
                var to = (int)Math.Min(text.Length, h + len + reach);
                candidates.AddRange(FuzzyMatcher.Find(text, quote, from, to, hint));
            }
            else if ((long)text.Length * blocks <= MaxFuzzyWork)
            {
                candidates.AddRange(FuzzyMatcher.Find(text, quote, 0, text.Length, hint));
            }
        }

        return AnchorVerdict.Choose(text, candidates, quote, evidence, hint);
    }

    // A verbatim match this close to where the passage was is the passage, moved by nearby edits.
    private static bool IsNear(TextSpan span, int hint, int length) => Math.Abs((long)span.Start - hint) <= Math.Max(64, length);
}
