using System.Text.Json.Nodes;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A seminar with its <see cref="Teacher"/>, students <see cref="StudentA"/> and <see cref="StudentB"/>, one
/// document, and an <see cref="Outsider"/> who has an account but is not a member.
/// </summary>
public sealed record Classroom(
    ApiUser Teacher,
    ApiUser StudentA,
    ApiUser StudentB,
    ApiUser Outsider,
    int SeminarId,
    int DocumentId,
    string DocumentIri,
    string DocumentText)
{
    /// <summary>A W3C comment on the first occurrence of <paramref name="exact"/> in this classroom's document.</summary>
    public JsonObject Comment(string exact, string comment = "Is this still true today?", string visibility = "seminar", params string[] tags) =>
        AnnotationJson.Comment(DocumentIri, DocumentText, exact, comment, visibility, tags);
}
