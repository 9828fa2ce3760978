// Picks the one place a quote now occupies from candidates found exactly or fuzzily, or answers
// null. Orphan rather than guess:
//  * a candidate must reach AnchorEvidence.Required to win, and AnchorEvidence.Rival to stand in the
//    way of another (a veto, not a claim);
//  * rivals within Margin of the best make the choice a guess unless the hint settles it: the
//    nearest must sit at the hint (within AtHint chars of it, or inside the range of starts that
//    RevisionMap expects) and be at most half as far from it as any other;
//  * a winner that is not at the hint rests on content alone, because after edits elsewhere the hint
//    may be off by hundreds of chars: it must be the only place that reaches Rival, agree strongly
//    (AnchorEvidence.Strong) within AnchorSearch.FuzzyReach of the hint, and further away be verbatim
//    and long enough to stand alone (a moved paragraph). A short phrase far away is refused even with
//    its whole context in agreement: this article repeats whole sentences of its introduction under
//    "Results", so when one copy is deleted the other matches perfectly - only the diff (RevisionMap)
//    can tell that text was there before;
//  * the winner's text must be within the contract's edit bound of the quote, checked once more by
//    the plain Levenshtein table.
namespace Annotate.Shared.Anchoring;

internal static class AnchorVerdict
{
    /// <summary>Rivals within this much evidence of the best are too close to call on content.</summary>
    public const int Margin = 16;

    /// <summary>A candidate this close to the hint (UTF-16) is where the hint points.</summary>
    public const int AtHint = 16;

    private readonly record struct Scored(TextSpan Span, int Distance, int Evidence, long FromHint);

    /// <param name="hint">Where the passage is expected to start: one index, or a range of them (RevisionMap knows the changed stretch).</param>
    public static TextSpan? Choose(string text, IEnumerable<AnchorCandidate> candidates, TextQuoteSelector quote, AnchorEvidence evidence, TextSpan? hint)
    {
        var standing = candidates
            .DistinctBy(c => c.Span)
            .Select(c => new Scored(c.Span, c.Distance, evidence.Of(text, c.Span, c.Distance), FromHint(c.Span, hint)))
            .Where(c => c.Evidence >= evidence.Rival)
            .OrderByDescending(c => c.Evidence)
            .ThenBy(c => c.Distance)
            .ThenBy(c => c.FromHint)
            .ThenBy(c => c.Span.Start)
            .ToList();
        if (standing.Count == 0 || standing[0].Evidence < evidence.Required) return null;

        // Candidates overlapping a better one are other readings of the same place, not rivals.
        var places = new List<Scored>();
        foreach (var c in standing)
        {
            if (places.All(p => !Overlaps(p.Span, c.Span))) places.Add(c);
        }

        var best = places[0];
        var rivals = places.Skip(1).Where(c => c.Evidence >= best.Evidence - Margin).ToList();
        Scored winner;
        if (rivals.Count > 0)
        {
            var byHint = rivals.Append(best).OrderBy(c => c.FromHint).ToList();
            if (hint is null || byHint[0].FromHint > AtHint || 2 * byHint[0].FromHint >= byHint[1].FromHint) return null;
            winner = byHint[0];
            if (winner.Evidence < evidence.Required) return null;
        }
        else
        {
            winner = best;
            if (winner.FromHint > AtHint && (places.Count > 1 || (hint is not null && !StandsAway(winner, evidence)))) return null;
        }

        var found = text.AsSpan(winner.Span.Start, winner.Span.Length);
        var k = FuzzyMatcher.MaxEdits(quote.Exact.Length);
        var faithful = winner.Distance == 0 ? found.SequenceEqual(quote.Exact) : Levenshtein.Bounded(quote.Exact, found, k) <= k;
        return faithful ? winner.Span : null;
    }

    /// <summary>Distance from a candidate's start to the hint's range (0 inside it), or "infinitely far" without a hint.</summary>
    public static long FromHint(TextSpan span, TextSpan? hint) =>
        hint is not { } h ? long.MaxValue
        : span.Start < h.Start ? (long)h.Start - span.Start
        : span.Start > h.End ? (long)span.Start - h.End
        : 0;

    private static bool StandsAway(Scored c, AnchorEvidence evidence) =>
        c.FromHint <= AnchorSearch.FuzzyReach
            ? c.Evidence >= evidence.Strong
            : c.Distance == 0 && evidence.StandsAlone;

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;
}
