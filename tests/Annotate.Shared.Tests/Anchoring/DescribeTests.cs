using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Anchoring;

public class DescribeTests
{
    [Fact]
    public void Quote_is_the_span_with_its_context_and_position()
    {
        const string text = "The slogan \"Proletarians of all countries unite!\" Marx wrote.";
        var start = text.IndexOf("Proletarians", StringComparison.Ordinal);

        var (quote, position) = TextAnchor.Describe(text, new TextSpan(start, start + 35));

        Assert.Equal(new TextQuoteSelector("Proletarians of all countries unite", "The slogan \"", "!\" Marx wrote."), quote);
        Assert.Equal(new TextPositionSelector(12, 47), position);
    }

    [Fact]
    public void Context_is_at_most_32_code_points_and_never_half_a_character()
    {
        var emojis = string.Concat(Enumerable.Repeat("😀", 40));
        var text = emojis + "X" + emojis;

        var (quote, position) = TextAnchor.Describe(text, new TextSpan(80, 81));

        Assert.Equal("X", quote.Exact);
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 32)), quote.Prefix);
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 32)), quote.Suffix);
        Assert.Equal(new TextPositionSelector(40, 41), position);
    }

    [Fact]
    public void Combining_marks_count_in_the_context()
    {
        var text = string.Concat(Enumerable.Repeat("e\u0301", 20)) + "|";

        var (quote, _) = TextAnchor.Describe(text, new TextSpan(40, 41));

        Assert.Equal(32, quote.Prefix.Length); // 16 letters and their 16 marks
        Assert.Equal("", quote.Suffix);
    }

    [Fact]
    public void Every_paragraph_of_the_sample_round_trips()
    {
        var text = SampleArticle.Canonical;

        foreach (var block in TextBlocks.Parse(text))
        {
            var span = new TextSpan(block.Start, block.End);
            var (quote, position) = TextAnchor.Describe(text, span);

            Assert.Equal(span, TextAnchor.ToSpan(text, position));
            Assert.Equal(span, TextAnchor.Locate(text, quote, position));
            Assert.Equal(span, TextAnchor.Locate(text, quote));
        }
    }

    [Fact]
    public void Random_spans_of_the_sample_round_trip()
    {
        // Astral characters sprinkled in so that code points and UTF-16 indexes drift apart.
        var text = SampleArticle.Canonical.Replace("Marx", "Marx 👩‍🔬", StringComparison.Ordinal);
        var codePoints = TextAnchor.ToPosition(text, new TextSpan(0, text.Length)).End;
        var random = new Random(20_240_501);

        for (var i = 0; i < 1000; i++)
        {
            var start = random.Next(0, codePoints - 1);
            var end = Math.Min(codePoints, start + 1 + random.Next(0, i % 10 == 0 ? 2000 : 60));
            var span = TextAnchor.ToSpan(text, new TextPositionSelector(start, end));

            var (quote, position) = TextAnchor.Describe(text, span);

            Assert.Equal(new TextPositionSelector(start, end), position);
            Assert.Equal(text[span.Start..span.End], quote.Exact);
            Assert.True(CodePointCount(quote.Prefix) <= 32 && CodePointCount(quote.Suffix) <= 32);
            Assert.Equal(span, TextAnchor.Locate(text, quote, position));
            // Without the hint: the same span, or an orphan when the context cannot tell repeats
            // apart - never another place.
            var unhinted = TextAnchor.Locate(text, quote);
            Assert.True(unhinted is null || unhinted == span, $"span {span} located at {unhinted}");
        }
    }

    private static int CodePointCount(string s) => TextAnchor.ToPosition(s, new TextSpan(0, s.Length)).End;
}
