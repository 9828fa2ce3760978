using System.Globalization;
using System.Text.Json;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Tells what kind of file an import is and lists its annotations: a W3C AnnotationCollection (items
/// embedded in <c>first.items</c> or <c>items</c>), an AnnotationPage, an array of W3C annotations or a
/// single one; or Hypothesis API JSON (an object with <c>rows</c>, or an array of Hypothesis annotations).
/// A file that is none of these is refused whole; an item that makes no sense is rejected alone.
/// </summary>
internal static class ImportFile
{
    public const int MaxAnnotations = 10_000;

    private const string NotAnImport =
        "The file is neither W3C Web Annotation JSON-LD (an AnnotationCollection, an AnnotationPage, an annotation or a list of them) nor Hypothesis API JSON (an object with \"rows\", or a list of Hypothesis annotations).";

    public static (List<ImportItem>? Items, string? Error) Read(JsonElement root)
    {
        var (elements, hypothesis, error) = Locate(root);
        if (elements is null) return (null, error);
        if (elements.Count > MaxAnnotations)
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"The file holds {elements.Count:N0} annotations; import at most {MaxAnnotations:N0} at a time (split the file)."));
        var items = elements.Select((element, index) => hypothesis
            ? HypothesisImportReader.Read(element, index)
            : W3cImportReader.Read(element, index)).ToList();
        return (items, null);
    }

    /// <summary>A time the source gave, or null when it gives none that can be read.</summary>
    public static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static (List<JsonElement>? Elements, bool Hypothesis, string? Error) Locate(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            var elements = root.EnumerateArray().ToList();
            // One file, one format: the first annotation in it decides.
            var first = elements.FirstOrDefault(e => e.ValueKind == JsonValueKind.Object);
            return (elements, HypothesisImportReader.Recognises(first), null);
        }
        if (root.ValueKind != JsonValueKind.Object) return (null, false, NotAnImport);

        if (root.TryGetProperty("rows", out var rows))
            return rows.ValueKind == JsonValueKind.Array
                ? (rows.EnumerateArray().ToList(), true, null)
                : (null, false, "\"rows\" must be the list of Hypothesis annotations.");

        if (HasType(root, "AnnotationCollection"))
        {
            if (root.TryGetProperty("first", out var first) && first.ValueKind == JsonValueKind.Object)
                return ItemsOf(first);
            if (root.TryGetProperty("items", out _)) return ItemsOf(root);
            if (first.ValueKind == JsonValueKind.String)
                return (null, false, "The collection only links to its pages (\"first\" is an address); export it with the annotations embedded in \"first.items\".");
            return ([], false, null);
        }
        if (HasType(root, "AnnotationPage")) return ItemsOf(root);
        if (HasType(root, "Annotation") || root.TryGetProperty("target", out _)) return ([root], false, null);
        if (HypothesisImportReader.Recognises(root)) return ([root], true, null);
        return (null, false, NotAnImport);
    }

    private static (List<JsonElement>?, bool, string?) ItemsOf(JsonElement page) =>
        !page.TryGetProperty("items", out var items) ? ([], false, null)
        : items.ValueKind == JsonValueKind.Array ? (items.EnumerateArray().ToList(), false, null)
        : (null, false, "\"items\" must be the list of annotations.");

    /// <summary>JSON-LD allows "type" to be one name or a list of them.</summary>
    private static bool HasType(JsonElement json, string type) =>
        json.TryGetProperty("type", out var value) && (value.ValueKind == JsonValueKind.String
            ? value.GetString() == type
            : value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == type));
}
