using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Resources;

/// <summary>
/// The app's words for static helpers that cannot be handed a localizer: the render fragments that draw a time and a
/// visibility's name for cards of every area. The same resources as <c>IStringLocalizer&lt;Strings&gt;</c>, read in the
/// culture of the call (the request's or circuit's), so they speak the page's language. Components inject theirs.
/// </summary>
internal static class StaticStrings
{
    public static IStringLocalizer L { get; } =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Strings));
}
