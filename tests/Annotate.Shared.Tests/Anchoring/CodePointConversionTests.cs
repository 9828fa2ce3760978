using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring;

public class CodePointConversionTests
{
    private const string Scientist = "👩‍🔬"; // U+1F469 U+200D U+1F52C: 3 code points, 5 UTF-16 units
    private const string Grin = "😀";       // U+1F600: 1 code point, 2 UTF-16 units
    private const string Accented = "e\u0301"; // e + combining acute: 2 code points, 2 units

    [Fact]
    public void Plain_text_offsets_are_the_same_in_both_units()
    {
        Assert.Equal(new TextSpan(2, 5), TextAnchor.ToSpan("hello world", new TextPositionSelector(2, 5)));
        Assert.Equal(new TextPositionSelector(2, 5), TextAnchor.ToPosition("hello world", new TextSpan(2, 5)));
    }

    [Fact]
    public void A_surrogate_pair_is_one_code_point()
    {
        var text = "a" + Grin + "b";

        Assert.Equal(new TextSpan(1, 3), TextAnchor.ToSpan(text, new TextPositionSelector(1, 2)));
        Assert.Equal(new TextSpan(3, 4), TextAnchor.ToSpan(text, new TextPositionSelector(2, 3)));
        Assert.Equal(new TextPositionSelector(2, 3), TextAnchor.ToPosition(text, new TextSpan(3, 4)));
        Assert.Equal(new TextSpan(0, 4), TextAnchor.ToSpan(text, new TextPositionSelector(0, 3)));
    }

    [Fact]
    public void A_zwj_sequence_counts_each_of_its_code_points()
    {
        var text = "x" + Scientist + "y";

        Assert.Equal(new TextSpan(1, 6), TextAnchor.ToSpan(text, new TextPositionSelector(1, 4)));
        Assert.Equal(new TextPositionSelector(4, 5), TextAnchor.ToPosition(text, new TextSpan(6, 7)));
        // The joiner alone is a code point of its own.
        Assert.Equal(new TextSpan(3, 4), TextAnchor.ToSpan(text, new TextPositionSelector(2, 3)));
    }

    [Fact]
    public void Combining_marks_are_separate_code_points()
    {
        var text = "caf" + Accented + "!";

        Assert.Equal(new TextSpan(4, 5), TextAnchor.ToSpan(text, new TextPositionSelector(4, 5)));
        Assert.Equal(new TextPositionSelector(3, 5), TextAnchor.ToPosition(text, new TextSpan(3, 5)));
    }

    [Fact]
    public void Every_boundary_round_trips_in_a_mixed_text()
    {
        var text = "a" + Grin + Scientist + "b" + Accented + Grin + "\uD800z\uDC00";
        const int cpLength = 12; // a, 😀, 👩, ZWJ, 🔬, b, e, U+0301, 😀, lone high, z, lone low

        for (var start = 0; start <= cpLength; start++)
        {
            for (var end = start; end <= cpLength; end++)
            {
                var position = new TextPositionSelector(start, end);
                Assert.Equal(position, TextAnchor.ToPosition(text, TextAnchor.ToSpan(text, position)));
            }
        }
    }

    [Fact]
    public void Lone_surrogates_are_one_code_point_each()
    {
        var text = "a\uD800b\uDC00c";

        Assert.Equal(new TextSpan(1, 2), TextAnchor.ToSpan(text, new TextPositionSelector(1, 2)));
        Assert.Equal(new TextPositionSelector(0, 5), TextAnchor.ToPosition(text, new TextSpan(0, 5)));
    }

    [Fact]
    public void A_span_splitting_a_surrogate_pair_is_widened_to_the_whole_character()
    {
        var text = "a" + Grin + "b";

        Assert.Equal(new TextPositionSelector(1, 2), TextAnchor.ToPosition(text, new TextSpan(2, 2)));
        Assert.Equal(new TextPositionSelector(1, 2), TextAnchor.ToPosition(text, new TextSpan(1, 2)));
        Assert.Equal(new TextPositionSelector(1, 3), TextAnchor.ToPosition(text, new TextSpan(2, 4)));
        Assert.Equal(Grin, TextAnchor.Describe(text, new TextSpan(2, 3)).Quote.Exact);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    [InlineData(0, 5)]
    [InlineData(5, 5)]
    public void Impossible_positions_throw(int start, int end)
    {
        var text = "a" + Grin + "bc"; // 4 code points
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchor.ToSpan(text, new TextPositionSelector(start, end)));
        Assert.Contains("position", error.Message);
    }

    [Fact]
    public void The_end_of_the_text_is_a_valid_position()
    {
        var text = "a" + Grin + "bc";
        Assert.Equal(new TextSpan(5, 5), TextAnchor.ToSpan(text, new TextPositionSelector(4, 4)));
        Assert.Equal(new TextSpan(0, 5), TextAnchor.ToSpan(text, new TextPositionSelector(0, 4)));
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    [InlineData(0, 6)]
    public void Impossible_spans_throw(int start, int end)
    {
        var text = "a" + Grin + "bc"; // 5 UTF-16 units
        Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchor.ToPosition(text, new TextSpan(start, end)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchor.Describe(text, new TextSpan(start, end)));
    }
}
