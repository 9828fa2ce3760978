using System.Text.Json.Nodes;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>Request bodies in the shape the contract shows a client sending (W3C Web Annotation JSON-LD).</summary>
public static class AnnotationJson
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";

    /// <summary>
    /// A comment on the first occurrence of <paramref name="exact"/> in <paramref name="text"/>, with a quote
    /// selector (32 code points of context, as a client would send) and a position selector in code points.
    /// </summary>
    public static JsonObject Comment(string documentIri, string text, string exact, string comment,
        string visibility = "seminar", params string[] tags)
    {
        var body = new JsonArray();
        if (comment.Length > 0)
            body.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = comment, ["format"] = "text/markdown", ["purpose"] = "commenting" });
        foreach (var tag in tags)
            body.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = tag, ["purpose"] = "tagging" });

        return new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "Annotation",
            ["motivation"] = "commenting",
            ["visibility"] = visibility,
            ["body"] = body,
            ["target"] = new JsonObject
            {
                ["source"] = documentIri,
                ["selector"] = Selectors(text, exact),
            },
        };
    }

    /// <summary>A reply to the annotation <paramref name="parentIri"/>.</summary>
    public static JsonObject Reply(string parentIri, string comment, string? visibility = null)
    {
        var reply = new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "Annotation",
            ["motivation"] = "replying",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextualBody", ["value"] = comment, ["format"] = "text/markdown" }),
            ["target"] = parentIri,
        };
        if (visibility is not null) reply["visibility"] = visibility;
        return reply;
    }

    /// <summary>TextQuoteSelector and TextPositionSelector for the first occurrence of <paramref name="exact"/>.</summary>
    public static JsonArray Selectors(string text, string exact)
    {
        var at = text.IndexOf(exact, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"\"{exact}\" is not in the text.", nameof(exact));
        var end = at + exact.Length;
        return
        [
            new JsonObject
            {
                ["type"] = "TextQuoteSelector",
                ["exact"] = exact,
                ["prefix"] = LastCodePoints(text[..at], 32),
                ["suffix"] = FirstCodePoints(text[end..], 32),
            },
            new JsonObject { ["type"] = "TextPositionSelector", ["start"] = CodePoints(text[..at]), ["end"] = CodePoints(text[..end]) },
        ];
    }

    /// <summary>W3C offsets count code points (runes), not UTF-16 units.</summary>
    public static int CodePoints(string text) => text.EnumerateRunes().Count();

    private static string FirstCodePoints(string text, int count) => string.Concat(text.EnumerateRunes().Take(count));

    private static string LastCodePoints(string text, int count) => string.Concat(text.EnumerateRunes().TakeLast(count));
}
