using System.Text.Json;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using static Annotate.Web.Features.Annotations.AnnotationJsonReader;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Reads one W3C Web Annotation (as Annotate and other tools export it) into an <see cref="ImportItem"/>.
/// Bodies and selectors are read exactly as the API reads what a client posts; unlike a post,
/// <c>target.source</c> may name any document (the import places the passage on this one by its quote),
/// and a reply's target is the id of another annotation in the same file.
/// </summary>
internal static class W3cImportReader
{
    public static ImportItem Read(JsonElement json, int index)
    {
        if (ImportItem.RejectShape(json, index, out var id) is { } notAnAnnotation) return notAnAnnotation;
        ImportItem Reject(string reason) => ImportItem.Rejected(index, id, reason);

        if (!TryMotivation(json, out var motivation)) return Reject(Words.Text("Import.FieldNotString", "motivation"));
        if (!TryString(json, "visibility", out var visibilityName)) return Reject(Words.Text("Import.FieldNotString", "visibility"));
        Visibility? visibility = null;
        if (visibilityName is not null)
        {
            if (!VisibilityNames.TryParse(visibilityName, out var named))
                return Reject(Words.Text("Import.UnknownVisibility", visibilityName, VisibilityNames.AllNames));
            visibility = named;
        }

        var (body, tags, bodyError) = ReadBody(json);
        if (bodyError is not null) return Reject(bodyError);
        // "bodyValue" is the W3C shorthand for one plain-text body.
        if (body.Length == 0 && TryString(json, "bodyValue", out var bodyValue) && bodyValue is not null) body = bodyValue;
        motivation ??= body.Length > 0 ? Motivations.Commenting : Motivations.Highlighting;

        var item = new ImportItem(index, id)
        {
            Motivation = motivation,
            Body = body,
            Tags = tags,
            Visibility = visibility,
            AttributedTo = Attribution(json),
            Created = TryString(json, "created", out var created) ? ImportFile.ParseTime(created) : null,
            Modified = TryString(json, "modified", out var modified) ? ImportFile.ParseTime(modified) : null,
        };

        if (!json.TryGetProperty("target", out var target) || target.ValueKind == JsonValueKind.Null)
            return Reject(Words.Text("Import.NoTarget"));
        if (target.ValueKind == JsonValueKind.Array)
        {
            if (target.GetArrayLength() != 1) return Reject(Words.Text("Import.SeveralTargets"));
            target = target[0];
        }

        if (motivation == Motivations.Replying)
        {
            var parent = target.ValueKind == JsonValueKind.String ? target.GetString()
                : target.ValueKind == JsonValueKind.Object && TryString(target, "id", out var targetId) ? targetId : null;
            return string.IsNullOrWhiteSpace(parent)
                ? Reject(Words.Text("Import.ReplyTarget"))
                : item with { ReplyTo = parent };
        }

        if (target.ValueKind != JsonValueKind.Object)
            return Reject(Words.Text("Import.NoSelector"));
        var (quote, position, selectorError) = ReadSelectors(target);
        return selectorError is not null ? Reject(selectorError) : item with { Quote = quote, Position = position };
    }

    /// <summary>JSON-LD allows a list of motivations; Annotate keeps one, the first.</summary>
    private static bool TryMotivation(JsonElement json, out string? motivation)
    {
        motivation = null;
        if (json.TryGetProperty("motivation", out var value) && value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() == 0) return true;
            if (value[0].ValueKind != JsonValueKind.String) return false;
            motivation = value[0].GetString();
            return true;
        }
        return TryString(json, "motivation", out motivation);
    }

    /// <summary>
    /// Who wrote it: Annotate's own "attributedTo" (an annotation imported before and exported again
    /// names its first writer there), else the creator's name, nickname or IRI.
    /// </summary>
    private static string? Attribution(JsonElement json)
    {
        if (TryString(json, "attributedTo", out var attributed) && !string.IsNullOrWhiteSpace(attributed)) return attributed.Trim();
        if (!json.TryGetProperty("creator", out var creator)) return null;
        if (creator.ValueKind == JsonValueKind.Array) creator = creator.GetArrayLength() > 0 ? creator[0] : default;
        if (creator.ValueKind == JsonValueKind.String) return NonEmpty(creator.GetString());
        if (creator.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in new[] { "name", "nickname", "id" })
            if (TryString(creator, name, out var value) && NonEmpty(value) is { } found) return found;
        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
