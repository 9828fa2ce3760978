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
        if (TextAnchor.Locate(text, original, lastKnown) is not { } span)
            return new Placement(AnchorState.Orphan, null, null);
        var (quote, position) = TextAnchor.Describe(text, span);
        return new Placement(quote.Exact == original.Exact ? AnchorState.Exact : AnchorState.Edited, quote, position);
    }
}
