using System.Globalization;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// The gradebook CSVs (participation, seminar dashboard): numbers and times as every spreadsheet reads them, and the
/// download as a browser saves it.
/// </summary>
internal static class Gradebook
{
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Writes the CSV as an attachment named <paramref name="fileName"/> (already a safe slug).</summary>
    public static async Task<IResult> ServeCsvAsync(HttpContext context, string fileName, Func<Stream, CancellationToken, Task> write)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await write(context.Response.Body, context.RequestAborted);
        return Results.Empty;
    }
}
