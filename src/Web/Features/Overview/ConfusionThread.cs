namespace Annotate.Web.Features.Overview;

/// <summary>An unresolved thread of a paragraph in the Confusion view.</summary>
/// <param name="OpenQuestion">A question still open (<see cref="Annotations.AnnotationPermissions.IsOpenQuestion"/>).</param>
/// <param name="Replies">Replies the teacher may see.</param>
/// <param name="SameQuestion">"I have this question too" votes on it, by members of the seminar.</param>
public sealed record ConfusionThread(Guid ThreadId, string Quote, string Motivation, bool OpenQuestion, int Replies, DateTimeOffset Created, int SameQuestion)
{
    /// <summary>Where its passage starts on the current text: the order within a paragraph, not part of the answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Start { get; init; }
}
