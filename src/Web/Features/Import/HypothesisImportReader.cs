using System.Text.Json;
using Annotate.Shared;
using Annotate.Shared.W3c;
using static Annotate.Web.Features.Annotations.AnnotationJsonReader;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Reads one annotation of the Hypothesis API (a row of <c>/api/search</c>) into an <see cref="ImportItem"/>:
/// <c>text</c> is the comment, <c>tags</c> the tags, <c>target[0].selector</c> the passage (quote and
/// position; range selectors mean nothing in plain text), and <c>references</c> the ancestors of a reply,
/// the last one its direct parent. A note only its writer could read there stays private here.
/// </summary>
internal static class HypothesisImportReader
{
    /// <summary>Whether an object looks like a Hypothesis annotation rather than a W3C one.</summary>
    public static bool Recognises(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && !json.TryGetProperty("type", out _)
        && (json.TryGetProperty("user", out _) || json.TryGetProperty("uri", out _) || json.TryGetProperty("references", out _));

    public static ImportItem Read(JsonElement json, int index)
    {
        if (ImportItem.RejectShape(json, index, out var id) is { } notAnAnnotation) return notAnAnnotation;
        ImportItem Reject(string reason) => ImportItem.Rejected(index, id, reason);

        if (!TryString(json, "text", out var text)) return Reject(Words.Text("Import.FieldNotString", "text"));
        if (!TryStrings(json, "tags", out var tags)) return Reject(Words.Text("Import.TagsNotStrings"));
        if (!TryStrings(json, "references", out var references)) return Reject(Words.Text("Import.ReferencesNotIds"));
        var body = text ?? "";

        var item = new ImportItem(index, id)
        {
            Body = body,
            Tags = tags.Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
            AttributedTo = Attribution(json),
            Created = TryString(json, "created", out var created) ? ImportFile.ParseTime(created) : null,
            Modified = TryString(json, "updated", out var updated) ? ImportFile.ParseTime(updated) : null,
            Visibility = OnlyItsWriterCouldRead(json) ? Visibility.Private : null,
        };

        if (references.Count > 0)
            return item with { Motivation = Motivations.Replying, ReplyTo = references[^1] };

        item = item with { Motivation = body.Trim().Length > 0 ? Motivations.Commenting : Motivations.Highlighting };
        if (!json.TryGetProperty("target", out var targets) || targets.ValueKind != JsonValueKind.Array || targets.GetArrayLength() == 0
            || targets[0].ValueKind != JsonValueKind.Object)
            return Reject(Words.Text("Import.PageNote"));
        var (quote, position, selectorError) = ReadSelectors(targets[0]);
        return selectorError is not null ? Reject(selectorError) : item with { Quote = quote, Position = position };
    }

    /// <summary>The display name, else the account without its "acct:" scheme.</summary>
    private static string? Attribution(JsonElement json)
    {
        if (json.TryGetProperty("user_info", out var info) && info.ValueKind == JsonValueKind.Object
            && TryString(info, "display_name", out var displayName) && !string.IsNullOrWhiteSpace(displayName))
            return displayName.Trim();
        if (TryString(json, "user", out var user) && !string.IsNullOrWhiteSpace(user))
            return user.StartsWith("acct:", StringComparison.Ordinal) ? user["acct:".Length..] : user;
        return null;
    }

    /// <summary>Hypothesis shares with a group ("group:…") or keeps a note to its writer ("acct:…" only).</summary>
    private static bool OnlyItsWriterCouldRead(JsonElement json) =>
        json.TryGetProperty("permissions", out var permissions) && permissions.ValueKind == JsonValueKind.Object
        && permissions.TryGetProperty("read", out var read) && read.ValueKind == JsonValueKind.Array
        && !read.EnumerateArray().Any(r => r.ValueKind == JsonValueKind.String && r.GetString()!.StartsWith("group:", StringComparison.Ordinal));

    private static bool TryStrings(JsonElement json, string name, out List<string> values)
    {
        values = [];
        if (!json.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null) return true;
        if (property.ValueKind != JsonValueKind.Array) return false;
        foreach (var value in property.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String) return false;
            values.Add(value.GetString()!);
        }
        return true;
    }
}
