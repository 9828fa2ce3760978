using Annotate.Web.Resources;
using System.Text.Json;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Reads a W3C annotation sent by a client into an <see cref="AnnotationDraft"/>, or says in one
/// sentence what is wrong with it. Nothing here touches the database.
/// </summary>
public static class AnnotationJsonReader
{
    public static (AnnotationDraft? Draft, string? Error) Read(JsonElement json, string origin, int documentId)
    {
        if (json.ValueKind != JsonValueKind.Object)
            return Fail(Words.Text("Problem.JsonBodyNotObject"));

        if (!TryString(json, "motivation", out var motivation)) return Fail("\"motivation\" must be a string.");
        if (!TryString(json, "visibility", out var visibilityName)) return Fail("\"visibility\" must be a string.");
        Visibility? visibility = null;
        if (visibilityName is not null)
        {
            if (!VisibilityNames.TryParse(visibilityName, out var named))
                return Fail(Words.Text("Problem.JsonUnknownVisibility", visibilityName, VisibilityNames.AllNames));
            visibility = named;
        }

        if (!TryString(json, "addressee", out var addresseeIri)) return Fail("\"addressee\" must be the id (IRI) of the student the feedback is for.");
        var addressee = addresseeIri is null ? null : UserIdFromIri(addresseeIri);
        if (addresseeIri is not null && addressee is null) return Fail("\"addressee\" must be the id (IRI) of the student the feedback is for.");

        var (body, tags, bodyError) = ReadBody(json);
        if (bodyError is not null) return Fail(bodyError);

        motivation ??= body.Length > 0 ? Motivations.Commenting : Motivations.Highlighting;
        if (AnnotationRules.CheckMotivation(motivation) is { } motivationError) return Fail(motivationError);

        if (!json.TryGetProperty("target", out var target) || target.ValueKind == JsonValueKind.Null)
            return Fail(Words.Text("Problem.JsonNoTarget"));
        if (target.ValueKind == JsonValueKind.Array)
        {
            if (target.GetArrayLength() != 1) return Fail(Words.Text("Problem.JsonOneTarget"));
            target = target[0];
        }

        // A reply targets the annotation it answers: "replying", or "assessing" for a teacher's feedback in a thread.
        var targetIri = target.ValueKind == JsonValueKind.String ? target.GetString()
            : target.ValueKind == JsonValueKind.Object && !target.TryGetProperty("selector", out _) && TryString(target, "id", out var id) ? id : null;
        if (motivation == Motivations.Replying || (motivation == Motivations.Assessing && targetIri is not null))
        {
            if (targetIri is null || !TryParseAnnotationIri(targetIri, out var parentId))
                return Fail(Words.Text("Problem.JsonReplyTarget"));
            return (new AnnotationDraft(motivation, visibility, body, tags, ReplyTo: parentId, AddresseeId: addressee), null);
        }

        if (target.ValueKind != JsonValueKind.Object)
            return Fail("\"target\" must be an object with a \"source\" and a \"selector\".");
        if (TryString(target, "source", out var source) && source is not null
            && !string.Equals(source.TrimEnd('/'), AnnotationJsonWriter.DocumentIri(origin, documentId), StringComparison.OrdinalIgnoreCase)
            && !source.TrimEnd('/').EndsWith($"/documents/{documentId}", StringComparison.Ordinal))
            return Fail($"target.source names another document; this one is {AnnotationJsonWriter.DocumentIri(origin, documentId)}.");

        var (quote, position, selectorError) = ReadSelectors(target);
        if (selectorError is not null) return Fail(selectorError);
        return (new AnnotationDraft(motivation, visibility, body, tags, quote, position, AddresseeId: addressee), null);
    }

    /// <summary>A user's id from the IRI we hand out (<c>{origin}/api/users/{id}</c>), a relative one, or the bare id.</summary>
    private static string? UserIdFromIri(string iri)
    {
        var trimmed = iri.Trim().TrimEnd('/');
        var marker = trimmed.LastIndexOf("/api/users/", StringComparison.Ordinal);
        var id = marker >= 0 ? trimmed[(marker + "/api/users/".Length)..] : trimmed;
        return id.Length == 0 || id.Contains('/') ? null : id;
    }

