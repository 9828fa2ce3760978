using System.Text.Json;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Gathers the annotations of an import file from wherever its format keeps them, page after page, and
/// remembers what the file says it lacks: the W3C pages it links to (a collection's <c>first</c>, a page's
/// <c>next</c>) without holding them, and totals larger than what it holds (a collection's <c>total</c>, a
/// Hypothesis search's <c>total</c>, whose API answers 200 annotations at most per request).
/// </summary>
internal sealed class ImportPages
{
    /// <summary>How an item was found: in a W3C page or collection, in a Hypothesis search's rows, or on its own (its format decided by the file's first).</summary>
    public enum Source { Bare, W3c, Hypothesis }

    public readonly record struct Found(JsonElement Json, Source Source);

    private readonly HashSet<string> pageIds = new(StringComparer.Ordinal);
    private readonly List<string> links = [];
    private readonly HashSet<string> searchRows = new(StringComparer.Ordinal);
    private int collectionTotal = -1, collectionItems, searchTotal = -1, searchRowsWithoutId;

    public List<Found> Items { get; } = [];

    /// <summary>Why the file is no import at all (a part of it has the wrong shape); null while it is fine.</summary>
    public string? Error { get; private set; }

    /// <summary>The file's one value, when it is not a list: false when it is nothing an import knows.</summary>
    public bool TakeWhole(JsonElement value) => TakeKnown(value);

    /// <summary>
    /// A list of annotations, pages or searches (or one of several values written one after another): what is
    /// not a page, a search or a list is an item, which the readers reject if it is no annotation.
    /// </summary>
    public bool TakeList(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            if (!TakeKnown(value)) Items.Add(new Found(value, Source.Bare));
            return Error is null;
        }
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Array) TakeList(element);
            else if (!TakeKnown(element)) Items.Add(new Found(element, Source.Bare));
            if (Error is not null) return false;
        }
        return true;
    }

    /// <summary>The pages the file links to but does not hold, in the order they are linked.</summary>
    public IEnumerable<string> MissingPages() => links.Where(link => !pageIds.Contains(link)).Distinct(StringComparer.Ordinal);

    /// <summary>What the file is known to lack, as sentences for the importer; null when nothing says it lacks anything.</summary>
    public string? Incomplete()
    {
        var sentences = new List<string>();
        var missing = MissingPages().ToList();
        if (missing.Count > 0)
            sentences.Add(missing.Count == 1 ? Words.Text("Import.MorePagesOne", missing[0]) : Words.Text("Import.MorePagesMany", missing[0], missing.Count - 1));
        else if (collectionTotal > collectionItems)
            sentences.Add(Words.Text("Import.CollectionPartial", collectionTotal, collectionItems));
        if (searchTotal > searchRows.Count + searchRowsWithoutId)
            sentences.Add(Words.Text("Import.SearchPartial", searchTotal, searchRows.Count + searchRowsWithoutId));
        if (sentences.Count == 0) return null;
        sentences.Add(Words.Text("Import.SkippedThen"));
        return string.Join(' ', sentences);
    }

    /// <summary>A search answer, collection, page or annotation: taken, and true; anything else: false.</summary>
    private bool TakeKnown(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return false;
        if (value.TryGetProperty("rows", out var rows)) TakeSearch(value, rows);
        else if (HasType(value, "AnnotationCollection")) TakeCollection(value);
        else if (HasType(value, "AnnotationPage")) TakePage(value);
        else if (HasType(value, "Annotation") || value.TryGetProperty("target", out _) || HypothesisImportReader.Recognises(value)) Items.Add(new Found(value, Source.Bare));
        else return false;
        return true;
    }

    private void TakeCollection(JsonElement collection)
    {
        collectionTotal = Math.Max(collectionTotal, Total(collection));
        if (collection.TryGetProperty("first", out var first))
        {
            if (first.ValueKind == JsonValueKind.Object) TakePage(first);
            else if (first.ValueKind == JsonValueKind.String) links.Add(first.GetString()!);
        }
        TakeItems(collection);
    }

    /// <summary>A page's items, then its <c>next</c>: embedded (taken too) or an address (another value of the file should be that page).</summary>
    private void TakePage(JsonElement page)
    {
        if (page.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) pageIds.Add(id.GetString()!);
        TakeItems(page);
        if (!page.TryGetProperty("next", out var next)) return;
        if (next.ValueKind == JsonValueKind.Object) TakePage(next);
        else if (next.ValueKind == JsonValueKind.String) links.Add(next.GetString()!);
    }

    private void TakeItems(JsonElement page)
    {
        if (!page.TryGetProperty("items", out var items)) return;
        if (items.ValueKind != JsonValueKind.Array)
        {
            Error ??= Words.Text("Import.ItemsNotList");
            return;
        }
        foreach (var item in items.EnumerateArray())
        {
            Items.Add(new Found(item, Source.W3c));
            collectionItems++;
        }
    }

    /// <summary>A Hypothesis search answer: its rows, and its replies when it was asked for them apart (<c>_separate_replies</c>).</summary>
    private void TakeSearch(JsonElement search, JsonElement rows)
    {
        if (rows.ValueKind != JsonValueKind.Array)
        {
            Error ??= Words.Text("Import.RowsNotList");
            return;
        }
        searchTotal = Math.Max(searchTotal, Total(search));
        foreach (var row in rows.EnumerateArray())
        {
            Items.Add(new Found(row, Source.Hypothesis));
            // Pages asked for by offset can overlap when annotations were added meanwhile: a row counts once.
            if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) searchRows.Add(id.GetString()!);
            else searchRowsWithoutId++;
        }
        if (search.TryGetProperty("replies", out var replies) && replies.ValueKind == JsonValueKind.Array)
            foreach (var reply in replies.EnumerateArray()) Items.Add(new Found(reply, Source.Hypothesis));
    }

    private static int Total(JsonElement container) =>
        container.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var value) ? value : -1;

    /// <summary>JSON-LD allows "type" to be one name or a list of them.</summary>
    private static bool HasType(JsonElement json, string type) =>
        json.TryGetProperty("type", out var value) && (value.ValueKind == JsonValueKind.String
            ? value.GetString() == type
            : value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == type));
}
