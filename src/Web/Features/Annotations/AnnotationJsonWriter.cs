using System.Text.Json.Nodes;
using Annotate.Shared;
using Annotate.Shared.W3c;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Presents an annotation as W3C Web Annotation JSON-LD, the shape the API, the hub and exports share.
/// IRIs are absolute, built from the origin the caller reached us on.
/// </summary>
public static class AnnotationJsonWriter
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";

    public static string AnnotationIri(string origin, Guid id) => $"{origin}/api/annotations/{id}";
    public static string DocumentIri(string origin, int documentId) => $"{origin}/documents/{documentId}";
    public static string UserIri(string origin, string userId) => $"{origin}/api/users/{userId}";

    public static JsonObject Write(AnnotationView annotation, string origin, bool withContext = true)
    {
        var json = new JsonObject();
        if (withContext) json["@context"] = Context;
        json["id"] = AnnotationIri(origin, annotation.Id);
        json["type"] = "Annotation";
        json["motivation"] = annotation.Motivation;
        json["visibility"] = annotation.Visibility.ToName();
        json["creator"] = new JsonObject
        {
            ["id"] = UserIri(origin, annotation.AuthorId),
            ["type"] = "Person",
            ["name"] = annotation.AuthorName,
        };
        // Extensions beyond the W3C model: who a teacher's feedback is for, and a teacher's marks on a thread.
        if (annotation.AddresseeId is { } addressee) json["addressee"] = UserIri(origin, addressee);
        if (annotation.Exemplary) json["exemplary"] = true;
        if (!annotation.IsReply) json["resolved"] = annotation.ResolvedAt is not null;
        // An imported annotation belongs to its importer (the creator) and names who wrote it in the source.
        if (annotation.AttributedTo is { } writer) json["attributedTo"] = writer;
        json["created"] = annotation.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        json["modified"] = annotation.Modified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

        var body = new JsonArray();
        if (annotation.Body.Length > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextualBody",
                ["value"] = annotation.Body,
                ["format"] = "text/markdown",
                ["purpose"] = annotation.Motivation == Motivations.Highlighting ? Motivations.Commenting : annotation.Motivation,
            });
        }
        foreach (var tag in annotation.Tags)
            body.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = tag, ["purpose"] = "tagging" });
        if (body.Count > 0) json["body"] = body;

        if (annotation.IsReply)
        {
            json["target"] = AnnotationIri(origin, annotation.ParentId!.Value);
        }
        else
        {
            var selectors = new JsonArray();
            if (annotation.Quote is { } quote)
                selectors.Add(new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = quote.Exact, ["prefix"] = quote.Prefix, ["suffix"] = quote.Suffix });
            if (annotation.Position is { } position)
                selectors.Add(new JsonObject { ["type"] = "TextPositionSelector", ["start"] = position.Start, ["end"] = position.End });
            json["target"] = new JsonObject { ["source"] = DocumentIri(origin, annotation.DocumentId), ["selector"] = selectors };
            json["orphan"] = annotation.Orphan;
        }
        return json;
    }

    public static JsonObject WriteCollection(IReadOnlyList<AnnotationView> annotations, string origin, int documentId, string label)
    {
        var collectionId = $"{origin}/api/documents/{documentId}/annotations";
        var items = new JsonArray();
        foreach (var annotation in annotations) items.Add(Write(annotation, origin, withContext: false));
        return new JsonObject
        {
            ["@context"] = Context,
            ["id"] = collectionId,
            ["type"] = "AnnotationCollection",
            ["label"] = label,
            ["total"] = annotations.Count,
            ["first"] = new JsonObject
            {
                ["id"] = collectionId + "?page=0",
                ["type"] = "AnnotationPage",
                ["startIndex"] = 0,
                ["items"] = items,
            },
        };
    }
}
