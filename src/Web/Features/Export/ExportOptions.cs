namespace Annotate.Web.Features.Export;

/// <summary>The <c>Export</c> section: how many printable exports (HTML, PDF: laid out page by page) run at once.</summary>
internal sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>Printable exports running at once on this server; the next ones wait.</summary>
    public int PrintableAtOnce { get; set; } = 2;

    /// <summary>How long a printable export waits for its turn before it is answered 429.</summary>
    public double PrintableWaitSeconds { get; set; } = 10;
}
