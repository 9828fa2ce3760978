using Markdig;

namespace Annotate.Shared.Text;

/// <summary>
/// A comment's Markdown reduced to the words a reader sees, for the search index: emphasis, code and headings
/// give their text, a link its text (not its address, so a URL or a mention's user id is not a word of the
/// comment), an image its description; runs of white space become one space.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .Build();

    // Text without any of these reads the same as Markdown (list and heading markers are not words either way),
    // and most comments are such text: they skip the parser.
    private static readonly System.Buffers.SearchValues<char> MarkupCharacters = System.Buffers.SearchValues.Create("*_`[]<>#!~|&\\");

    public static string ToPlain(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var text = markdown.AsSpan().ContainsAny(MarkupCharacters) ? Markdown.ToPlainText(markdown, Pipeline) : markdown;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
