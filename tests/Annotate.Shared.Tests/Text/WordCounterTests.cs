using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Text;

/// <summary>The words a teacher's counts give a comment: runs of letters and digits, whatever stands between them.</summary>
public class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("  \n\t ", 0)]
    [InlineData("Three words here", 3)]
    [InlineData("**strong**, *soft* — and `code`!", 4)]
    [InlineData("1848: the year's revolutions", 5)]
    [InlineData("Tiếng Việt có dấu", 4)]
    [InlineData("e-mail well-known", 4)]
    public void Counts_runs_of_letters_and_digits(string text, int words)
    {
        Assert.Equal(words, WordCounter.Count(text));
    }
}
