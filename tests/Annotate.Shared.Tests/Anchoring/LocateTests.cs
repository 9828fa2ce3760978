using System.Diagnostics;
using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring;

public class LocateTests
{
    //                            0         1         2         3         4         5
    //                            0123456789012345678901234567890123456789012345678901234
    private const string Repeats = "red cat sat. blue cat ran. green cat hid. blue cat ran.";
    private static readonly TextSpan RedCat = new(4, 7);
    private static readonly TextSpan BlueCat = new(18, 21);
    private static readonly TextSpan GreenCat = new(33, 36);
    private static readonly TextSpan LastCat = new(47, 50);

    [Fact]
    public void The_quote_at_the_hint_is_taken()
    {
        var span = TextAnchor.Locate(Repeats, new TextQuoteSelector("cat"), new TextPositionSelector(33, 36));
        Assert.Equal(GreenCat, span);
    }

    [Fact]
    public void A_unique_quote_is_found_anywhere()
    {
        var span = TextAnchor.Locate(Repeats, new TextQuoteSelector("green cat"));
        Assert.Equal(new TextSpan(27, 36), span);
    }

    [Fact]
    public void Repeats_are_told_apart_by_prefix()
    {
        Assert.Equal(RedCat, TextAnchor.Locate(Repeats, new TextQuoteSelector("cat", Prefix: "red ")));
        Assert.Equal(GreenCat, TextAnchor.Locate(Repeats, new TextQuoteSelector("cat", Prefix: "green ")));
    }

    [Fact]
    public void Repeats_are_told_apart_by_suffix()
    {
        Assert.Equal(RedCat, TextAnchor.Locate(Repeats, new TextQuoteSelector("cat", Suffix: " sat")));
        Assert.Equal(GreenCat, TextAnchor.Locate(Repeats, new TextQuoteSelector("cat", Suffix: " hid")));
    }

    [Fact]
    public void Context_outweighs_distance_to_a_stale_hint()
    {
        // The hint points at the red cat (say the text was edited); the context says green.
        var span = TextAnchor.Locate(Repeats, new TextQuoteSelector("cat", "green ", " hid"), new TextPositionSelector(4, 7));
        Assert.Equal(GreenCat, span);
    }

    [Fact]
    public void The_hint_chooses_between_repeats_with_the_same_context()
    {
        var quote = new TextQuoteSelector("cat", "blue ", " ran.");
        Assert.Equal(BlueCat, TextAnchor.Locate(Repeats, quote, new TextPositionSelector(10, 13)));
        Assert.Equal(LastCat, TextAnchor.Locate(Repeats, quote, new TextPositionSelector(44, 47)));
    }

    [Fact]
    public void The_hint_chooses_between_bare_repeats()
    {
        Assert.Equal(GreenCat, TextAnchor.Locate(Repeats, new TextQuoteSelector("cat"), new TextPositionSelector(30, 31)));
    }

    [Fact]
    public void Indistinguishable_repeats_are_an_orphan()
    {
        // No hint and nothing in the context to tell the two blue cats apart.
        Assert.Equal(AnchorOutcome.Ambiguous, TextAnchor.Find(Repeats, new TextQuoteSelector("cat", "blue ", " ran.")).Outcome);
        Assert.Equal(AnchorOutcome.Ambiguous, TextAnchor.Find(Repeats, new TextQuoteSelector("cat")).Outcome);
        // A hint exactly between two equally good candidates.
        Assert.Null(TextAnchor.Locate("ab cat d cat ef", new TextQuoteSelector("cat"), new TextPositionSelector(6, 6)));
    }

    [Theory]
    [InlineData("dog")]
    [InlineData("the dog barked")]
    [InlineData("CAT")]
    public void A_quote_that_is_not_there_is_an_orphan(string exact) =>
        Assert.Equal(AnchorOutcome.NotFound, TextAnchor.Find(Repeats, new TextQuoteSelector(exact)).Outcome);

    [Fact]
    public void A_quote_within_the_edit_bound_is_found_without_context()
    {
        // Three edits from "cat sat. blue cat ran.", max(1, 22 / 4) = 5 allowed, and nothing else as close.
        var result = TextAnchor.Find(Repeats, new TextQuoteSelector("cat sat. blue cat hid."));
        Assert.Equal((new TextSpan(4, 26), AnchorOutcome.Anchored), (result.Span, result.Outcome));
    }

    [Fact]
    public void A_verbatim_quote_far_from_a_stale_hint_is_found_with_its_context_disagreeing()
    {
        // Found once, verbatim: evidence, not a guess, however far the hint and whatever the prefix says.
        var result = TextAnchor.Find(SampleArticle.Canonical, new TextQuoteSelector("steely indictment", Prefix: "a completely different prefix "), new TextPositionSelector(15_000, 15_017));
        Assert.Equal(AnchorOutcome.Anchored, result.Outcome);
    }

