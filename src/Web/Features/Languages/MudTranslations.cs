using Annotate.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Annotate.Web.Features.Languages;

/// <summary>
/// MudBlazor's own words (a dialog's close button, a pager's "Next page") in the app's resources, under MudBlazor's
/// keys (<c>MudDialog_Close</c>). MudBlazor asks only for languages other than English, and keeps its English for a
/// key the resources lack.
/// </summary>
internal sealed class MudTranslations(IStringLocalizer<Strings> strings) : MudLocalizer
{
    public override LocalizedString this[string key] => strings[key];

    public override LocalizedString this[string key, params object[] arguments] => strings[key, arguments];
}
