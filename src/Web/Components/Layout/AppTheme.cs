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
            // MudBlazor's 54 % black gives 4.48:1 on our paper background, just under WCAG AA (4.5:1).
            TextSecondary = "rgba(0,0,0,0.6)",
            // MudBlazor's #f44336 is 3.7:1 on white: too faint for the text of a Delete button.
            Error = "#c62828",
            // Feedback's colour; MudBlazor's teal is 2:1 on white. These three reach 4.5:1 as text and under white text.
            Tertiary = "#1f6f5c",
            Warning = "#9a5b00",
            Success = "#2e7d32",
            // MudBlazor's #2196f3 is 3.1:1 as the text of an info alert on its own tint; this keeps 4.5:1 there.
            Info = "#0b5394",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8fb8e0",
            Secondary = "#e0a98f",
            AppbarBackground = "#1b2733",
            Background = "#15191d",
            Surface = "#1f252b",
            // White on these light primaries is 2:1; dark text on them is over 7:1.
            PrimaryContrastText = "#10263b",
            SecondaryContrastText = "#2a140a",
            Tertiary = "#7fd1bd",
            TertiaryContrastText = "#0c2a22",
        },
    };
}
