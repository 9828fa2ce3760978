using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Discussion;

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

    public static JsonObject Write(AnnotationView annotation, string origin, bool withContext = true) =>
        JsonNode.Parse(WriteUtf8(annotation, origin, withContext))!.AsObject();

    /// <summary>The annotation as UTF-8 JSON: the hub serialises it once for all who receive it.</summary>
    public static byte[] WriteUtf8(AnnotationView annotation, string origin, bool withContext = true)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer)) WriteTo(json, annotation, origin, withContext);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the annotation straight to <paramref name="json"/>: the one place its shape is decided.
    /// <see cref="Write"/> makes a JSON object of it; the export streams thousands through this without one.
    /// </summary>
    public static void WriteTo(Utf8JsonWriter json, AnnotationView annotation, string origin, bool withContext = true)
    {
        json.WriteStartObject();
        if (withContext) json.WriteString("@context", Context);
        json.WriteString("id", AnnotationIri(origin, annotation.Id));
        json.WriteString("type", "Annotation");
        json.WriteString("motivation", annotation.Motivation);
        json.WriteString("visibility", annotation.Visibility.ToName());
        json.WriteStartObject("creator");
        // A deleted account has no IRI any more: the creator is then only a name.
        if (annotation.AuthorId is { } author) json.WriteString("id", UserIri(origin, author));
        json.WriteString("type", "Person");
        json.WriteString("name", annotation.AuthorName);
        json.WriteEndObject();
        // Extensions beyond the W3C model: who a teacher's feedback is for, a teacher's marks on a thread,
        // and for an imported annotation (the importer's now) who wrote it in the source.
        if (annotation.AddresseeId is { } addressee) json.WriteString("addressee", UserIri(origin, addressee));
        if (annotation.Exemplary) json.WriteBoolean("exemplary", true);
        if (!annotation.IsReply) json.WriteBoolean("resolved", annotation.ResolvedAt is not null);
        if (annotation.AttributedTo is { } writer) json.WriteString("attributedTo", writer);
        WriteDiscussion(json, annotation, origin);
        WriteTime(json, "created", annotation.Created);
        WriteTime(json, "modified", annotation.Modified);

        if (annotation.Body.Length > 0 || annotation.Tags.Count > 0)
        {
            json.WriteStartArray("body");
            if (annotation.Body.Length > 0)
            {
                json.WriteStartObject();
                json.WriteString("type", "TextualBody");
                json.WriteString("value", annotation.Body);
                json.WriteString("format", "text/markdown");
                json.WriteString("purpose", annotation.Motivation == Motivations.Highlighting ? Motivations.Commenting : annotation.Motivation);
                json.WriteEndObject();
            }
            foreach (var tag in annotation.Tags)
            {
                json.WriteStartObject();
                json.WriteString("type", "TextualBody");
                json.WriteString("value", tag);
                json.WriteString("purpose", "tagging");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        if (annotation.IsReply)
        {
            json.WriteString("target", AnnotationIri(origin, annotation.ParentId!.Value));
        }
        else
        {
            json.WriteStartObject("target");
            json.WriteString("source", DocumentIri(origin, annotation.DocumentId));
            json.WriteStartArray("selector");
            if (annotation.Quote is { } quote)
            {
                json.WriteStartObject();
                json.WriteString("type", "TextQuoteSelector");
                json.WriteString("exact", quote.Exact);
                json.WriteString("prefix", quote.Prefix);
                json.WriteString("suffix", quote.Suffix);
                json.WriteEndObject();
            }
            if (annotation.Position is { } position)
            {
                json.WriteStartObject();
                json.WriteString("type", "TextPositionSelector");
                json.WriteNumber("start", position.Start);
                json.WriteNumber("end", position.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteBoolean("orphan", annotation.Orphan);
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// Reactions and, on a question, whether it is answered (and by which reply, when the reader may see it):
    /// counts and the reader's own reactions only (<see cref="AnnotationView.For"/> picks those), never who.
    /// </summary>
    private static void WriteDiscussion(Utf8JsonWriter json, AnnotationView annotation, string origin)
    {
        json.WriteStartObject("reactions");
        foreach (var kind in ReactionKinds.All) json.WriteNumber(kind, annotation.CountOf(kind));
        json.WriteEndObject();
        json.WriteStartArray("myReactions");
        foreach (var kind in annotation.MyReactions) json.WriteStringValue(kind);
        json.WriteEndArray();
        if (annotation.IsReply || annotation.Motivation != Motivations.Questioning) return;
        json.WriteBoolean("answered", annotation.Answered);
        if (annotation.VisibleAnswerId is { } answer) json.WriteString("answer", AnnotationIri(origin, answer));
    }

    /// <summary>UTC to the millisecond with a Z, formatted without allocating.</summary>
    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset moment)
    {
        Span<char> text = stackalloc char[32];
        moment.UtcDateTime.TryFormat(text, out var length, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        json.WriteString(name, text[..length]);
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
