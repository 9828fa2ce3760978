using MudBlazor;

namespace Annotate.Web.Components.Layout;

/// <summary>Colours and type for reading: a calm palette and a serif for the article (set in app.css).</summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5d8a",
            Secondary = "#8a4b2f",
            AppbarBackground = "#23415f",
            Background = "#fbfaf7",
            Surface = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8fb8e0",
            Secondary = "#e0a98f",
            AppbarBackground = "#1b2733",
            Background = "#15191d",
            Surface = "#1f252b",
        },
    };
}
