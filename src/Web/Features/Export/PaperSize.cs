namespace Annotate.Web.Features.Export;

/// <summary>The sheet the printable formats (HTML for printing, PDF) lay their pages out for.</summary>
public enum PaperSize
{
    A4,
    Letter,
}
