using Annotate.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Export;

/// <summary>
/// The words of the readable exports (headings, labels, CSV headers, the PDF) in the language of the person exporting:
/// the app's resources looked up in the culture of the request being answered (the request localisation middleware
/// sets it, and it flows through every await of the export). The static writers use this one localizer, so a format
/// needs no service to speak the reader's language; the JSON-LD's property names are the W3C model's and never change.
/// </summary>
internal static class ExportWords
{
    public static IStringLocalizer<Strings> L { get; } = new StringLocalizer<Strings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
