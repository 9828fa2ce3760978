using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Annotate.Shared.Text;
using Annotate.Web.Features.Annotations;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Export;

/// <summary>
/// The export as one self-contained HTML page meant for printing (or "Save as PDF" in a browser): the
/// article with every annotated passage marked and numbered, then the threads as numbered notes. Styles
/// are inline and nothing is loaded from elsewhere. Every word a user wrote is HTML-encoded; comment
/// bodies go through the same sanitising Markdown renderer as the reading page.
/// </summary>
public static class PrintableExport
{
    /// <summary>
    /// Its own styles and nothing else: no script, no image, nothing loaded, whatever a comment holds. Sent as
    /// the answer's header and written into the file, so the rule holds when it is opened from disk too.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public static async Task WriteHtmlAsync(ExportContent content, Stream output, PaperSize paper, CancellationToken cancellationToken)
    {
        var article = new PrintableArticle(content);
        // Async all the way: the server forbids synchronous writes to a response, and a big export
        // streams out through the writer's buffer instead of being built whole in memory.
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);

        await writer.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{Languages.Languages.Current}}">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="{{ContentSecurityPolicy}}">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(L["Export.HtmlTitle", content.Title])}}</title>
            <style>
            @page { size: {{(paper == PaperSize.Letter ? "Letter" : "A4")}}; margin: 20mm 22mm 22mm 24mm; }
            {{Styles}}
            </style>
            </head>
            <body>
            <header class="export-header">
            <p class="seminar">{{E(L["Export.SeminarRevision", content.SeminarName, content.Revision])}}</p>
            <h1 lang="{{E(Languages.ContentLanguage.Of(content.Language))}}">{{E(content.Title)}}</h1>
            {{(string.IsNullOrWhiteSpace(content.FilterDescription) ? "" : $"<p class=\"filter\">{E(content.FilterDescription)}</p>")}}
            <p class="contents">{{E(article.Contents(content))}}</p>
            </header>
            <article class="article" aria-label="{{E(content.Title)}}" lang="{{E(Languages.ContentLanguage.Of(content.Language))}}">

            """);

        foreach (var block in article.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteBlockAsync(writer, content.Text, block);
        }
        await writer.WriteAsync("</article>\n");

        var placed = article.Notes.Where(n => !n.Orphan).ToList();
        var orphans = article.Notes.Where(n => n.Orphan).ToList();
        if (placed.Count > 0)
        {
            await writer.WriteAsync($"<section class=\"notes\" aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">{E(L["Export.Notes"])}</h2>\n");
            foreach (var note in placed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await WriteNoteAsync(writer, note);
            }
            await writer.WriteAsync("</section>\n");
        }
        if (orphans.Count > 0)
        {
            await writer.WriteAsync($"<section class=\"notes orphans\" aria-labelledby=\"orphans-heading\">\n<h2 id=\"orphans-heading\">{E(L["Export.PassagesGone"])}</h2>\n" +
                $"<p class=\"explain\">{E(L["Export.PassagesGoneExplained"])}</p>\n");
            foreach (var note in orphans)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await WriteNoteAsync(writer, note);
            }
            await writer.WriteAsync("</section>\n");
        }
        if (article.Notes.Count == 0)
            await writer.WriteAsync($"<p class=\"empty\">{E(L["Export.NoneMatch"])}</p>\n");

        await writer.WriteAsync($"<footer class=\"export-footer\">{E(L["Export.Footer", content.Title])}</footer>\n</body>\n</html>\n");
        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteBlockAsync(StreamWriter writer, string text, PrintableArticle.Block block)
    {
        var html = new StringBuilder();
        if (block.Text.Kind == BlockKind.Heading) html.Append("<h2>");
        else html.Append($"<p id=\"p-{block.Text.ParagraphNumber}\"><span class=\"pnum\" aria-hidden=\"true\">{block.Text.ParagraphNumber}</span>");

        foreach (var run in block.Runs)
        {
            if (run.Depth > 0) html.Append($"<mark class=\"d{Math.Min(run.Depth, 4)}{(run.OnlyHighlights ? " plain" : "")}\">");
            html.Append(E(text[run.Start..run.End]));
            // The note numbers follow their passage like footnote references, linked to their notes;
            // inside the mark, so that a passage still covering the next words reads as one band.
            foreach (var number in run.Ending)
                html.Append($"<sup class=\"ref\"><a href=\"#note-{number}\" aria-label=\"{E(L["Export.NoteNumber", number])}\">{number}</a></sup>");
            if (run.Depth > 0) html.Append("</mark>");
        }

        html.Append(block.Text.Kind == BlockKind.Heading ? "</h2>\n" : "</p>\n");
        await writer.WriteAsync(html);
    }

    private static async Task WriteNoteAsync(StreamWriter writer, PrintableArticle.Note note)
    {
        var root = note.Thread.Root;
        var html = new StringBuilder();
        html.Append($"<section class=\"note{(root.Motivation == Shared.W3c.Motivations.Assessing ? " feedback" : "")}\" id=\"note-{note.Number}\">\n");
        html.Append($"<p class=\"quote\"><span class=\"num\">{note.Number}</span>");
        if (note.Thread.ParagraphNumber is { } paragraph) html.Append($"<span class=\"where\">¶ {paragraph}</span>");
        html.Append($"<q>{E(PrintableArticle.Quote(root))}</q></p>\n");
        if (root.OriginalExact is { } original)
            html.Append($"<p class=\"original\">{E(L["Export.EarlierWords"])} <q>{E(original)}</q></p>\n");
        AppendEntry(html, root);
        if (note.Thread.Replies.Count > 0)
        {
            html.Append("<div class=\"replies\">\n");
            foreach (var reply in note.Thread.Replies) AppendEntry(html, reply);
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
        await writer.WriteAsync(html);
    }

    private static void AppendEntry(StringBuilder html, AnnotationView annotation)
    {
        html.Append("<div class=\"entry\">\n<p class=\"byline\">");
        if (PrintableArticle.Kind(annotation) is { } kind) html.Append($"<span class=\"kind\">{kind}</span> ");
        html.Append($"<span class=\"author\">{E(PrintableArticle.Author(annotation))}</span> · <time datetime=\"{annotation.Created:O}\">{PrintableArticle.Time(annotation.Created)}</time>");
        if (annotation.Modified > annotation.Created.AddMinutes(1)) html.Append(" · ").Append(E(L["Export.Edited"]));
        foreach (var flag in PrintableArticle.Flags(annotation)) html.Append($" · <span class=\"flag\">{E(flag)}</span>");
        html.Append("</p>\n");
        // Markdown through the renderer that escapes raw HTML and sanitises the rest: no user markup reaches the page.
        if (annotation.ByDeletedAccount) html.Append($"<div class=\"body deleted\"><em>{E(AnnotationService.DeletedBodyText)}</em></div>\n");
        else if (!string.IsNullOrWhiteSpace(annotation.Body)) html.Append($"<div class=\"body\">{MarkdownRenderer.ToSafeHtml(annotation.Body)}</div>\n");
        if (annotation.Tags.Count > 0)
            html.Append($"<p class=\"tags\">{string.Join(" ", annotation.Tags.Select(t => $"<span class=\"tag\">#{E(t)}</span>"))}</p>\n");
        html.Append("</div>\n");
    }

    // Encodes markup characters but leaves letters of every script as they are, so the page stays readable as source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    // Print first: serif text at a reading size, marks whose colour survives printing (browsers drop
    // backgrounds unless told), note numbers in the margin, and no note split over two pages if avoidable.
    private const string Styles = """
        :root { --ink: #1b1b1b; --muted: #5d5d5d; --accent: #8a4b00; --hl-1: #fff0b3; --hl-2: #ffe08a; --hl-3: #ffc870; --hl-4: #ffad5c; --hl-plain: #d5efd2; }
        * { box-sizing: border-box; }
        html { color: var(--ink); background: #fff; }
        body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.5rem 3rem 3.5rem; font: 11pt/1.55 "DejaVu Serif", Georgia, "Times New Roman", serif; }
        @media print { body { max-width: none; padding: 0 0 0 2.5rem; } a { color: inherit; text-decoration: none; } }
        .export-header { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; border-bottom: 1px solid #bbb; padding-bottom: 0.8rem; margin-bottom: 1.4rem; }
        .export-header h1 { font-family: "DejaVu Serif", Georgia, serif; font-size: 20pt; line-height: 1.2; margin: 0.2rem 0 0.5rem; }
        .seminar, .contents { margin: 0; font-size: 9pt; color: var(--muted); }
        .filter { margin: 0 0 0.25rem; font-size: 12pt; font-weight: bold; color: var(--accent); }
        .article h2 { font-size: 13.5pt; line-height: 1.3; margin: 1.4rem 0 0.5rem; break-after: avoid; page-break-after: avoid; }
        .article p { position: relative; margin: 0 0 0.75rem; orphans: 2; widows: 2; hyphens: auto; white-space: pre-line; }
        .pnum { position: absolute; left: -2.6rem; width: 2rem; text-align: right; top: 0.25em; font: 7.5pt "DejaVu Sans", Arial, sans-serif; color: #8a8a8a; }
        mark { color: inherit; background: var(--hl-1); padding: 0.05em 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        mark.d2 { background: var(--hl-2); } mark.d3 { background: var(--hl-3); } mark.d4 { background: var(--hl-4); } mark.plain { background: var(--hl-plain); }
        sup.ref { font: bold 7pt "DejaVu Sans", Arial, sans-serif; color: var(--accent); margin-left: 0.08em; line-height: 0; }
        sup.ref + sup.ref::before { content: ","; }
        sup.ref a { color: inherit; text-decoration: none; }
        .notes { margin-top: 2rem; border-top: 1px solid #bbb; break-before: auto; }
        .notes h2 { font: bold 13pt "DejaVu Sans", Arial, sans-serif; margin: 1rem 0 0.8rem; break-after: avoid; page-break-after: avoid; }
        .explain { font-size: 9.5pt; color: var(--muted); margin-top: -0.4rem; break-after: avoid; page-break-after: avoid; }
        .note { position: relative; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; font-size: 10pt; }
        .quote { margin: 0 0 0.2rem; font-style: italic; color: #444; }
        .num { position: absolute; left: -2.6rem; width: 2rem; text-align: right; font: bold 9pt "DejaVu Sans", Arial, sans-serif; font-style: normal; color: var(--accent); }
        .where { font: 8pt "DejaVu Sans", Arial, sans-serif; font-style: normal; color: var(--muted); margin-right: 0.5rem; }
        .original { margin: 0 0 0.2rem; font-size: 9pt; color: var(--muted); }
        .entry { margin: 0.2rem 0 0.35rem; }
        .byline { margin: 0; font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: var(--muted); }
        .author { color: var(--ink); font-weight: bold; }
        .kind { display: inline-block; font-weight: bold; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.04em; color: var(--accent); border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3em; }
        .feedback > .entry:first-of-type .kind { color: #fff; background: var(--accent); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .body { margin: 0.1rem 0 0; }
        .body.deleted { color: var(--muted); }
        .body > :first-child { margin-top: 0; } .body > :last-child { margin-bottom: 0; }
        .body p { margin: 0 0 0.35rem; }
        .body pre, .body code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
        .body .md-image { font-style: italic; }
        .tags { margin: 0.1rem 0 0; font: 8pt "DejaVu Sans", Arial, sans-serif; color: var(--muted); }
        .tag { margin-right: 0.4rem; }
        .replies { margin: 0.25rem 0 0 1.2rem; padding-left: 0.7rem; border-left: 2px solid #ddd; }
        .empty { color: var(--muted); font-style: italic; }
        .export-footer { margin-top: 2rem; font: 8pt "DejaVu Sans", Arial, sans-serif; color: var(--muted); }
        """;
}
