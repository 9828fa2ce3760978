using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Text;

public class TextBlocksTests
{
    [Fact]
    public void Empty_text_has_no_blocks() => Assert.Empty(TextBlocks.Parse(""));

    [Fact]
    public void Blocks_are_classified_and_paragraphs_numbered()
    {
        const string text = "INTRODUCTION\n\nThe first paragraph.\n\nThe second paragraph.\n\nCONCLUSION\n\nThe last one.";

        var blocks = TextBlocks.Parse(text);

        Assert.Equal(
            [
                new TextBlock(BlockKind.Heading, 0, 12, null),
                new TextBlock(BlockKind.Paragraph, 14, 34, 1),
                new TextBlock(BlockKind.Paragraph, 36, 57, 2),
                new TextBlock(BlockKind.Heading, 59, 69, null),
                new TextBlock(BlockKind.Paragraph, 71, 84, 3),
            ],
            blocks);
    }

    [Theory]
    [InlineData(0, null)]      // in the first heading
    [InlineData(14, 1)]        // the first character of paragraph 1
    [InlineData(35, 1)]        // the separator after it still counts as paragraph 1
    [InlineData(36, 2)]
    [InlineData(60, null)]     // in the second heading
    [InlineData(83, 3)]        // the last character
    public void A_passage_is_numbered_by_the_block_it_starts_in(int offset, int? paragraph)
    {
        var blocks = TextBlocks.Parse("INTRODUCTION\n\nThe first paragraph.\n\nThe second paragraph.\n\nCONCLUSION\n\nThe last one.");

        Assert.Equal(paragraph, TextBlocks.ParagraphAt(blocks, offset));
        Assert.Null(TextBlocks.ParagraphAt([], offset));
    }

    [Fact]
    public void Offsets_give_back_the_blocks_of_the_sample_verbatim()
    {
        var text = SampleArticle.Canonical;

        var blocks = TextBlocks.Parse(text);

        Assert.Equal(text.Split("\n\n"), blocks.Select(b => text[b.Start..b.End]));
        Assert.Equal(text, string.Join("\n\n", blocks.Select(b => text[b.Start..b.End])));
        Assert.Equal(Enumerable.Range(1, 26).Cast<int?>(), blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.ParagraphNumber));
        Assert.All(blocks.Where(b => b.Kind == BlockKind.Heading), b => Assert.Null(b.ParagraphNumber));
    }

    [Fact]
    public void Stray_blank_blocks_are_skipped_and_offsets_stay_exact()
    {
        const string text = "One.\n\n\n\nTwo\nlines.\n\n  \n\nThree.";

        var blocks = TextBlocks.Parse(text);

        Assert.Equal(["One.", "Two\nlines.", "Three."], blocks.Select(b => text[b.Start..b.End]));
        Assert.Equal([1, 2, 3], blocks.Select(b => b.ParagraphNumber ?? 0));
    }

    [Fact]
    public void A_trailing_separator_adds_no_block()
    {
        var blocks = TextBlocks.Parse("Only one.\n\n");
        Assert.Equal([new TextBlock(BlockKind.Paragraph, 0, 9, 1)], blocks);
    }
}
