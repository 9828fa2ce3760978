// Picks the one place a quote now occupies from candidates found exactly or fuzzily, or answers
// null. The rules say orphan rather than guess:
//  * with a hint, a candidate beyond AnchorSearch.FuzzyReach of it counts only when it is verbatim
//    and either long or in full agreement with its context (moved with its paragraph);
//  * the winner must carry enough evidence (AnchorEvidence.Floor);
//  * a rival elsewhere that comes within a small margin of it makes the choice a guess, unless the
//    position hint clearly prefers one of them (at most half as far from it as every other);
//  * the winner's text must be within the contract's edit bound of the quote, checked once more by
//    the plain Levenshtein table.
namespace Annotate.Shared.Anchoring;

internal static class AnchorVerdict
{
    /// <summary>Rivals within this many characters of evidence of the best are too close to call on content.</summary>
    public const int Margin = 16;

    public static TextSpan? Choose(string text, IEnumerable<AnchorCandidate> candidates, TextQuoteSelector quote, AnchorEvidence evidence, int? hint)
    {
        var scored = candidates
            .Where(c => hint is null || HintDistance(c.Span, hint) <= AnchorSearch.FuzzyReach
                || evidence.StandsAlone(text, c.Span, c.Distance))
            .DistinctBy(c => c.Span)
            .Select(c => (c.Span, c.Distance, Evidence: evidence.Of(text, c.Span, c.Distance)))
            .OrderByDescending(c => c.Evidence)
            .ThenBy(c => c.Distance)
            .ThenBy(c => HintDistance(c.Span, hint))
            .ThenBy(c => c.Span.Start)
            .ToList();
        if (scored.Count == 0 || scored[0].Evidence < evidence.Required) return null;

        // Candidates overlapping a better one are other readings of the same place, not rivals.
        var places = new List<(TextSpan Span, int Distance, int Evidence)>();
        foreach (var c in scored)
        {
            if (c.Evidence < scored[0].Evidence - Margin) break;
            if (places.All(p => !Overlaps(p.Span, c.Span))) places.Add(c);
        }

        var winner = places[0];
        if (places.Count > 1)
        {
            if (hint is null) return null;
            var byHint = places.OrderBy(p => HintDistance(p.Span, hint)).ToList();
            if (2 * HintDistance(byHint[0].Span, hint) >= HintDistance(byHint[1].Span, hint)) return null;
            winner = byHint[0];
            if (winner.Evidence < evidence.Required) return null;
        }

        var found = text.AsSpan(winner.Span.Start, winner.Span.Length);
        var k = FuzzyMatcher.MaxEdits(quote.Exact.Length);
        var faithful = winner.Distance == 0 ? found.SequenceEqual(quote.Exact) : Levenshtein.Bounded(quote.Exact, found, k) <= k;
        return faithful ? winner.Span : null;
    }

    private static long HintDistance(TextSpan span, int? hint) => hint is { } h ? Math.Abs((long)span.Start - h) : 0;

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;
}
