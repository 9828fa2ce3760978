namespace Annotate.Data.Entities;

/// <summary>
/// Where a thread's passage is on one revision after the first it was written on: the selectors of
/// that revision's text, or none for an orphan. The annotation itself keeps the original selectors.
/// </summary>
public class AnnotationAnchor
{
    public Guid AnnotationId { get; set; }
    public int Revision { get; set; }
    public AnchorState State { get; set; }
    public string? Exact { get; set; }
    public string? Prefix { get; set; }
    public string? Suffix { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }

    public Annotation? Annotation { get; set; }
}
