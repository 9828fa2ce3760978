using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Text;

public class HeadingRuleTests
{
    [Theory]
    [InlineData("ABSTRACT")]
    [InlineData("INTRODUCTION")]
    [InlineData("RESULTS AND DISCUSSION")]
    [InlineData("The views of Marx and Engels on proletarian internationalism in the “Communist Manifesto”")]
    [InlineData("Building proletarian internationalism in the current context")]
    [InlineData("CONCLUSION")]
    [InlineData("2. Methods")]
    [InlineData("“Proletarians of all countries, unite”")]
    public void Headings(string block) => Assert.True(HeadingRule.IsHeading(block));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("211")]
    [InlineData("Second, proletarian internationalism is the unity of thought among the working class")]
    [InlineData("The views of Marx and Engels.")]
    [InlineData("Under the impact of the new context, the working class fluctuates according to two basic trends:")]
    [InlineData("Is this a question?")]
    [InlineData("He said \"unite!\"")]
    [InlineData("the tail of a sentence")]
    [InlineData("(Marx & Engels, 1995, vol.3, p. 87-88)")]
    [InlineData("Two\nlines")]
    [InlineData("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen")]
    [InlineData("Seventeen words is too many for a heading even when the line never ends with any punctuation at all")]
    public void Not_headings(string block) => Assert.False(HeadingRule.IsHeading(block));

    [Fact]
    public void Long_lines_are_not_headings()
    {
        Assert.True(HeadingRule.IsHeading("A" + new string('a', HeadingRule.MaxLength - 1)));
        Assert.False(HeadingRule.IsHeading("A" + new string('a', HeadingRule.MaxLength)));
    }
}
