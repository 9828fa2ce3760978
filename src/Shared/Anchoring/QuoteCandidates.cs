// Chooses one span among the places a quote was found: best context agreement first, then nearest
// to the position hint. When the best two cannot be told apart it answers null: an orphan is honest,
// a guessed anchor silently attaches a comment to the wrong words.
namespace Annotate.Shared.Anchoring;

internal static class QuoteCandidates
{
    /// <param name="hintIndex">UTF-16 index of the hint's start, or null when there is no usable hint.</param>
    public static TextSpan? Choose(string text, IReadOnlyList<TextSpan> candidates, TextQuoteSelector quote, int? hintIndex)
    {
        if (candidates.Count == 0) return null;
        if (candidates.Count == 1) return candidates[0];

        TextSpan? best = null;
        var bestScore = -1;
        var bestDistance = long.MaxValue;
        var tied = false;

        foreach (var candidate in candidates)
        {
            var score = ContextScore.Agreement(text, candidate, quote.Prefix, quote.Suffix);
            // Without a hint every candidate is equally far, so only context can separate them.
            long distance = hintIndex is { } h ? Math.Abs((long)candidate.Start - h) : 0;

            var better = score > bestScore || (score == bestScore && distance < bestDistance);
            if (better)
            {
                best = candidate;
                bestScore = score;
                bestDistance = distance;
                tied = false;
            }
            else if (score == bestScore && distance == bestDistance)
            {
                tied = true;
            }
        }

        return tied ? null : best;
    }
}
