using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// Import files as other tools write them: W3C annotations made on a copy of the text somewhere else,
/// and Hypothesis API rows; and the import call (<c>POST /api/documents/{id}/import</c>).
/// </summary>
public static class ImportJson
{
    /// <summary>Where the source annotations were made: not this app, so no IRI of ours.</summary>
    public const string ElsewhereSource = "https://texts.example.org/manifesto";

    /// <summary>A W3C comment with quote and position selectors on the first occurrence of <paramref name="exact"/>.</summary>
    public static JsonObject W3c(string id, string text, string exact, string comment, string creator = "Ada Lovelace",
        string created = "2024-03-01T10:00:00Z", params string[] tags)
    {
        var annotation = AnnotationJson.Comment(ElsewhereSource, text, exact, comment, "seminar", tags);
        annotation.Remove("visibility");
        annotation["id"] = id;
        annotation["creator"] = new JsonObject { ["id"] = $"https://texts.example.org/users/{creator.Split(' ')[0].ToLowerInvariant()}", ["type"] = "Person", ["name"] = creator };
        annotation["created"] = created;
        return annotation;
    }

    /// <summary>A W3C annotation whose quote selector says <paramref name="exact"/> at <paramref name="start"/>, whatever the text holds.</summary>
    public static JsonObject W3cQuote(string id, string exact, int start, string comment = "A note.", string prefix = "", string suffix = "") => new()
    {
        ["@context"] = AnnotationJson.Context,
        ["id"] = id,
        ["type"] = "Annotation",
        ["motivation"] = "commenting",
        ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = comment },
        ["target"] = new JsonObject
        {
            ["source"] = ElsewhereSource,
            ["selector"] = new JsonArray(
                new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = exact, ["prefix"] = prefix, ["suffix"] = suffix },
                new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = start + AnnotationJson.CodePoints(exact) }),
        },
    };

    public static JsonObject W3cReply(string id, string parentId, string comment, string creator = "Grace Hopper") => new()
    {
        ["@context"] = AnnotationJson.Context,
        ["id"] = id,
        ["type"] = "Annotation",
        ["motivation"] = "replying",
        ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = creator },
        ["created"] = "2024-03-02T09:30:00Z",
        ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = comment, ["format"] = "text/markdown" },
        ["target"] = parentId,
    };

    public static JsonObject Collection(params JsonObject[] items) => new()
    {
        ["@context"] = AnnotationJson.Context,
        ["id"] = "https://texts.example.org/manifesto/annotations",
        ["type"] = "AnnotationCollection",
        ["total"] = items.Length,
        ["first"] = new JsonObject { ["type"] = "AnnotationPage", ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()) },
    };

    /// <summary>A Hypothesis API row on the first occurrence of <paramref name="exact"/> (or a reply, given references).</summary>
    public static JsonObject Hypothesis(string id, string text, string? exact, string comment, string user = "acct:ada@hypothes.is",
        string? displayName = "Ada Lovelace", string[]? references = null, string[]? tags = null, bool onlyMe = false)
    {
        var target = new JsonObject { ["source"] = ElsewhereSource };
        if (exact is not null)
        {
            var selectors = AnnotationJson.Selectors(text, exact);
            selectors.Insert(0, new JsonObject
            {
                ["type"] = "RangeSelector", ["startContainer"] = "/main[1]/p[2]", ["startOffset"] = 0, ["endContainer"] = "/main[1]/p[2]", ["endOffset"] = 10,
            });
            target["selector"] = selectors;
        }
        var row = new JsonObject
        {
            ["id"] = id,
            ["created"] = "2023-11-05T14:48:00.123456+00:00",
            ["updated"] = "2023-11-05T14:48:00.123456+00:00",
            ["user"] = user,
            ["uri"] = ElsewhereSource,
            ["text"] = comment,
            ["tags"] = new JsonArray((tags ?? []).Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            ["group"] = "__world__",
            ["permissions"] = new JsonObject { ["read"] = new JsonArray(onlyMe ? user : "group:__world__") },
            ["target"] = new JsonArray(target),
            ["links"] = new JsonObject { ["html"] = $"https://hypothes.is/a/{id}" },
        };
        if (references is not null) row["references"] = new JsonArray(references.Select(r => (JsonNode)JsonValue.Create(r)).ToArray());
        if (displayName is not null) row["user_info"] = new JsonObject { ["display_name"] = displayName };
        return row;
    }

    public static JsonObject HypothesisRows(params JsonObject[] rows) => new()
    {
        ["total"] = rows.Length,
        ["rows"] = new JsonArray(rows.Select(r => (JsonNode)r).ToArray()),
    };

    public static Task<HttpResponseMessage> PostImportAsync(this ApiUser user, int documentId, string file, string? visibility = null)
    {
        var query = visibility is null ? "" : $"?visibility={visibility}";
        return user.Http.PostAsync($"/api/documents/{documentId}/import{query}",
            new StringContent(file, new MediaTypeHeaderValue("application/json")));
    }

    /// <summary>Imports and asserts 200; returns the report.</summary>
    public static async Task<JsonElement> ImportAsync(this ApiUser user, int documentId, JsonNode file, string? visibility = null) =>
        await (await user.PostImportAsync(documentId, file.ToJsonString(), visibility)).JsonAsync(HttpStatusCode.OK);

    /// <summary>The report's counts as one string, easy to compare and to read when a test fails.</summary>
    public static string Counts(this JsonElement report) =>
        $"placed {report.GetProperty("placed").GetInt32()}, fuzzy {report.GetProperty("fuzzy").GetInt32()}, " +
        $"orphaned {report.GetProperty("orphaned").GetInt32()}, skipped {report.GetProperty("skipped").GetInt32()}, " +
        $"rejected {report.GetProperty("rejected").GetArrayLength()}";

    public static List<string> ImportedIris(this JsonElement report) =>
        report.GetProperty("imported").EnumerateArray().Select(i => i.GetString()!).ToList();

    /// <summary>The annotations of a collection by IRI.</summary>
    public static Dictionary<string, JsonElement> ItemsById(this JsonElement collection) =>
        collection.GetProperty("first").GetProperty("items").EnumerateArray().ToDictionary(i => i.Iri());

    public static string Exact(this JsonElement annotation) =>
        annotation.GetProperty("target").GetProperty("selector").EnumerateArray()
            .Single(s => s.GetProperty("type").GetString() == "TextQuoteSelector").GetProperty("exact").GetString()!;

    public static (int Start, int End) Position(this JsonElement annotation)
    {
        var position = annotation.GetProperty("target").GetProperty("selector").EnumerateArray()
            .Single(s => s.GetProperty("type").GetString() == "TextPositionSelector");
        return (position.GetProperty("start").GetInt32(), position.GetProperty("end").GetInt32());
    }

    public static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
