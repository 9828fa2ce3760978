using System.Globalization;
using System.Text.Json;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Tells what kind of file an import is and lists its annotations: W3C (an AnnotationCollection with its
/// items in <c>items</c> or in embedded pages, an AnnotationPage, an annotation or a list of them) or
/// Hypothesis API JSON (a search answer with <c>rows</c>, or a list of Hypothesis annotations). A file may
/// hold several of these one after another (in a JSON array, or simply written one after the other), so a
/// collection exported page by page, or a Hypothesis search saved page by page, comes in whole.
/// Nothing is ever fetched: a page the file only links to is reported (<see cref="Contents.Incomplete"/>),
/// never requested from the server, which would let a file make the server call any address.
/// A file that is none of these is refused whole; an item that makes no sense is rejected alone.
/// </summary>
internal static class ImportFile
{
    public const int MaxAnnotations = 10_000;

    /// <summary>The file's annotations, or why it is no import at all; <paramref name="Incomplete"/> says what it is known to lack.</summary>
    public sealed record Contents(List<ImportItem>? Items, string? Error, string? Incomplete = null);

    /// <param name="values">The file's top-level JSON values: usually one; several when pages were saved one after another.</param>
    public static Contents Read(IReadOnlyList<JsonElement> values)
    {
        var found = new ImportPages();
        if (values.Count == 1 && values[0].ValueKind != JsonValueKind.Array)
        {
            if (!found.TakeWhole(values[0])) return new Contents(null, found.Error ?? Words.Text("Import.NotAnImport"));
        }
        else
        {
            foreach (var value in values)
                if (!found.TakeList(value)) return new Contents(null, found.Error);
        }
        if (found.Error is { } error) return new Contents(null, error);
        if (found.Items.Count == 0 && found.MissingPages().FirstOrDefault() is { } onlyLink)
            return new Contents(null,
                Words.Text("Import.OnlyLinks", onlyLink));
        if (found.Items.Count > MaxAnnotations)
            return new Contents(null, Words.Text("Import.TooMany", found.Items.Count, MaxAnnotations));

        var hypothesisBare = HypothesisImportReader.Recognises(found.Items.FirstOrDefault(i => i.Source == ImportPages.Source.Bare && i.Json.ValueKind == JsonValueKind.Object).Json);
        var items = found.Items.Select((item, index) => item.Source == ImportPages.Source.Hypothesis || (item.Source == ImportPages.Source.Bare && hypothesisBare)
            ? HypothesisImportReader.Read(item.Json, index)
            : W3cImportReader.Read(item.Json, index)).ToList();
        return new Contents(items, null, found.Incomplete());
    }

    /// <summary>A time the source gave, or null when it gives none that can be read.</summary>
    public static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
