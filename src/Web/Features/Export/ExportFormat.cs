namespace Annotate.Web.Features.Export;

/// <summary>The formats a document's discussion can be exported in.</summary>
public enum ExportFormat
{
    /// <summary>W3C Web Annotation JSON-LD: an AnnotationCollection, for other annotation tools.</summary>
    JsonLd,
    /// <summary>One row per annotation, for spreadsheets.</summary>
    Csv,
    /// <summary>The discussion as readable text, passages quoted, threads nested.</summary>
    Markdown,
    /// <summary>A page laid out for printing.</summary>
    Html,
    Pdf,
}
