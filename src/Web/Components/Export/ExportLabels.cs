using Annotate.Web.Features.Export;
using Annotate.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Annotate.Web.Components.Export;

/// <summary>What each export format is called in the Export menu and dialog, in the reader's language.</summary>
internal static class ExportLabels
{
    public static string Of(IStringLocalizer<Strings> L, ExportFormat format) => format switch
    {
        ExportFormat.JsonLd => L["Export.FormatJsonLd"],
        ExportFormat.Csv => L["Export.FormatCsv"],
        ExportFormat.Markdown => L["Export.FormatMarkdown"],
        ExportFormat.Html => L["Export.FormatHtml"],
        ExportFormat.Pdf => L["Export.FormatPdf"],
        _ => format.Label(),
    };
}