    /// <summary>Accepts the absolute IRI we hand out, a relative one, or the bare id.</summary>
    public static bool TryParseAnnotationIri(string iri, out Guid id)
    {
        var last = iri.TrimEnd('/');
        var slash = last.LastIndexOf('/');
        return Guid.TryParse(slash >= 0 ? last[(slash + 1)..] : last, out id)
            && (slash < 0 || last[..slash].EndsWith("/annotations", StringComparison.Ordinal));
    }

    /// <summary>The comment and tags of a W3C body (one TextualBody or an array); the import reads bodies the same way.</summary>
    internal static (string Body, List<string> Tags, string? Error) ReadBody(JsonElement json)
    {
        var tags = new List<string>();
        var comment = "";
        if (!json.TryGetProperty("body", out var body) || body.ValueKind == JsonValueKind.Null) return (comment, tags, null);
        var bodies = body.ValueKind switch
        {
            JsonValueKind.Array => body.EnumerateArray().ToList(),
            JsonValueKind.Object => [body],
            _ => null,
        };
        if (bodies is null) return (comment, tags, "\"body\" must be a TextualBody object or an array of them.");
        foreach (var item in bodies)
        {
            if (item.ValueKind != JsonValueKind.Object) return (comment, tags, Words.Text("Problem.JsonBodyObject"));
            if (!TryString(item, "value", out var value) || value is null) return (comment, tags, Words.Text("Problem.JsonBodyValue"));
            TryString(item, "purpose", out var purpose);
            if (purpose == "tagging")
            {
                if (value.Trim().Length > 0) tags.Add(value.Trim());
            }
            else if (comment.Length == 0) comment = value;
            else return (comment, tags, Words.Text("Problem.JsonOneComment"));
        }
        return (comment, tags, null);
    }

    /// <summary>The quote and position selectors of a target; other selector types are ignored.</summary>
    internal static (TextQuoteSelector? Quote, TextPositionSelector? Position, string? Error) ReadSelectors(JsonElement target)
    {
        if (!target.TryGetProperty("selector", out var selector) || selector.ValueKind == JsonValueKind.Null)
            return (null, null, Words.Text("Problem.JsonNoSelector"));
        var selectors = selector.ValueKind == JsonValueKind.Array ? selector.EnumerateArray().ToList() : [selector];
        TextQuoteSelector? quote = null;
        TextPositionSelector? position = null;
        foreach (var item in selectors)
        {
            if (item.ValueKind != JsonValueKind.Object || !TryString(item, "type", out var type))
                return (null, null, Words.Text("Problem.JsonSelectorObject"));
            switch (type)
            {
                case "TextQuoteSelector":
                    if (!TryString(item, "exact", out var exact) || string.IsNullOrEmpty(exact))
                        return (null, null, Words.Text("Problem.JsonQuoteExact"));
                    if (!TryString(item, "prefix", out var prefix) || !TryString(item, "suffix", out var suffix))
                        return (null, null, Words.Text("Problem.JsonQuoteContext"));
                    quote = new TextQuoteSelector(exact, prefix ?? "", suffix ?? "");
                    break;
                case "TextPositionSelector":
                    if (!TryInt(item, "start", out var start) || !TryInt(item, "end", out var end))
                        return (null, null, Words.Text("Problem.JsonPositionNumbers"));
                    if (start < 0 || end <= start)
                        return (null, null, Words.Text("Problem.JsonPositionOrder"));
                    position = new TextPositionSelector(start, end);
                    break;
                // Other selector types (CSS, XPath, ...) mean nothing in a plain text; ignore them.
            }
        }
        if (quote is null && position is null)
            return (null, null, Words.Text("Problem.JsonNoKnownSelector"));
        return (quote, position, null);
    }

    internal static bool TryString(JsonElement json, string name, out string? value)
    {
        value = null;
        if (!json.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null) return true;
        if (property.ValueKind != JsonValueKind.String) return false;
        value = property.GetString();
        return true;
    }

    private static bool TryInt(JsonElement json, string name, out int value)
    {
        value = 0;
        return json.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.Number && property.TryGetInt32(out value);
    }

    private static (AnnotationDraft?, string?) Fail(string error) => (null, error);
}
