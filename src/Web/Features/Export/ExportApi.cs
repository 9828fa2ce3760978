using System.Security.Claims;
using Annotate.Web.RateLimiting;

namespace Annotate.Web.Features.Export;

internal static class ExportApi
{
    public static void MapExportApi(this IEndpointRouteBuilder routes)
    {
        // Members of the document's seminar; the file holds only what the visibility rule lets the caller see.
        routes.MapGet("/api/documents/{documentId:int}/export", ExportAsync)
            .RequireAuthorization()
            .WithTags("Export")
            .WithName("ExportDocument")
            .WithSummary("Downloads the document's discussion as JSON-LD, CSV, Markdown, printable HTML or PDF, optionally filtered.")
            .WithRateLimit(RateLimitPolicy.Export);
    }

    private static async Task<IResult> ExportAsync(int documentId, HttpRequest request, ClaimsPrincipal user, ExportService export, PrintableSlots printing)
    {
        var (exportRequest, error) = ExportRequest.Parse(request.Query);
        if (exportRequest is null) return Problems.BadRequest(error!);

        var cancellationToken = request.HttpContext.RequestAborted;
        if (exportRequest.Format is ExportFormat.Html or ExportFormat.Pdf)
        {
            // Held until the response is written out, not just until this handler returns.
            if (await printing.TryTakeAsync(cancellationToken) is not { } turn) return new TooManyRequests(PrintableSlots.Busy, printing.RetryAfter);
            request.HttpContext.Response.RegisterForDispose(turn);
        }
        var result = await export.BuildAsync(user.UserId(), documentId, exportRequest.Filter, cancellationToken);
        if (result.Value is not { } content) return Problems.For(result.Problem!);

        var origin = request.Origin();
        var collectionId = $"{origin}/api/documents/{documentId}/export?{exportRequest.ToQueryString()}";
        var format = exportRequest.Format;
        // The API's rule plus the page's own styles (frame-ancestors counts only in a header, not in the file's meta element).
        if (format == ExportFormat.Html)
            request.HttpContext.Response.Headers.ContentSecurityPolicy = PrintableExport.ContentSecurityPolicy + "; frame-ancestors 'none'";
        // Written straight to the response as it is produced; nothing holds the whole file.
        return TypedResults.Stream(output => format switch
            {
                ExportFormat.JsonLd => JsonLdExport.WriteAsync(content, output, origin, collectionId, cancellationToken),
                ExportFormat.Csv => CsvExport.WriteAsync(content, output, cancellationToken),
                ExportFormat.Markdown => MarkdownExport.WriteAsync(content, output, cancellationToken),
                ExportFormat.Html => PrintableExport.WriteHtmlAsync(content, output, exportRequest.Paper, cancellationToken),
                ExportFormat.Pdf => PdfExport.WriteAsync(content, output, exportRequest.Paper, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(request), format, "Unknown export format."),
            },
            format.ContentType(),
            ExportText.FileName(content, format));
    }
}
