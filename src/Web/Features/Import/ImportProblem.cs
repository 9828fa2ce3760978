using System.Text.Json.Serialization;

namespace Annotate.Web.Features.Import;

/// <summary>
/// One item of an import file that was not placed on its passage: its place in the file (from 0), its source
/// id, and why. <see cref="AnnotationId"/> is the annotation it was stored as, for an orphan kept; null otherwise.
/// </summary>
public sealed record ImportProblem(int Index, string? Id, string Reason)
{
    [JsonIgnore]
    public Guid? AnnotationId { get; init; }
}