    [Fact]
    public void An_empty_quote_is_an_orphan()
    {
        Assert.Null(TextAnchor.Locate(Repeats, new TextQuoteSelector("")));
        Assert.Null(TextAnchor.Locate(Repeats, new TextQuoteSelector("", "red ", " cat"), new TextPositionSelector(4, 4)));
        Assert.Null(TextAnchor.Locate("", new TextQuoteSelector("cat")));
    }

    [Theory]
    [InlineData(1000, 1003)]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(-5, 3)]
    [InlineData(20, 10)]
    public void A_hint_that_does_not_fit_the_text_is_ignored(int start, int end)
    {
        Assert.Equal(new TextSpan(27, 36), TextAnchor.Locate(Repeats, new TextQuoteSelector("green cat"), new TextPositionSelector(start, end)));
        Assert.Equal(RedCat, TextAnchor.Locate(Repeats, new TextQuoteSelector("cat", "red "), new TextPositionSelector(start, end)));
    }

    [Fact]
    public void Malformed_selectors_from_json_do_not_throw()
    {
        var nulls = new TextQuoteSelector("cat", null!, null!);
        Assert.Null(TextAnchor.Locate(Repeats, nulls));
        Assert.Equal(GreenCat, TextAnchor.Locate(Repeats, nulls, new TextPositionSelector(33, 36)));
        Assert.Null(TextAnchor.Locate(Repeats, new TextQuoteSelector(null!)));
        Assert.Null(TextAnchor.Locate(Repeats, null!));
        Assert.Null(TextAnchor.Locate(null!, new TextQuoteSelector("cat")));
    }

    [Fact]
    public void Lone_surrogates_do_not_throw()
    {
        const string text = "grin 😀 and a lone \uD800 high and \uDC00 low";

        // Half of a real pair must not anchor inside the character.
        Assert.Null(TextAnchor.Locate(text, new TextQuoteSelector("\uDE00")));
        Assert.Null(TextAnchor.Locate(text, new TextQuoteSelector("\uD83D")));
        // A genuinely lone surrogate in the text is text like any other.
        Assert.Equal(new TextSpan(19, 20), TextAnchor.Locate(text, new TextQuoteSelector("\uD800")));
        Assert.Equal(new TextSpan(30, 31), TextAnchor.Locate(text, new TextQuoteSelector("\uDC00", "and ", " low"), new TextPositionSelector(3, 3)));
        Assert.Null(TextAnchor.Locate(text, new TextQuoteSelector("\uDBFF\uDBFF", "\uDC00", "\uD800"), new TextPositionSelector(6, 7)));
    }

    [Fact]
    public void A_quote_after_astral_characters_is_found_at_its_code_point_hint()
    {
        const string text = "😀😀 cat 👩‍🔬 cat";
        // code points: 😀=0 😀=1 ' '=2 c=3 ... ' '=6 👩=7 ZWJ=8 🔬=9 ' '=10 cat=11..14
        Assert.Equal(new TextSpan(15, 18), TextAnchor.Locate(text, new TextQuoteSelector("cat"), new TextPositionSelector(11, 14)));
        Assert.Equal(new TextSpan(5, 8), TextAnchor.Locate(text, new TextQuoteSelector("cat"), new TextPositionSelector(3, 6)));
    }

    [Fact]
    public void A_huge_quote_does_not_hang()
    {
        var text = string.Concat(Enumerable.Repeat(SampleArticle.Canonical, 5)); // ~107 KB
        var present = text.Substring(30_000, 20_000);
        var absent = present[..10_000] + "§" + present[10_001..];

        var clock = Stopwatch.StartNew();
        var found = TextAnchor.Locate(text, new TextQuoteSelector(present), new TextPositionSelector(30_000, 50_000));
        var orphan = TextAnchor.Locate(text, new TextQuoteSelector(absent));
        var tooLong = TextAnchor.Locate(SampleArticle.Canonical, new TextQuoteSelector(new string('a', 50_000)));
        clock.Stop();

        Assert.Equal(new TextSpan(30_000, 50_000), found);
        Assert.Null(orphan);
        Assert.Null(tooLong);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Hundreds_of_quotes_in_a_long_text_are_located_quickly()
    {
        var text = string.Concat(Enumerable.Repeat(SampleArticle.Canonical + "\n\n", 5)); // ~107 KB, every passage five times
        var random = new Random(7);
        var cases = Enumerable.Range(0, 500).Select(_ =>
        {
            var start = random.Next(0, text.Length - 100);
            var span = new TextSpan(start, start + random.Next(5, 100));
            return (Span: span, Selectors: TextAnchor.Describe(text, span));
        }).ToList();

        var clock = Stopwatch.StartNew();
        foreach (var (span, (quote, position)) in cases)
            Assert.Equal(span, TextAnchor.Locate(text, quote, position));
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_edit_before_the_quote_is_survived()
    {
        var original = SampleArticle.Canonical;
        var at = original.IndexOf("Proletarians of all countries unite!", StringComparison.Ordinal);
        var (quote, position) = TextAnchor.Describe(original, new TextSpan(at, at + 36));

        var edited = "A preface added later.\n\n" + original;

        Assert.Equal(new TextSpan(at + 24, at + 60), TextAnchor.Locate(edited, quote, position));
    }
}
