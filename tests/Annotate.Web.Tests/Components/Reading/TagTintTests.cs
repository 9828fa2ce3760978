using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Tags;
using static Annotate.Web.Components.Reading.TagTint;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The tints "Colour by tag" gives highlights (issue 14): whatever colour a teacher picks, the text over a lone
/// highlight and over overlapping ones keeps 4.5:1 in both themes, and the colour still shows.
/// </summary>
public sealed class TagTintTests
{
    /// <summary>The extremes a teacher can give through the API, and the editor's palette.</summary>
    public static TheoryData<string> Colours() => new(["#ffff00", "#000000", "#0000ff", "#ffffff", "#ff0000", "#00ff00", "#808080", .. TagRules.Palette]);

    private static Rgb Colour(string hex) => Rgb.Parse(hex) ?? throw new ArgumentException(hex);

    [Theory]
    [MemberData(nameof(Colours))]
    public void Text_keeps_four_and_a_half_to_one_on_every_tint_in_both_themes(string hex)
    {
        var (lightLone, lightOverlapping) = Light(Colour(hex));
        var (darkLone, darkOverlapping) = Dark(Colour(hex));

        Assert.All([lightLone, lightOverlapping], tint => Assert.True(Contrast(tint, LightText) >= MinimumContrast,
            $"{hex} in the light theme: {tint} gives {Contrast(tint, LightText):0.00}:1"));
        Assert.All([darkLone, darkOverlapping], tint => Assert.True(Contrast(tint, DarkText) >= MinimumContrast,
            $"{hex} in the dark theme: {tint} gives {Contrast(tint, DarkText):0.00}:1"));
    }

    [Fact]
    public void Saturated_colours_are_clamped_to_a_tint_that_still_shows_the_colour()
    {
        // Pure blue under near-black text is 2.1:1: it is mixed with white until the text reads, and stays blue.
        var (lone, overlapping) = Light(Colour("#0000ff"));
        Assert.True(Contrast(Colour("#0000ff"), LightText) < MinimumContrast);
        Assert.True(overlapping.B == 255 && overlapping.R < 200 && overlapping.R == overlapping.G, $"{overlapping}");
        Assert.True(lone.R > overlapping.R, $"the lone tint {lone} is paler than the overlapping {overlapping}");

        // Yellow under white text is 1.1:1: in the dark theme only a little of it goes into the page's dark.
        var dark = Dark(Colour("#ffff00")).Overlapping;
        Assert.True(dark.R > dark.B + 60 && dark.G > dark.B + 60, $"{dark} is still yellowish");
        Assert.InRange(Contrast(dark, DarkText), MinimumContrast, MinimumContrast + 0.5);
    }

    [Fact]
    public void The_palettes_pastels_are_used_whole_in_the_light_theme_where_highlights_overlap()
    {
        Assert.All(TagRules.Palette, hex => Assert.Equal(hex, Light(Colour(hex)).Overlapping.ToString()));
    }

    [Fact]
    public void Contrast_is_wcags_and_mixing_goes_from_the_paper_to_the_colour()
    {
        Assert.Equal(21, Contrast(Colour("#000000"), Colour("#ffffff")), 3);
        Assert.Equal(1, Contrast(Colour("#777777"), Colour("#777777")), 3);
        Assert.Equal("#ffffff", Mix(Colour("#000000"), Colour("#ffffff"), 0).ToString());
        Assert.Equal("#808080", Mix(Colour("#000000"), Colour("#ffffff"), 0.5).ToString());
        Assert.Equal("#123abc", Mix(Colour("#123ABC"), Colour("#ffffff"), 1).ToString());
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#12345g")]
    [InlineData("#-12345")]
    [InlineData("1234567")]
    [InlineData(null)]
    public void Only_rrggbb_is_a_colour(string? text) => Assert.Null(Rgb.Parse(text));
}
