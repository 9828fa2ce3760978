using System.Globalization;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// The background a tag's colour gives a highlight when the reading page colours highlights by tag (issue 14). A
/// teacher may give a tag any colour through the API (#ffff00, #000000, #0000ff …), while the text over a highlight
/// is fixed per theme (near-black in the light one, white in the dark one; app.css), so the colour is never used as
/// it is: it is mixed with white in the light theme and with the dark page in the dark one, as strongly as the text
/// still keeps 4.5:1 on it (WCAG 1.4.3). The backgrounds are opaque, so overlapping highlights (flat marks, never
/// nested) show exactly these colours: a passage where threads meet takes the stronger tint, a lone one a paler tint
/// of the same colour, so depth still shows.
/// </summary>
internal static class TagTint
{
    public const double MinimumContrast = 4.5;

    /// <summary>A lone highlight's tint is this share of the strength the overlapping one has.</summary>
    private const double LoneShare = 0.55;

    /// <summary>The light theme's text over highlights, and the white its tints mix with.</summary>
    public static readonly Rgb LightText = new(0x1f, 0x1f, 0x1f);
    private static readonly Rgb White = new(0xff, 0xff, 0xff);

    /// <summary>The dark theme's text over highlights (white), and its page (AppTheme's dark Background), which its tints mix with.</summary>
    public static readonly Rgb DarkText = White;
    private static readonly Rgb DarkPage = new(0x15, 0x19, 0x1d);

    /// <summary>The tints of a tag colour ("#rrggbb") in one theme: for a lone highlight and for overlapping ones.</summary>
    public readonly record struct Tints(Rgb Lone, Rgb Overlapping);

    /// <summary>In the light theme the colour may be used whole when dark text stays readable on it (the palette's pastels).</summary>
    public static Tints Light(Rgb colour) => TintsOf(colour, White, LightText, strongest: 1.0);

    /// <summary>In the dark theme a colour is mixed with the page at most 60:40, so that it reads as a highlight, not a patch of paint.</summary>
    public static Tints Dark(Rgb colour) => TintsOf(colour, DarkPage, DarkText, strongest: 0.6);

    private static Tints TintsOf(Rgb colour, Rgb paper, Rgb text, double strongest)
    {
        var overlapping = Strength(colour, paper, text, strongest);
        var lone = Strength(colour, paper, text, overlapping * LoneShare);
        return new Tints(Mix(colour, paper, lone), Mix(colour, paper, overlapping));
    }

    /// <summary>
    /// The largest strength up to <paramref name="wanted"/> (in hundredths) at which the text keeps 4.5:1 on the mix. The
    /// paper itself (strength 0) always does, so there is always one; the steps are checked on the rounded colour the
    /// page will show, not on an ideal one.
    /// </summary>
    private static double Strength(Rgb colour, Rgb paper, Rgb text, double wanted)
    {
        for (var hundredths = (int)Math.Floor(wanted * 100); hundredths > 0; hundredths--)
            if (Contrast(Mix(colour, paper, hundredths / 100.0), text) >= MinimumContrast) return hundredths / 100.0;
        return 0;
    }

    /// <summary><paramref name="strength"/> of the colour and the rest of the paper, channel by channel, rounded.</summary>
    public static Rgb Mix(Rgb colour, Rgb paper, double strength)
    {
        static byte Channel(byte c, byte p, double s) => (byte)Math.Round(c * s + p * (1 - s), MidpointRounding.AwayFromZero);
        return new Rgb(Channel(colour.R, paper.R, strength), Channel(colour.G, paper.G, strength), Channel(colour.B, paper.B, strength));
    }

    /// <summary>The contrast ratio of two colours as WCAG 2 defines it, 1 to 21.</summary>
    public static double Contrast(Rgb a, Rgb b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    private static double Luminance(Rgb c) => 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);

    private static double Linear(byte channel)
    {
        var v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    /// <summary>An opaque sRGB colour.</summary>
    public readonly record struct Rgb(byte R, byte G, byte B)
    {
        /// <summary>"#rrggbb" (either case) as a colour; null for anything else.</summary>
        public static Rgb? Parse(string? hex) =>
            hex is { Length: 7 } && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
                ? new Rgb((byte)(value >> 16), (byte)(value >> 8), (byte)value)
                : null;

        /// <summary>"#rrggbb", lower case: safe in a style sheet as it is.</summary>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");
    }
}
