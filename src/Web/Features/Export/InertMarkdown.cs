using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annotate.Web.Features.Export;

/// <summary>
/// A comment's Markdown as the Markdown export writes it: as typed, except what a Markdown viewer would
/// fetch by itself when it shows the file. An image becomes a link to it (its "!" goes), and raw HTML
/// reads as text (its "&lt;" is escaped) — the reading page shows neither as anything else either.
/// </summary>
internal static class InertMarkdown
{
    // What common viewers understand (raw HTML included, so that it can be found), with exact positions.
    private static readonly MarkdownPipeline Parser = new MarkdownPipelineBuilder()
        .UseEmphasisExtras().UseAutoLinks().UsePipeTables().UseTaskLists().UsePreciseSourceLocation().Build();

    public static string Of(string markdown)
    {
        if (markdown.IndexOf('!') < 0 && markdown.IndexOf('<') < 0) return markdown;
        var document = Markdown.Parse(markdown, Parser);
        // (position, what to do there), applied from the end so earlier positions stay valid.
        var edits = new List<(int At, bool Escape)>();
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
            if (image.Span.Start >= 0 && image.Span.Start < markdown.Length && markdown[image.Span.Start] == '!')
                edits.Add((image.Span.Start, false));
        foreach (var span in document.Descendants<HtmlInline>().Select(h => h.Span)
                     .Concat(document.Descendants<HtmlBlock>().Select(b => b.Span)))
            for (var at = Math.Max(0, span.Start); at <= span.End && at < markdown.Length; at++)
                if (markdown[at] == '<') edits.Add((at, true));
        if (edits.Count == 0) return markdown;

        var text = new System.Text.StringBuilder(markdown);
        foreach (var (at, escape) in edits.Distinct().OrderByDescending(e => e.At))
        {
            if (escape) text.Insert(at, '\\');
            else text.Remove(at, 1);
        }
        return text.ToString();
    }
}
