// Picks the one place a quote now occupies from the candidates found exactly or fuzzily, or says why
// there is none. Decided by evidence (AnchorEvidence), not by distance:
//  * a fuzzy reading that mostly overlaps another is another reading of the same place, not a rival
//    (two verbatim occurrences are always two places, however much they overlap: "ana" in "bananas"),
//    and the place is read with the fewest edits;
//  * each place's evidence is topped up by the hint, a prior whose weight fades with how far the place
//    is from it: full at the hint (or inside the range of starts RevisionMap expects), half at
//    HintScale chars, next to nothing thousands of chars away. A stale hint thus never decides between
//    far places, while a fresh one tells apart repeats that content cannot;
//  * the best place wins when it is clearly best: ahead of the next by Margin (less when the selector
//    offers little context to be ahead by). Between near-copies - the next place also plausible, and
//    less than two margins behind on content - the lead must be two words (WordDifference), since a
//    lead of one word is what one edit to the passage would give its copy; or the hint must point
//    clearly at the best. Otherwise "ambiguous": an orphan, not a guess;
//  * the winner must be plausible (more evidence for it than against it; a short quote, with one side
//    of its surroundings the selector's) and its text within the contract's edit bound of the quote,
//    checked once more by the plain Levenshtein table; otherwise "not found". So is a winner whose selector's surroundings stand clearly better elsewhere with the
//    quote gone from between them (ContextPlaces) - unless the quote is long enough to be recognised
//    by itself (a paragraph moved away from its neighbours).
namespace Annotate.Shared.Anchoring;

internal static class AnchorVerdict
{
    /// <summary>Two places closer than this in evidence cannot be told apart by content (four chars of context).</summary>
    public const int Margin = 16;

    /// <summary>What the hint adds to a place right at it: two margins, so that it settles a tie by itself.</summary>
    private const double HintWeight = 2 * Margin;

    /// <summary>Distance (UTF-16) from the hint at which its weight has halved.</summary>
    private const double HintScale = 64;

    /// <summary>Near-copies must differ from the selector by this many words fewer than the runner-up.</summary>
    private const int WordLead = 2;

    /// <summary>Quote evidence (chars less edits) with which a quote is recognised without its surroundings.</summary>
    private const int StandsAlone = 2 * Margin;

    public static AnchorResult Choose(string text, IEnumerable<AnchorCandidate> candidates, TextQuoteSelector quote, AnchorEvidence evidence, TextSpan? hint)
    {
        var ranked = candidates
            .DistinctBy(c => c.Span)
            .Select(c => evidence.Weigh(text, c))
            .OrderByDescending(c => c.Evidence)
            .ThenBy(c => c.Distance)
            .ThenBy(c => FromHint(c.Span, hint))
            .ThenBy(c => c.Span.Start)
            .ToList();

        // Of the readings of one place the one closest to the quote is the passage's extent: a reading
        // that swallows a neighbouring word may fit the context better, but it is not what was selected.
        var places = new List<Weighed>();
        foreach (var c in ranked)
        {
            var same = places.FindIndex(p => SamePlace(p, c));
            if (same < 0) places.Add(c);
            else if (c.Distance < places[same].Distance) places[same] = c;
        }
        if (places.Count == 0) return NotFound;

        places.Sort((a, b) => Total(b, hint).CompareTo(Total(a, hint)));
        var best = places[0];
        var margin = Math.Min(Margin, Math.Max(1, evidence.ContextMaximum / 4));
        if (places.Count > 1 && !ClearlyAhead(text, quote, evidence, best, places[1], hint, margin))
            return new AnchorResult(null, AnchorOutcome.Ambiguous, best.Score);
        if (!best.Plausible || !Faithful(text, best, quote)) return NotFound;

        // A short quote recurs ("the working class"): what makes a place the passage is that the text on
        // one side of it at least is the selector's context, where the selector gives both. Phrases that
        // recur together on both sides ("... all over the world") agree a little with everything.
        var quoteEvidence = quote.Exact.Length - AnchorEvidence.QuoteEditCost * best.Distance;
        if (quoteEvidence < StandsAlone && evidence.ContextMaximum >= 4 * Margin && !best.OneSideAgrees) return NotFound;

        // The selector's surroundings standing clearly better elsewhere, without the quote between them,
        // mark where the passage was: deleted there, or edited past the bound. A short quote found
        // elsewhere is then a copy; a long one is the passage, moved away from its neighbours.
        var taken = places.Where(p => p.Plausible).Select(p => p.Span).ToList();
        if (quoteEvidence < StandsAlone
            && ContextPlaces.Best(text, quote, taken, r => r.Context + Prior(r.Between, hint)) is { } emptied
            && emptied.Context + Prior(emptied.Between, hint) >= best.Context + Prior(best.Span, hint) + margin)
        {
            return NotFound;
        }
        return new AnchorResult(best.Span, AnchorOutcome.Anchored, best.Score);
    }

    /// <summary>Distance from a candidate's start to the hint's range (0 inside it), or "infinitely far" without a hint.</summary>
    public static long FromHint(TextSpan span, TextSpan? hint) =>
        hint is not { } h ? long.MaxValue
        : span.Start < h.Start ? (long)h.Start - span.Start
        : span.Start > h.End ? (long)span.Start - h.End
        : 0;

    private static AnchorResult NotFound => new(null, AnchorOutcome.NotFound, 0);

    private static bool ClearlyAhead(string text, TextQuoteSelector quote, AnchorEvidence evidence, Weighed best, Weighed next, TextSpan? hint, int margin)
    {
        var contentLead = best.Evidence - next.Evidence;
        var hintLead = Prior(best.Span, hint) - Prior(next.Span, hint);
        var lead = contentLead + hintLead;
        var nearCopies = next.Plausible && evidence.ContextMaximum >= 4 * Margin && contentLead < 2 * Margin;
        if (!nearCopies) return lead >= margin;

        // Between near-copies the characters only have to agree on which is ahead; the words decide, or the hint where it points clearly at one and the words do not say otherwise.
        var wordLead = WordDifference.Of(text, next.Span, quote) - WordDifference.Of(text, best.Span, quote);
        return lead >= 1 && (wordLead >= WordLead || (hintLead >= Margin && wordLead >= 0));
    }

    private static double Prior(TextSpan span, TextSpan? hint) =>
        hint is null ? 0 : HintWeight * HintScale / (HintScale + FromHint(span, hint));

    private static double Total(Weighed c, TextSpan? hint) => c.Evidence + Prior(c.Span, hint);

    private static bool SamePlace(Weighed a, Weighed b)
    {
        if (a.Distance == 0 && b.Distance == 0) return false;
        var overlap = Math.Min(a.Span.End, b.Span.End) - Math.Max(a.Span.Start, b.Span.Start);
        return overlap > 0 && 2 * overlap > Math.Min(a.Span.Length, b.Span.Length);
    }

    private static bool Faithful(string text, Weighed c, TextQuoteSelector quote)
    {
        var found = text.AsSpan(c.Span.Start, c.Span.Length);
        var k = FuzzyMatcher.MaxEdits(quote.Exact.Length);
        return c.Distance == 0 ? found.SequenceEqual(quote.Exact) : Levenshtein.Bounded(quote.Exact, found, k) <= k;
    }
}
