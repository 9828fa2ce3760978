namespace Annotate.Web.Features.Export;

// TEMPORARY stand-ins so this branch compiles before the printable formats are merged: the real
// PrintableExport and PdfExport come from the printable-formats branch. Delete this file at that merge.

public static class PrintableExport
{
    public static Task WriteHtmlAsync(ExportContent content, Stream output, PaperSize paper, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The printable HTML export is not merged into this build yet.");
}

public static class PdfExport
{
    public static Task WriteAsync(ExportContent content, Stream output, PaperSize paper, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The PDF export is not merged into this build yet.");
}
