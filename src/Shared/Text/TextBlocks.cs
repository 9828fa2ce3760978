namespace Annotate.Shared.Text;

public static class TextBlocks
{
    private const string Separator = "\n\n";

    /// <summary>Splits a canonical text at "\n\n" and classifies each block as heading or paragraph.</summary>
    /// <remarks>
    /// Offsets are exact (<c>text[Start..End]</c> is the block, verbatim) so that the reading view maps
    /// a browser selection 1:1 to the canonical text. Blocks that are empty or only whitespace (from
    /// stray extra newlines in a text stored as given) are skipped: they hold nothing to read or select.
    /// </remarks>
    public static IReadOnlyList<TextBlock> Parse(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        var blocks = new List<TextBlock>();
        var paragraph = 0;
        var start = 0;
        while (start <= canonicalText.Length)
        {
            var at = canonicalText.IndexOf(Separator, start, StringComparison.Ordinal);
            var end = at < 0 ? canonicalText.Length : at;
            var body = canonicalText.AsSpan(start, end - start);
            if (!body.IsWhiteSpace())
            {
                blocks.Add(HeadingRule.IsHeading(body)
                    ? new TextBlock(BlockKind.Heading, start, end, null)
                    : new TextBlock(BlockKind.Paragraph, start, end, ++paragraph));
            }
            if (at < 0) break;
            start = at + Separator.Length;
        }
        return blocks;
    }

    /// <summary>
    /// The number of the paragraph a passage starting at <paramref name="offset"/> (UTF-16) belongs to: that of
    /// the last block starting at or before it, or null when that block is a heading or there is none.
    /// The reading page, exports and the feedback list all number passages by this.
    /// </summary>
    public static int? ParagraphAt(IReadOnlyList<TextBlock> blocks, int offset) => BlockAt(blocks, offset)?.ParagraphNumber;

    /// <summary>The last block starting at or before <paramref name="offset"/> (UTF-16): the block a passage starting there is in.</summary>
    public static TextBlock? BlockAt(IReadOnlyList<TextBlock> blocks, int offset)
    {
        int low = 0, high = blocks.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (blocks[middle].Start <= offset) { found = middle; low = middle + 1; }
            else high = middle - 1;
        }
        return found < 0 ? null : blocks[found];
    }
}
