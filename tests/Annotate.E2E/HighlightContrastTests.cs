using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Annotate.E2E;

/// <summary>
/// Text on every depth of highlight keeps 4.5:1 (WCAG 1.4.3), in both themes (issue 16). axe leaves text on
/// translucent marks "to review", so the page's own colours are measured: each mark's background laid over what is
/// behind it, the text's colour over that, and the contrast computed as WCAG defines it. The marks are the app's
/// classes on the reading page's own text block, so the app's CSS decides every colour.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class HighlightContrastTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] Depths = ["", "d2", "d3", "d4", "pl"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Text_on_every_highlight_depth_keeps_four_and_a_half_to_one(ColorScheme scheme)
    {
        await using var reader = await app.NewReaderAsync($"Quang Contrast {scheme}");
        await reader.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
        await reader.Reading.OpenAsync();
        await reader.Page.Locator(scheme == ColorScheme.Dark ? ".app-dark" : ".app-light").First.WaitForAsync();

        var ratios = await reader.Page.EvaluateAsync<double[]>(Measure, Depths);

        for (var i = 0; i < Depths.Length; i++) output.WriteLine($"{scheme} mark.{(Depths[i] == "" ? "d1" : Depths[i])}: {ratios[i]:0.00}:1");
        Assert.All(ratios, ratio => Assert.True(ratio >= 4.5, $"a highlight's text has {ratio:0.00}:1, below 4.5:1"));
    }

    /// <summary>For each class, a mark added to the first text block: its text colour against its background, both over what is behind (TagColourTests measures the tag tints with it too).</summary>
    internal const string Measure = """
        classes => {
            const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
            const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
            const behind = element => {
                const layers = [];
                for (let e = element; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0) layers.push(c); if (c.a === 1) break; }
                let colour = { r: 255, g: 255, b: 255, a: 1 };
                for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
                return colour;
            };
            const channel = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
            const block = document.querySelector('.block-text');
            return classes.map(cls => {
                const mark = document.createElement('mark');
                if (cls) mark.className = cls;
                mark.textContent = 'contrast';
                block.appendChild(mark);
                const background = behind(mark);
                const text = over(parse(getComputedStyle(mark).color), background);
                mark.remove();
                const [hi, lo] = [luminance(text), luminance(background)].sort((x, y) => y - x);
                return (hi + 0.05) / (lo + 0.05);
            });
        }
        """;
}
