using System.Globalization;
using Annotate.Web.Features.Annotations;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Export;

/// <summary>How the human-readable formats name people and times, so that they all say the same.</summary>
public static class ExportText
{
    /// <summary>The author as readers know them; an imported annotation names who wrote it in the source.</summary>
    public static string Author(AnnotationView annotation) =>
        annotation.AttributedTo is { Length: > 0 } source ? L["Export.ImportedBy", source, annotation.AuthorName] : annotation.AuthorName;

    /// <summary>A moment in UTC to the minute, e.g. "2026-03-05 14:03 UTC".</summary>
    public static string Time(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A paragraph reference as the reading page shows it: "¶ 3", or where the thread is when it has no number.</summary>
    public static string Place(ExportThread thread) =>
        thread.Root.Orphan ? L["Export.Orphaned"] : thread.ParagraphNumber is { } number ? $"¶ {number}" : L["Export.Heading"];

    /// <summary>A file name for the export: ASCII letters and digits of the title, the date, the format's extension.</summary>
    public static string FileName(ExportContent content, ExportFormat format)
    {
        var name = FileNames.Slug(content.Title, fallback: $"document-{content.DocumentId}");
        return $"{name}-annotations-{content.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{format.Extension()}";
    }
}
