// An article may say a stretch of itself twice (an introduction said again under "Results"). When the
// place found for a passage stands in such a stretch and the hint points far off into its other copy,
// the passage may as well have stood in that copy, at the hint, and been deleted or reworded there -
// the selector's 32 chars of context cannot tell, as they may have gone with it. That is a tie the text
// cannot break without the old text: "ambiguous", not a reason to believe the far copy. (A hint that is
// merely stale, as after a preface was put in front, rarely lands in a copy of the place's surroundings.)
namespace Annotate.Shared.Anchoring;

internal static class CopiedSurroundings
{
    /// <summary>Chars on each side of the place whose copy is looked for around the hint.</summary>
    private const int Reach = 160;

    /// <summary>Chars on each side of the hint where that copy may stand.</summary>
    private const int Window = 2 * Reach;

    /// <summary>Closer than this the hint's surroundings and the place's may be one stretch, not two copies.</summary>
    private const int Far = 8 * Reach;

    /// <summary>Length of the pieces compared; a piece this long recurs by chance rarely in prose.</summary>
    private const int Piece = 8;

    /// <summary>Pieces are taken every this many chars of the surroundings (a sample is enough to tell a copy).</summary>
    private const int Step = 8;

    /// <summary>
    /// True when at least half of the text around <paramref name="place"/> (Reach chars each side, sampled
    /// in pieces of 8 chars) stands around <paramref name="hint"/> too, the hint being Far from the place.
    /// </summary>
    public static bool AtHint(string text, TextSpan place, TextSpan hint)
    {
        if (AnchorVerdict.FromHint(place, hint) <= Far) return false;
        var from = Math.Max(0, hint.Start - Window);
        var around = text.AsSpan(from, Math.Min(text.Length, hint.End + Window) - from);

        var (copied, all) = (0, 0);
        Count(text, Math.Max(0, place.Start - Reach), place.Start, around, ref copied, ref all);
        Count(text, place.End, Math.Min(text.Length, place.End + Reach), around, ref copied, ref all);
        return all > 0 && 2 * copied >= all;
    }

    private static void Count(string text, int from, int to, ReadOnlySpan<char> around, ref int copied, ref int all)
    {
        for (var i = from; i + Piece <= to; i += Step)
        {
            all++;
            if (around.IndexOf(text.AsSpan(i, Piece), StringComparison.Ordinal) >= 0) copied++;
        }
    }
}
