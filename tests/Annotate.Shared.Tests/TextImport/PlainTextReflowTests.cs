using Annotate.Shared.TextImport;

namespace Annotate.Shared.Tests.TextImport;

public class PlainTextReflowTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n \n")]
    [InlineData("\r\n\r\n")]
    public void Nothing_in_nothing_out(string raw) => Assert.Equal("", PlainTextReflow.Reflow(raw));

    [Fact]
    public void Hard_wrapped_lines_become_one_paragraph_and_blank_lines_separate_paragraphs()
    {
        var raw = "The first paragraph runs over\r\ntwo lines.\r\n\r\nThe second one\r\nas well.\r\n";
        Assert.Equal("The first paragraph runs over two lines.\n\nThe second one as well.", PlainTextReflow.Reflow(raw));
    }

    [Fact]
    public void A_word_split_by_the_typesetter_is_joined()
    {
        var raw = "It was the first revolu-\ntionary program of the world proletariat.";
        Assert.Equal("It was the first revolutionary program of the world proletariat.", PlainTextReflow.Reflow(raw));
    }

    [Fact]
    public void The_documents_own_spelling_decides_a_hyphen_at_a_line_end()
    {
        var raw = "This is a long-\nterm plan, and a long-term plan it remains.";
        Assert.Equal("This is a long-term plan, and a long-term plan it remains.", PlainTextReflow.Reflow(raw));
    }

    [Theory]
    [InlineData("see vol.3, p. 87-\n88 for it.", "see vol.3, p. 87-88 for it.")]
    [InlineData("the doctrine of Marxism-\nLeninism is old.", "the doctrine of Marxism-Leninism is old.")]
    [InlineData("the struggle for self-\nliberation goes on.", "the struggle for self-liberation goes on.")]
    [InlineData("modern nationalism -\nnationalism goes on.", "modern nationalism - nationalism goes on.")]
    public void Real_hyphens_and_dashes_survive_the_line_end(string raw, string expected) =>
        Assert.Equal(expected, PlainTextReflow.Reflow(raw));

    [Theory]
    [InlineData("the working class all over the\n 211\nworld unites.")]
    [InlineData("the working class all over the\n\n 211\n\nworld unites.")]
    public void A_lone_page_number_is_dropped(string raw) =>
        Assert.Equal("the working class all over the world unites.", PlainTextReflow.Reflow(raw));

    [Fact]
    public void An_indented_capitalised_line_after_a_full_stop_starts_a_paragraph()
    {
        var raw = " The first paragraph ends here with a full stop and runs to the margin.\n Then a second one begins, indented.";
        Assert.Equal(
            "The first paragraph ends here with a full stop and runs to the margin.\n\nThen a second one begins, indented.",
            PlainTextReflow.Reflow(raw));
    }

    [Fact]
    public void An_indented_line_that_continues_a_sentence_does_not()
    {
        var raw = "This slogan has many layers of\n meaning: first, workers should unite.";
        Assert.Equal("This slogan has many layers of meaning: first, workers should unite.", PlainTextReflow.Reflow(raw));
    }

    [Fact]
    public void A_run_in_label_becomes_a_heading()
    {
        var raw = " ABSTRACT: Proletarian internationalism is a theoretical system.\n INTRODUCTION\n\nThe text begins.";
        Assert.Equal(
            "ABSTRACT\n\nProletarian internationalism is a theoretical system.\n\nINTRODUCTION\n\nThe text begins.",
            PlainTextReflow.Reflow(raw));
    }

    [Fact]
    public void A_short_heading_line_directly_above_its_text_stays_a_heading()
    {
        var raw = "CONCLUSION\nProletarian internationalism is the law of movement and of the development of\nthe working class all over the world.";
        Assert.Equal(
            "CONCLUSION\n\nProletarian internationalism is the law of movement and of the development of the working class all over the world.",
            PlainTextReflow.Reflow(raw));
    }

    [Theory]
    [InlineData("a \"new liberalism™ and more", "a \"new liberalism” and more")]
    [InlineData("the “birthstone™ of it", "the “birthstone” of it")]
    // A real trademark sign, outside any quotation, stays.
    [InlineData("made with Acme™ tools", "made with Acme™ tools")]
    public void Trademark_sign_is_a_closing_quote_only_after_an_opening_one(string raw, string expected) =>
        Assert.Equal(expected, PlainTextReflow.Reflow(raw));

    [Fact]
    public void Spaces_are_collapsed_and_lines_trimmed()
    {
        Assert.Equal("a b c", PlainTextReflow.Reflow("  a   b\t\tc  "));
    }
}
