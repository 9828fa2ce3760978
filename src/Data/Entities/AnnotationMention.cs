namespace Annotate.Data.Entities;

/// <summary>
/// A member named in an annotation's body (<c>@[Name](user:id)</c>): who, and where in the Markdown (UTF-16
/// offset and length). Kept apart from the body so "who was mentioned" is a query, not a parse; replaced on every edit.
/// </summary>
public class AnnotationMention
{
    public Guid AnnotationId { get; set; }
    public int Offset { get; set; }
    public int Length { get; set; }
    public string UserId { get; set; } = "";
}
