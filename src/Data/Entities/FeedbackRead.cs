namespace Annotate.Data.Entities;

/// <summary>A student has opened a piece of feedback addressed to them; feedback without a row is unread.</summary>
public class FeedbackRead
{
    public string UserId { get; set; } = "";
    public Guid AnnotationId { get; set; }
    public DateTimeOffset ReadAt { get; set; }

    public Annotation? Annotation { get; set; }
}
