using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.TextImport;

/// <summary>
/// Pins the reflow of the real sample article. The counts were taken by reading the PDF text:
/// 6 headings (ABSTRACT, INTRODUCTION, RESULTS AND DISCUSSION, the section title on the Manifesto,
/// "Building …", CONCLUSION) and 26 paragraphs. "Second, proletarian internationalism is …" stands on
/// its own line but opens an enumerated point like "First, …" and "Third, …": it is a paragraph.
/// </summary>
public class PlainTextReflowSampleTests
{
    private static readonly string[] ExpectedHeadings =
    [
        "ABSTRACT",
        "INTRODUCTION",
        "RESULTS AND DISCUSSION",
        "The views of Marx and Engels on proletarian internationalism in the “Communist Manifesto”",
        "Building proletarian internationalism in the current context",
        "CONCLUSION",
    ];

    private static string Text => SampleArticle.Canonical;

    private static List<string> Blocks => [.. Text.Split("\n\n")];

    [Fact]
    public void Block_counts_are_pinned()
    {
        var blocks = TextBlocks.Parse(Text);

        Assert.Equal(32, blocks.Count);
        Assert.Equal(26, blocks.Count(b => b.Kind == BlockKind.Paragraph));
        Assert.Equal(6, blocks.Count(b => b.Kind == BlockKind.Heading));
        Assert.Equal(26, blocks.Max(b => b.ParagraphNumber));
    }

    [Fact]
    public void Headings_are_the_articles_headings_in_order()
    {
        var headings = TextBlocks.Parse(Text)
            .Where(b => b.Kind == BlockKind.Heading)
            .Select(b => Text[b.Start..b.End]);

        Assert.Equal(ExpectedHeadings, headings);
    }

    [Fact]
    public void First_block_is_the_abstract_heading_then_its_paragraph()
    {
        Assert.Equal("ABSTRACT", Blocks[0]);
        Assert.StartsWith("Proletarian internationalism, the important theoretical system of Marxism-Leninism", Blocks[1]);
        Assert.EndsWith("to meet the tasks of the new situation.", Blocks[1]);
    }

    [Fact]
    public void Canonical_shape_holds()
    {
        Assert.DoesNotContain("\n\n\n", Text);
        Assert.DoesNotContain('\r', Text);
        Assert.False(Text.EndsWith('\n'));
        Assert.False(Text.StartsWith('\n'));
        Assert.DoesNotContain("  ", Text);
        Assert.All(Blocks, block =>
        {
            Assert.DoesNotContain('\n', block);
            Assert.Equal(block.Trim(), block);
            Assert.NotEmpty(block);
        });
    }

    [Fact]
    public void Trademark_signs_used_as_closing_quotes_are_repaired()
    {
        Assert.DoesNotContain('™', Text);
        Assert.Contains("considered the \"birthstone” of this first international organization", Text);
        Assert.Contains("from \"new liberalism” and modern nationalism", Text);
        Assert.Contains("global strategy, \"new liberalism” and modern nationalism", Text);
    }

    [Fact]
    public void Lines_are_joined_with_the_right_seam()
    {
        // Real compounds and number ranges broken at their hyphen keep it.
        Assert.Contains("workers in all countries for self-liberation can only be successful", Text);
        Assert.Contains("(Marx & Engels, 1995, vol.3, p. 87-88). That unity", Text);
        // A spaced dash at a line end stays a spaced dash.
        Assert.Contains("modern nationalism - nationalism... This also", Text);
        Assert.Contains("the common goal - successfully building socialism", Text);
        // An indented continuation line is not a new paragraph.
        Assert.Contains("This slogan has many layers of meaning: first, workers should unite", Text);
        // A blank line in mid-sentence (a page break) does not split the paragraph.
        Assert.Contains("Engels once advised when approaching the theory", Text);
        // No fix is invented for words the extractor split with a space.
        Assert.Contains("the first revoluti onary program", Text);
        Assert.Contains("very closely fraternal sol idarity", Text);
    }

    [Fact]
    public void Paragraph_breaks_the_pdf_only_hinted_at_are_found()
    {
        // Indented first line.
        Assert.Contains(Blocks, b => b.StartsWith("From specifying the position of the proletariat", StringComparison.Ordinal));
        Assert.Contains(Blocks, b => b.StartsWith("To improve the efficiency of building", StringComparison.Ordinal));
        // A short line that ends a sentence, followed by an unindented capitalised line.
        Assert.Contains(Blocks, b => b.StartsWith("From the current practical context", StringComparison.Ordinal));
        Assert.Contains(Blocks, b => b.EndsWith("theoretical aspects of the most advanced countries.", StringComparison.Ordinal));
    }

    [Fact]
    public void No_page_number_survives()
    {
        Assert.DoesNotContain(Blocks, b => b.All(char.IsAsciiDigit));
        Assert.DoesNotContain("211", Text);
    }

    [Fact]
    public void Reflowing_a_canonical_text_changes_nothing()
    {
        Assert.Equal(Text, Annotate.Shared.TextImport.PlainTextReflow.Reflow(Text));
    }
}
