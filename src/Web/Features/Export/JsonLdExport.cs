using System.Text.Encodings.Web;
using System.Text.Json;
using Annotate.Web.Features.Annotations;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Export;

/// <summary>
/// Writes an export as a W3C Web Annotation <c>AnnotationCollection</c> whose one <c>AnnotationPage</c>
/// embeds every annotation, threads in document order with their replies after them. Each annotation
/// has exactly the shape the API answers (<see cref="AnnotationJsonWriter"/>), so a client reads an
/// export as it reads the API. It streams: one annotation at a time goes through a
/// <see cref="Utf8JsonWriter"/> straight to the output, flushed every few kilobytes, so memory stays
/// bounded however long the discussion.
/// </summary>
public static class JsonLdExport
{
    /// <summary>Bytes buffered before they are handed to the output.</summary>
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        // Quotes and comments are prose in any language: keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="origin">Scheme, host and path base: the base of every IRI written.</param>
    /// <param name="collectionId">The IRI of the collection: the export's own URL.</param>
    public static async Task WriteAsync(ExportContent content, Stream output, string origin, string collectionId, CancellationToken cancellationToken = default)
    {
        await using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("@context", AnnotationJsonWriter.Context);
        json.WriteString("id", collectionId);
        json.WriteString("type", "AnnotationCollection");
        // The label is for people, so in the exporting person's language; the properties are the W3C model's.
        json.WriteString("label", L["Export.JsonLdLabel", content.Title, content.FilterDescription]);
        json.WriteNumber("total", content.Threads.Sum(t => 1 + t.Replies.Count));

        json.WritePropertyName("first");
        json.WriteStartObject();
        json.WriteString("id", collectionId + (collectionId.Contains('?') ? "&" : "?") + "page=0");
        json.WriteString("type", "AnnotationPage");
        json.WriteString("partOf", collectionId);
        json.WriteNumber("startIndex", 0);
        json.WritePropertyName("items");
        json.WriteStartArray();
        foreach (var thread in content.Threads)
        {
            await WriteAnnotationAsync(json, thread.Root, origin, cancellationToken);
            foreach (var reply in thread.Replies)
                await WriteAnnotationAsync(json, reply, origin, cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static async ValueTask WriteAnnotationAsync(Utf8JsonWriter json, AnnotationView annotation, string origin, CancellationToken cancellationToken)
    {
        // The API's own presenter, one annotation at a time straight into the writer.
        AnnotationJsonWriter.WriteTo(json, annotation, origin, withContext: false);
        if (json.BytesPending >= FlushThreshold) await json.FlushAsync(cancellationToken);
    }
}
