// The order in which Locate looks for a quote once the quick check at the hint has failed:
//  1. the quote verbatim at (or within a few chars of) the hint, agreeing strongly with its context,
//     when no other verbatim occurrence competes;
//  2. otherwise fuzzy matching, and every candidate, verbatim or not, goes to AnchorVerdict, so a
//     verbatim copy of the passage elsewhere does not beat the edited passage itself.
//
// With a hint, an edited passage is looked for only within FuzzyReach of it: a passage both edited
// and carried further cannot be told from a near-copy (AnchorVerdict says what counts further away).
// Without a hint the whole text is searched.
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

    /// <param name="hint">Where the passage is expected to start: one index, or a range of them.</param>
    public static TextSpan? Find(string text, TextQuoteSelector quote, TextSpan? hint)
    {
        var evidence = new AnchorEvidence(quote);
        var exact = ExactMatcher.FindAll(text, quote.Exact);

        var chosen = exact.Count > 0 ? QuoteCandidates.Choose(text, exact, quote, hint?.Start) : null;

        // A common word occurs thousands of times; only the occurrences whose context roughly agrees
        // are worth the fuzzy evidence (and the one QuoteCandidates chose always is).
        var candidates = exact.Count <= FuzzyMatcher.MaxCandidates ? exact.Select(s => new AnchorCandidate(s, 0)).ToList()
            : exact.OrderByDescending(s => ContextScore.Rough(text, s, quote.Prefix, quote.Suffix))
                .ThenBy(s => AnchorVerdict.FromHint(s, hint))
                .Take(FuzzyMatcher.MaxCandidates)
                .Append(chosen ?? exact[0])
                .Select(s => new AnchorCandidate(s, 0))
                .ToList();

        // A verbatim occurrence at the hint that agrees strongly with its context settles it without a
        // fuzzy search, unless another occurrence competes (the verdict sees them all).
        if (chosen is { } c && AnchorVerdict.FromHint(c, hint) <= AnchorVerdict.AtHint && evidence.Of(text, c, 0) >= evidence.Strong
            && AnchorVerdict.Choose(text, candidates, quote, evidence, hint) is { } settled)
        {
            return settled;
        }

        if (FuzzyMatcher.Accepts(quote.Exact))
        {
            var len = quote.Exact.Length;
            var blocks = (len + 63) / 64;
            if (hint is { } h)
            {
                var reach = Math.Min(FuzzyReach + len, MaxFuzzyWork / blocks / 2);
                var from = (int)Math.Max(0, h.Start - reach);
                var to = (int)Math.Min(text.Length, h.End + len + reach);
                candidates.AddRange(FuzzyMatcher.Find(text, quote, from, to, h.Start));
            }
            else if ((long)text.Length * blocks <= MaxFuzzyWork)
            {
                candidates.AddRange(FuzzyMatcher.Find(text, quote, 0, text.Length, null));
            }
        }

        return AnchorVerdict.Choose(text, candidates, quote, evidence, hint);
    }
}
