using Annotate.Data.Entities;
using Annotate.Shared.Anchoring;

namespace Annotate.Web.Features.Documents;

/// <summary>
/// Follows a thread's passage onto a new text: the anchor decides (exact, then fuzzy, else orphan),
/// and the result says whether the words are still the ones the thread was written on.
/// </summary>
internal static class PassageTracker
{
    public sealed record Placement(AnchorState State, TextQuoteSelector? Quote, TextPositionSelector? Position);

    /// <param name="original">The quote the thread was written on (its words and context then).</param>
    /// <param name="lastKnown">Where it was last seen: the hint that chooses between repeats.</param>
    public static Placement Follow(string text, TextQuoteSelector original, TextPositionSelector? lastKnown)
    {
        return Describe(text, original, TextAnchor.Locate(text, original, lastKnown));
    }

    /// <summary>
    /// The same for a whole revision at once: <paramref name="map"/> (one diff of the previous and the new
    /// text) carries passages in unchanged text across, and only the rest is searched for.
    /// </summary>
    /// <param name="previousQuote">The thread's selectors on the previous revision, in its words there.</param>
    public static Placement FollowThroughDiff(RevisionMap map, string text, TextQuoteSelector original, TextQuoteSelector previousQuote, TextPositionSelector previousPosition) =>
        Describe(text, original, map.Reanchor(previousQuote, previousPosition).Span);

    private static Placement Describe(string text, TextQuoteSelector original, TextSpan? span)
    {
        if (span is not { } found) return new Placement(AnchorState.Orphan, null, null);
        var (quote, position) = TextAnchor.Describe(text, found);
        return new Placement(quote.Exact == original.Exact ? AnchorState.Exact : AnchorState.Edited, quote, position);
    }
}
