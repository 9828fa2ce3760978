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
//    lead of one word is what one edit to the passage would give its copy. Otherwise "ambiguous" (when
//    one of them could have been anchored): an orphan, not a guess. Where the hint points clearly at
//    one of two places, the other must lead it by two words, however many chars ahead it is (one long
//    word inserted beside the passage, its verbatim twin far away);
//  * the winner must be acceptable - plausible (more evidence for it than against it), its text within
//    the contract's edit bound of the quote (checked once more by the plain Levenshtein table), and for
//    a short quote one side of its surroundings the selector's - or it is "not found". So is a winner
//    whose selector's surroundings stand clearly better elsewhere with the quote gone from between
//    them (ContextPlaces), unless the quote is long enough to be recognised by itself and worded as
//    the selector's, a typo or one word aside (QuoteWording): a paragraph moved away from its
//    neighbours keeps its words, a reworded copy of a deleted one does not;
//  * AnchorSearch may have examined only part of the text: Unseen says what the rest could show, and
//    when that could change the answer Choose declines (null) and the whole text is examined.
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

    /// <param name="emptied">Finds the best place where the selector's surroundings stand with the quote gone (ContextPlaces), among those examined.</param>
    /// <param name="unseen">What places that were not examined could show; null is returned when they could change the answer.</param>
    public static AnchorResult? Choose(string text, IEnumerable<Weighed> candidates, TextQuoteSelector quote, AnchorEvidence evidence, TextSpan? hint,
        Func<IReadOnlyList<TextSpan>, Func<ContextPlace, double>, ContextPlace?> emptied, Unseen unseen)
    {
        var ranked = candidates
            .DistinctBy(c => c.Span)
            .OrderByDescending(c => c.Evidence)
            .ThenBy(c => c.Distance)
            .ThenBy(c => FromHint(c.Span, hint))
            .ThenBy(c => c.Span.Start)
            .ToList();

        // Of the readings of one place the one closest to the quote is the passage's extent: a reading
        // that swallows a neighbouring word may fit the context better, but it is not what was selected.
        var places = new List<Weighed>();
        var fuzzy = new List<int>();
        foreach (var c in ranked)
        {
            var same = PlaceOf(places, fuzzy, c);
            if (same < 0)
            {
                places.Add(c);
                if (c.Distance > 0) fuzzy.Add(places.Count - 1);
            }
            else if (c.Distance < places[same].Distance)
            {
                places[same] = c;
                if (c.Distance == 0) fuzzy.Remove(same);
            }
        }
        if (places.Count == 0) return unseen.Acceptable ? null : NotFound;

        places.Sort((a, b) => Total(b, hint).CompareTo(Total(a, hint)));
        if (places.Count > 1 && HintPoints(text, quote, evidence, places[1], places[0], hint)) (places[0], places[1]) = (places[1], places[0]);
        var best = places[0];
        var margin = MarginFor(evidence);
        // A place not examined could be better, or a rival: then only a full look decides - unless it
        // could never be anchored and the answer is no anchor anyway. (As a near-copy it could not win
        // on words: it differs from the selector all over, or it would have been examined.)
        var unseenMatters = unseen.Evidence + margin > Total(best, hint);
        if (unseenMatters && unseen.Acceptable) return null;
        // Places that cannot be told apart are "ambiguous" when one of them could have been anchored.
        if (places.Count > 1 && !ClearlyAhead(text, quote, evidence, best, places[1], hint, margin))
            return Acceptable(text, quote, evidence, best) || Acceptable(text, quote, evidence, places[1]) ? new AnchorResult(null, AnchorOutcome.Ambiguous, best.Score) : NotFound;
        if (!Acceptable(text, quote, evidence, best)) return NotFound;
        if (unseenMatters) return null;

        // The selector's surroundings standing clearly better elsewhere, without the quote between them,
        // mark where the passage was: deleted there, or edited past the bound. A short quote found
        // elsewhere is then a copy; a long one is the passage, moved away from its neighbours.
        if (MayBeCopy(text, quote, best))
        {
            var taken = places.Where(p => p.Plausible).Select(p => p.Span).ToList();
            var here = ContextTotal(best, hint);
            if (emptied(taken, r => r.Context + Prior(r.Between, hint)) is { } place && place.Context + Prior(place.Between, hint) >= here + margin)
                return NotFound;
            if (unseen.Context >= here + margin) return null;
        }
        // The hint far off in a copy of the place's surroundings: the passage may have stood there.
        if (hint is { } h && CopiedSurroundings.AtHint(text, best.Span, h)) return new AnchorResult(null, AnchorOutcome.Ambiguous, best.Score);
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
        if (HintPoints(text, quote, evidence, best, next, hint)) return true;
        var nearCopies = next.Plausible && evidence.ContextMaximum >= 4 * Margin && contentLead < 2 * Margin;
        if (!nearCopies) return lead >= margin;

        // Between near-copies the characters only have to agree on which is ahead; the words decide (or the hint, above).
        var wordLead = WordDifference.Of(text, next.Span, quote) - WordDifference.Of(text, best.Span, quote);
        return lead >= 1 && wordLead >= WordLead;
    }

    /// <summary>
    /// True when the hint points clearly (by a margin) at <paramref name="a"/> rather than <paramref name="b"/>
    /// and the words do not say otherwise: <paramref name="b"/> is ahead by less than WordLead words of the
    /// selector, which one edit at <paramref name="a"/> could have made - however many chars that edit was
    /// (a long word inserted beside the passage, while its verbatim twin stands far away).
    /// </summary>
    private static bool HintPoints(string text, TextQuoteSelector quote, AnchorEvidence evidence, Weighed a, Weighed b, TextSpan? hint) =>
        a.Plausible && b.Plausible && evidence.ContextMaximum >= 4 * Margin && Prior(a.Span, hint) - Prior(b.Span, hint) >= Margin
        && WordDifference.Of(text, a.Span, quote) - WordDifference.Of(text, b.Span, quote) < WordLead;

    /// <summary>The lead that makes a place clearly best: Margin, or less when the selector offers little context to lead by.</summary>
    public static int MarginFor(AnchorEvidence evidence) => Math.Min(Margin, Math.Max(1, evidence.ContextMaximum / 4));

    /// <summary>True when a place whose quote shows this much evidence needs one side of its context to agree (a short quote, with full context).</summary>
    public static bool NeedsAgreeingSide(int quoteEvidence, AnchorEvidence evidence) =>
        quoteEvidence < StandsAlone && evidence.ContextMaximum >= 4 * Margin;

    /// <summary>What the hint adds to a place <paramref name="distance"/> chars from it.</summary>
    public static double Prior(long distance) => HintWeight * HintScale / (HintScale + distance);

    private static double Prior(TextSpan span, TextSpan? hint) =>
        hint is null ? 0 : Prior(FromHint(span, hint));

    /// <summary>A place's evidence and what the hint adds to it.</summary>
    public static double Total(Weighed c, TextSpan? hint) => c.Evidence + Prior(c.Span, hint);

    /// <summary>A place's context evidence and what the hint adds to it.</summary>
    public static double ContextTotal(Weighed c, TextSpan? hint) => c.Context + Prior(c.Span, hint);

    /// <summary>
    /// True when a quote found this way could be a copy, its passage's old place standing emptied
    /// elsewhere (see Choose): a short one, or a long one worded differently (QuoteWording) - a passage
    /// that moved keeps its words, a reworded copy of it does not.
    /// </summary>
    public static bool MayBeCopy(string text, TextQuoteSelector quote, Weighed c) =>
        quote.Exact.Length - AnchorEvidence.QuoteEditCost * c.Distance < StandsAlone
        || (c.Distance > 0 && QuoteWording.Differences(text, c.Span, quote.Exact) >= WordLead);

    /// <summary>
    /// The place <paramref name="c"/> is another reading of, or -1. Two verbatim readings are never one
    /// place, so a verbatim candidate is checked only against the fuzzy places (a common word has
    /// thousands of verbatim ones).
    /// </summary>
    private static int PlaceOf(List<Weighed> places, List<int> fuzzy, Weighed c)
    {
        if (c.Distance > 0) return places.FindIndex(p => SamePlace(p, c));
        foreach (var i in fuzzy)
        {
            if (SamePlace(places[i], c)) return i;
        }
        return -1;
    }

    private static bool SamePlace(Weighed a, Weighed b)
    {
        if (a.Distance == 0 && b.Distance == 0) return false;
        var overlap = Math.Min(a.Span.End, b.Span.End) - Math.Max(a.Span.Start, b.Span.Start);
        return overlap > 0 && 2 * overlap > Math.Min(a.Span.Length, b.Span.Length);
    }

    /// <summary>
    /// Whether a place could be anchored at all: plausible (more for it than against it), its text
    /// within the contract's edit bound of the quote, and, for a short quote, one side of its context
    /// the selector's where the selector gives both. A short quote recurs ("the working class"): what
    /// makes a place the passage is that the text on one side of it is the selector's; phrases that
    /// recur together on both sides ("... all over the world") agree a little with everything.
    /// </summary>
    private static bool Acceptable(string text, TextQuoteSelector quote, AnchorEvidence evidence, Weighed c) =>
        c.Plausible && Faithful(text, c, quote)
        && (c.OneSideAgrees || !NeedsAgreeingSide(quote.Exact.Length - AnchorEvidence.QuoteEditCost * c.Distance, evidence));

    private static bool Faithful(string text, Weighed c, TextQuoteSelector quote)
    {
        var found = text.AsSpan(c.Span.Start, c.Span.Length);
        var k = FuzzyMatcher.MaxEdits(quote.Exact.Length);
        return c.Distance == 0 ? found.SequenceEqual(quote.Exact) : Levenshtein.Bounded(quote.Exact, found, k) <= k;
    }
}
