using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Text;

/// <summary>A comment as the search index sees it: the words a reader reads, not the markup or the addresses behind them.</summary>
public class MarkdownTextTests
{
    [Theory]
    [InlineData("plain words,  as\nwritten", "plain words, as written")]
    [InlineData("*soft* **strong** ~~gone~~ `code`", "soft strong gone code")]
    [InlineData("# A heading\n\n> quoted\n\n- one\n- two", "A heading quoted one two")]
    [InlineData("see [the Manifesto](https://example.org/manifesto)", "see the Manifesto")]
    [InlineData("ask @[Ana Bui](user:0b6f7c1e-2f7a-4c55-9d1e-5a3c2b1d0e9f)", "ask @Ana Bui")]
    [InlineData("![a drawing](https://example.org/x.png)", "a drawing")]
    [InlineData("<b>raw</b> & more", "<b>raw</b> & more")]
    [InlineData("", "")]
    [InlineData("  \n ", "")]
    public void Markdown_becomes_the_words_a_reader_sees(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownText.ToPlain(markdown));
    }
}
