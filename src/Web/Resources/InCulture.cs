using System.Globalization;

namespace Annotate.Web.Resources;

/// <summary>
/// Words, dates and numbers in another culture until disposed: a mail speaks its recipient's language, whoever's
/// request or which worker sends it. Both cultures go back to what they were.
/// </summary>
internal readonly struct InCulture : IDisposable
{
    private readonly CultureInfo culture;
    private readonly CultureInfo uiCulture;

    public InCulture(CultureInfo language)
    {
        culture = CultureInfo.CurrentCulture;
        uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = language;
        CultureInfo.CurrentUICulture = language;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
