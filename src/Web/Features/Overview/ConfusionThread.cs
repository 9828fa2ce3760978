namespace Annotate.Web.Features.Overview;

/// <summary>An unresolved thread of a paragraph in the Confusion view.</summary>
/// <param name="OpenQuestion">A question still open (<see cref="Annotations.AnnotationPermissions.IsOpenQuestion"/>).</param>
/// <param name="Replies">Replies the teacher may see.</param>
public sealed record ConfusionThread(Guid ThreadId, string Quote, string Motivation, bool OpenQuestion, int Replies, DateTimeOffset Created);
