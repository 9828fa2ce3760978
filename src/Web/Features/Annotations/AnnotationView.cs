using Annotate.Shared;
using Annotate.Shared.Anchoring;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// An annotation as readers see it, with what the visibility rule needs (<see cref="Access"/>: the
/// thread's author, visibility and the author's group). Pages, events, the hub and the API all carry this.
/// </summary>
public sealed record AnnotationView(
    Guid Id,
    int DocumentId,
    Guid? ParentId,
    Guid? ThreadId,
    string AuthorId,
    string AuthorName,
    string Motivation,
    Visibility Visibility,
    string Body,
    IReadOnlyList<string> Tags,
    TextQuoteSelector? Quote,
    TextPositionSelector? Position,
    int DocumentRevision,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    int Version,
    VisibilityFacts Access)
{
    public bool IsReply => ParentId is not null;

    /// <summary>The id of the thread this belongs to: its own id for a thread's first annotation.</summary>
    public Guid ThreadRootId => ThreadId ?? Id;

    public string ETag => $"\"{Version}\"";

    public bool CanBeSeenBy(Viewer viewer) => VisibilityRule.CanSee(viewer, Access);
}
