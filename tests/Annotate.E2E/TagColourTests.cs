using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// "Colour by tag" in a browser (issue 14): a teacher's vocabulary with colours a teacher could give through the API
/// (pure blue, yellow, black beside a pastel of the palette), turned on by keyboard; the legend names every tag with
/// its underline; every tint keeps 4.5:1 under the text, lone and where highlights overlap, in both themes; axe finds
/// nothing serious; the legend filters the discussion by keyboard; on a phone the legend wraps and nothing scrolls sideways.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class TagColourTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly (string Name, string Colour, string Passage)[] Vocabulary =
    [
        ("Context", "#fde68a", "the important theoretical system of Marxism-Leninism"),
        ("Evidence", "#0000ff", "a deep division in production relations"),
        ("Rhetoric", "#ffff00", "the impact of the modern industrial revolution"),
        ("Shadow", "#000000", "the principles and mottos of action"),
    ];

    private static readonly string[] Cues = ["solid", "dashed", "dotted", "double"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Turned_on_by_keyboard_the_highlights_take_readable_tints_with_a_legend_of_cues(ColorScheme scheme)
    {
        await using var teacher = await app.NewReaderAsync($"Hoa Tags {scheme}");
        await TagTheSampleAsync(app, teacher);
        await teacher.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
        var page = teacher.Page;
        await teacher.Reading.OpenAsync();
        await page.Locator(scheme == ColorScheme.Dark ? ".app-dark" : ".app-light").First.WaitForAsync();

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Colour by tag", Exact = true });
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");

        var legend = page.GetByRole(AriaRole.List, new() { Name = "Tag colours", Exact = true });
        await Expect(legend.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(Vocabulary.Length);
        for (var i = 0; i < Vocabulary.Length; i++)
        {
            await Expect(legend.GetByRole(AriaRole.Button, new() { Name = $"{Vocabulary[i].Name}, {Cues[i]} underline", Exact = true })).ToBeVisibleAsync();
            var mark = teacher.Reading.Marks.Filter(new() { HasText = Vocabulary[i].Passage[..12] }).First;
            await Expect(mark).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($"\\bt{i}\\b"));
            Assert.Equal(Cues[i], await mark.EvaluateAsync<string>("m => getComputedStyle(m).textDecorationStyle"));
            Assert.Equal(Cues[i], await legend.Locator($".tag-sample.t{i}").EvaluateAsync<string>("s => getComputedStyle(s).textDecorationStyle"));
        }

        // Every tag on a lone highlight and where two, three, four meet: the page's own CSS decides every colour.
        var classes = Enumerable.Range(0, Vocabulary.Length).SelectMany(i => new[] { $"d1 t{i}", $"d2 t{i}", $"d4 t{i}", $"d2 pl t{i}" }).ToArray();
        var ratios = await page.EvaluateAsync<double[]>(HighlightContrastTests.Measure, classes);
        for (var i = 0; i < classes.Length; i++) output.WriteLine($"{scheme} mark.{classes[i].Replace(' ', '.')}: {ratios[i]:0.00}:1");
        Assert.All(ratios, ratio => Assert.True(ratio >= 4.5, $"a tag-coloured highlight's text has {ratio:0.00}:1, below 4.5:1"));
        // The tint is the tag's, not the plain highlight's: the marks of different tags differ.
        var backgrounds = await page.EvaluateAsync<string[]>("""
            n => [...Array(n).keys()].map(i => getComputedStyle(document.querySelector(`article mark.t${i}`)).backgroundColor)
            """, Vocabulary.Length);
        Assert.Equal(Vocabulary.Length, backgrounds.Distinct().Count());

        await Axe.AssertNoSeriousViolationsAsync(page, $"reading page coloured by tag ({scheme})", output);
        await page.Mouse.MoveAsync(5, 890);
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        await Screenshots.SaveAsync(page, $"reading-tag-colours-{scheme.ToString().ToLowerInvariant()}.png", output);

        // Tab from the switch reaches the legend; Enter on a tag shows only its threads.
        await toggle.FocusAsync();
        var evidence = legend.GetByRole(AriaRole.Button, new() { Name = "Evidence, dashed underline", Exact = true });
        for (var tabs = 0; tabs < 6 && !await evidence.EvaluateAsync<bool>("b => b === document.activeElement"); tabs++) await page.Keyboard.PressAsync("Tab");
        await Expect(evidence).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(evidence).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(teacher.Reading.Thread("Tagged Evidence")).ToBeVisibleAsync();
        await Expect(teacher.Reading.Thread("Tagged Context")).ToHaveCountAsync(0);

        // Kept for the next visit.
        await teacher.Reading.OpenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(legend).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_legend_wraps_and_nothing_scrolls_sideways()
    {
        await using var teacher = await app.NewReaderAsync("Hoa Tags Phone");
        await TagTheSampleAsync(app, teacher);
        await using var phone = await teacher.OnPhoneAsync(app);
        var page = phone.Page;
        await phone.Reading.OpenOnPhoneAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Colour by tag", Exact = true }).TapAsync();

        var legend = page.GetByRole(AriaRole.List, new() { Name = "Tag colours", Exact = true });
        await Expect(legend.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(Vocabulary.Length);
        var box = await legend.BoundingBoxAsync();
        Assert.True(box is not null && box.Width <= Phones.Size.Width, $"the legend is {box?.Width} px wide on a {Phones.Size.Width} px phone");
        Assert.False(await Phones.ScrollsSidewaysAsync(page), "the page scrolls sideways with the legend shown");
        await legend.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "reading-tag-colours-phone.png", output);
    }

    /// <summary>The vocabulary through the API (as a teacher could give it), and a thread tagged with each tag on its passage (ScreenshotTests too).</summary>
    internal static async Task TagTheSampleAsync(AppFixture app, Reader teacher)
    {
        var documentId = teacher.DocumentId;
        var seminarId = (await teacher.GetJsonAsync(app.RootUri, $"/api/documents/{documentId}")).GetProperty("seminarId").GetInt32();
        foreach (var (name, colour, _) in Vocabulary)
            await teacher.PostJsonAsync(app.RootUri, $"/api/seminars/{seminarId}/tags", new { name, colour, description = $"What {name} means here." });
        foreach (var (name, _, passage) in Vocabulary)
            await teacher.PostJsonAsync(app.RootUri, $"/api/documents/{documentId}/annotations", new Dictionary<string, object?>
            {
                ["@context"] = "http://www.w3.org/ns/anno.jsonld",
                ["type"] = "Annotation",
                ["motivation"] = "commenting",
                ["body"] = new object[]
                {
                    new { type = "TextualBody", value = $"Tagged {name}.", format = "text/markdown", purpose = "commenting" },
                    new { type = "TextualBody", value = name.ToLowerInvariant(), purpose = "tagging" },
                },
                ["target"] = new
                {
                    source = $"{app.RootUri}documents/{documentId}",
                    selector = new[] { new { type = "TextQuoteSelector", exact = passage } },
                },
            });
    }
}
