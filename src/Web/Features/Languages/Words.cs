using Annotate.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Languages;

/// <summary>
/// The app's words for code that is not a component and has no services: the export writers (headings, labels, CSV
/// headers, the PDF) and the document importer's refusals. The resources are looked up in the culture of the request
/// being answered (the request localisation middleware sets it, and it flows through every await and task of the
/// request), so a static writer speaks the language of the person it answers without being handed a localizer.
/// </summary>
internal static class Words
{
    public static IStringLocalizer<Strings> L { get; } = new StringLocalizer<Strings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
