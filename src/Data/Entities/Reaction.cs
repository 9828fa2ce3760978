namespace Annotate.Data.Entities;

/// <summary>
/// A member's reaction to an annotation they can see: an upvote, or "I have this question too" on a question.
/// One per person, kind and annotation (the key), so reacting twice counts once.
/// </summary>
public class Reaction
{
    public Guid AnnotationId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary><c>upvote</c> or <c>same-question</c> (ReactionKinds in the web app).</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset Created { get; set; }

    public Annotation? Annotation { get; set; }
    public ApplicationUser? User { get; set; }
}
