namespace Annotate.Web.Features.Export;

public enum PaperSize { A4, Letter }
