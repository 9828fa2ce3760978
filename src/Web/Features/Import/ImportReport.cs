using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Features.Import;

/// <summary>
/// What an import did, one count per item of the file: <see cref="Placed"/> on the exact quote (a reply:
/// in its thread), <see cref="Fuzzy"/> on words that differ a little from the quote, <see cref="Orphaned"/>
/// (the passage is not in this text: stored with its quote, listed under Orphaned, each in
/// <see cref="Orphans"/>), <see cref="Skipped"/> (imported before, or already on the document),
/// <see cref="Rejected"/> and <see cref="NotPlaced"/> (not stored), with a reason each.
/// <see cref="Imported"/> are the stored annotations, orphans included, threads before their replies.
/// </summary>
public sealed record ImportReport(
    int Placed,
    int Fuzzy,
    int Orphaned,
    int Skipped,
    IReadOnlyList<ImportProblem> Rejected,
    IReadOnlyList<ImportProblem> Orphans,
    IReadOnlyList<AnnotationView> Imported)
{
    /// <summary>Threads the placing budget left untried, and their replies: not stored; importing the file again places them.</summary>
    public IReadOnlyList<ImportProblem> NotPlaced { get; init; } = [];

    /// <summary>
    /// Why the file is known to hold only part of what it comes from (pages it links to but does not hold, a
    /// search that found more than it holds); null when nothing says so.
    /// </summary>
    public string? Incomplete { get; init; }

    /// <summary>The tags a locked vocabulary left off what was imported; null when every tag was kept.</summary>
    public TagsDropped? TagsDropped { get; init; }
}
