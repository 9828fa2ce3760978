namespace Annotate.Shared.Anchoring;

/// <summary>
/// A stretch of identical text in an old and a new revision. <see cref="Moved"/> runs were carried
/// elsewhere (a paragraph moved); the others keep their order.
/// </summary>
internal readonly record struct DiffRun(int OldStart, int NewStart, int Length, bool Moved = false)
{
    public int OldEnd => OldStart + Length;

    public int NewEnd => NewStart + Length;
}
