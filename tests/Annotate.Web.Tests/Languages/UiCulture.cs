using System.Globalization;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// Draws in a language for the length of a <c>using</c>: the culture of the formats and of the resources, as the
/// request localization gives a page, then back to what it was (other tests on this thread expect English).
/// </summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    private UiCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public static UiCulture Vietnamese() => new("vi");

    public static UiCulture English() => new("en");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
