namespace Annotate.Shared.Anchoring;

/// <summary>
/// The most that places AnchorSearch did not examine could show (hint prior included): as candidates
/// (<see cref="Evidence"/>) and as the selector's surroundings with the quote gone (<see cref="Context"/>);
/// and whether such a place could be anchored at all (<see cref="Acceptable"/>: a short quote needs one
/// side of its surroundings to be the selector's, and such a place would have been examined).
/// AnchorVerdict declines to decide when that could change its answer.
/// </summary>
internal readonly record struct Unseen(double Evidence, double Context, bool Acceptable)
{
    /// <summary>Everything was examined.</summary>
    public static Unseen None { get; } = new(double.NegativeInfinity, double.NegativeInfinity, false);
}
