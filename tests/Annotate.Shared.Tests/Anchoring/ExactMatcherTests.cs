using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring;

public class ExactMatcherTests
{
    [Theory]
    [InlineData(3)]    // vectorised scan
    [InlineData(80)]
    [InlineData(500)]
    [InlineData(2100)] // Knuth-Morris-Pratt
    public void Short_and_long_quotes_find_the_same_overlapping_occurrences(int quoteLength)
    {
        var text = string.Concat(Enumerable.Repeat("ab", 1200)) + "x" + string.Concat(Enumerable.Repeat("ab", 1300));
        var exact = string.Concat(Enumerable.Repeat("ab", 1200))[..quoteLength];

        var found = ExactMatcher.FindAll(text, exact);

        Assert.Equal(NaiveFind(text, exact), found.Select(s => s.Start));
        Assert.All(found, s => Assert.Equal(exact, text[s.Start..s.End]));
    }

    [Fact]
    public void A_match_inside_a_surrogate_pair_is_not_an_occurrence()
    {
        const string text = "😀x\uDE00";
        Assert.Equal([new TextSpan(3, 4)], ExactMatcher.FindAll(text, "\uDE00"));
    }

    private static IEnumerable<int> NaiveFind(string text, string exact) =>
        Enumerable.Range(0, text.Length - exact.Length + 1).Where(i => string.CompareOrdinal(text, i, exact, 0, exact.Length) == 0);
}
