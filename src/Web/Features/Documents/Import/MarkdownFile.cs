using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annotate.Web.Features.Documents.Import;

/// <summary>
/// .md: the canonical text is plain text, so Markdown is parsed and its words kept without the markup.
/// Headings and paragraphs become blocks; a list item becomes a paragraph that keeps its marker
/// ("• " or "1. ", which also keeps a short item from reading as a heading); a code block is one
/// paragraph; quotes and table cells give their paragraphs in order. Emphasis and code spans give
/// their text, a link its text (an autolink its address); images, raw HTML, rules and front matter give nothing.
/// </summary>
internal static class MarkdownFile
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseYamlFrontMatter()
        .Build();

    public static string Read(byte[] bytes)
    {
        var document = Markdown.Parse(PlainTextFile.Decode(bytes), Pipeline);
        var blocks = new CanonicalBlocks();
        WriteBlocks(document, blocks, marker: null);
        return blocks.ToString();
    }

    /// <param name="marker">The list marker that goes before the first paragraph of a list item.</param>
    private static void WriteBlocks(ContainerBlock container, CanonicalBlocks blocks, string? marker)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    blocks.AddHeading(InlineText(heading.Inline));
                    break;
                case ParagraphBlock paragraph:
                    blocks.AddParagraph(marker + InlineText(paragraph.Inline));
                    marker = null;
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                        WriteBlocks(item, blocks, list.IsOrdered ? $"{item.Order}{list.OrderedDelimiter} " : "• ");
                    break;
                case YamlFrontMatterBlock or HtmlBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup:
                    break;
                case CodeBlock code:
                    blocks.AddParagraph(marker + code.Lines.ToString());
                    marker = null;
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                        foreach (var cell in row.OfType<TableCell>())
                            WriteBlocks(cell, blocks, marker: null);
                    break;
                case ContainerBlock other: // quotes, and whatever else holds blocks
                    WriteBlocks(other, blocks, marker);
                    marker = null;
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    blocks.AddParagraph(InlineText(leaf.Inline));
                    break;
            }
        }
    }

    private static string InlineText(ContainerInline? inlines)
    {
        var text = new StringBuilder();
        AppendInlines(inlines, text);
        return text.ToString();
    }

    private static void AppendInlines(ContainerInline? container, StringBuilder text)
    {
        if (container is null) return;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline lineBreak:
                    // A soft break is only where the source wrapped; a hard one the author meant.
                    text.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline { IsImage: true } or HtmlInline:
                    break;
                case ContainerInline children: // emphasis, links, unmatched delimiters
                    AppendInlines(children, text);
                    break;
            }
        }
    }
}
