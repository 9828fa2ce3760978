using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Features.Import;

/// <summary>
/// What an import did, one count per item of the file: <see cref="Placed"/> on the exact quote (a reply:
/// in its thread), <see cref="Fuzzy"/> on words that differ a little from the quote, <see cref="Orphaned"/>
/// (the passage is not in this text, so nothing was stored; listed in <see cref="Orphans"/>),
/// <see cref="Skipped"/> (imported before, or already on the document), and <see cref="Rejected"/> with a
/// reason each. <see cref="Imported"/> are the stored annotations, threads before their replies.
/// </summary>
public sealed record ImportReport(
    int Placed,
    int Fuzzy,
    int Orphaned,
    int Skipped,
    IReadOnlyList<ImportProblem> Rejected,
    IReadOnlyList<ImportProblem> Orphans,
    IReadOnlyList<AnnotationView> Imported);
