namespace Annotate.Web.Features.Export;

/// <summary>What each <see cref="ExportFormat"/> is called in URLs and menus, its file extension and media type.</summary>
public static class ExportFormats
{
    public static IReadOnlyList<ExportFormat> All { get; } = Enum.GetValues<ExportFormat>();

    /// <summary>The value of <c>format=</c> in the export URL.</summary>
    public static string Name(this ExportFormat format) => format switch
    {
        ExportFormat.JsonLd => "jsonld",
        _ => format.ToString().ToLowerInvariant(),
    };

    /// <summary>What a person sees in the Export menu.</summary>
    public static string Label(this ExportFormat format) => format switch
    {
        ExportFormat.JsonLd => "Web Annotation (JSON-LD)",
        ExportFormat.Csv => "Spreadsheet (CSV)",
        ExportFormat.Markdown => "Markdown",
        ExportFormat.Html => "Printable page (HTML)",
        ExportFormat.Pdf => "PDF",
        _ => format.ToString(),
    };

    public static string Extension(this ExportFormat format) => format switch
    {
        ExportFormat.JsonLd => ".jsonld",
        ExportFormat.Markdown => ".md",
        _ => "." + format.Name(),
    };

    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.JsonLd => "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Markdown => "text/markdown; charset=utf-8",
        ExportFormat.Html => "text/html; charset=utf-8",
        ExportFormat.Pdf => "application/pdf",
        _ => "application/octet-stream",
    };

    /// <summary>Only the printable formats have pages, so only they use a paper size.</summary>
    public static bool IsPrintable(this ExportFormat format) => format is ExportFormat.Html or ExportFormat.Pdf;

    public static bool TryParse(string? name, out ExportFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }

    public static string AllNames => string.Join(", ", All.Select(f => f.Name()));
}
