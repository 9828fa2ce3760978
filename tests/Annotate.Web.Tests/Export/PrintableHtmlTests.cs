using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Annotate.Web.Features.Export;
using static Annotate.Web.Tests.Components.TestArticle;
using static Annotate.Web.Tests.Export.PrintableSamples;

namespace Annotate.Web.Tests.Export;

public sealed partial class PrintableHtmlTests
{
    private static async Task<string> HtmlOf(ExportContent content, PaperSize paper = PaperSize.A4)
    {
        using var output = new MemoryStream();
        await PrintableExport.WriteHtmlAsync(content, output, paper, CancellationToken.None);
        Assert.True(output.CanWrite, "the writer must leave the caller's stream open");
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>What a reader sees of an element's text: tags dropped, entities decoded.</summary>
    private static string TextOf(string html) => WebUtility.HtmlDecode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [Fact]
    public async Task The_page_holds_the_header_the_article_with_marks_and_the_numbered_notes()
    {
        var html = await HtmlOf(PrintableSamples.Excerpt());

        Assert.StartsWith("<!DOCTYPE html>", html);
        // A document of no declared language says so (lang=""), rather than take the export's.
        Assert.Contains("<h1 lang=\"\">Proletarian Internationalism</h1>", html);
        Assert.Contains("<p class=\"filter\">All annotations you can see</p>", html);
        Assert.Contains("2 threads with 1 reply · exported for Teresa Teacher on 2 April 2025, 16:45 UTC", TextOf(html));
        Assert.Contains("<h2>INTRODUCTION</h2>", html);
        Assert.Contains("The \"Communist Manifesto\u201D was written and published by Marx and Engels", TextOf(html));

        // Numbers follow the text: the feedback's passage comes first, then the slogan.
        Assert.Contains("<mark class=\"d1\">capitalism had developed at a high level<sup class=\"ref\"><a href=\"#note-1\"", html);
        Assert.Contains("<mark class=\"d1\">Proletarians of all countries unite!<sup class=\"ref\"><a href=\"#note-2\"", html);

        var notes = html[html.IndexOf("<section class=\"notes\"", StringComparison.Ordinal)..];
        Assert.Contains("id=\"note-1\"", notes);
        Assert.Contains("<span class=\"kind\">Feedback</span>", notes);
        Assert.Contains("Good that you <em>date</em> this.", notes);
        Assert.Contains("Is this <strong>still</strong> true today?", notes);
        Assert.Contains("Yes — arguably more than ever.", notes);
        Assert.True(notes.IndexOf("id=\"note-1\"", StringComparison.Ordinal) < notes.IndexOf("id=\"note-2\"", StringComparison.Ordinal));
        // The reply sits inside its thread's note, after the comment it answers.
        var second = notes[notes.IndexOf("id=\"note-2\"", StringComparison.Ordinal)..];
        Assert.True(second.IndexOf("true today?", StringComparison.Ordinal) < second.IndexOf("class=\"replies\"", StringComparison.Ordinal));
        Assert.Contains("¶ 2", TextOf(second));
    }

    [Theory]
    [InlineData(PaperSize.A4, "size: A4;")]
    [InlineData(PaperSize.Letter, "size: Letter;")]
    public async Task The_page_asks_the_printer_for_the_chosen_paper(PaperSize paper, string rule)
    {
        var html = await HtmlOf(PrintableSamples.Excerpt(), paper);
        Assert.Contains($"@page {{ {rule}", html);
    }

    [Fact]
    public async Task Nothing_a_user_wrote_reaches_the_page_as_markup()
    {
        var text = Components.TestArticle.Excerpt;
        var root = Thread(text, "Proletarians of all countries unite!", "<script>alert('body')</script> and <img src=x onerror=alert(1)>",
            authorName: "<script>alert('name')</script>");
        var reply = Reply(root, "[click](javascript:alert(1))", authorName: "Ben <b>bold</b>");
        var html = await HtmlOf(Content(text, [Exported(text, root, reply)], title: "<script>alert('title')</script>",
            filter: "Feedback report for <i>Ana</i>", reader: "</p><script>x</script>"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html);
        Assert.DoesNotContain("<i>Ana", html);
        // What was typed is shown as typed.
        Assert.Contains("<script>alert('body')</script>", TextOf(html));
        Assert.Contains("<script>alert('name')</script>", TextOf(html));
        Assert.Contains("Feedback report for &lt;i&gt;Ana&lt;/i&gt;", html);
    }

    [Fact]
    public async Task Overlapping_passages_become_flat_marks_each_numbered_where_it_ends()
    {
        var text = Components.TestArticle.Excerpt;
        var first = Thread(text, "Marx and Engels publicized their international character", "The claim.");
        var second = Thread(text, "publicized their international character and called for the unity", "The call.", authorName: "Ben");
        var html = await HtmlOf(Content(text, [Exported(text, first), Exported(text, second)]));

        Assert.Contains(
            "<mark class=\"d1\">Marx and Engels </mark>" +
            "<mark class=\"d2\">publicized their international character<sup class=\"ref\"><a href=\"#note-1\" aria-label=\"note 1\">1</a></sup></mark>" +
            "<mark class=\"d1\"> and called for the unity<sup class=\"ref\"><a href=\"#note-2\" aria-label=\"note 2\">2</a></sup></mark>",
            html);
        Assert.Contains("<q>Marx and Engels publicized their international character</q>", html);
        Assert.Contains("<q>publicized their international character and called for the unity</q>", html);
    }

    [Fact]
    public async Task A_passage_spanning_paragraphs_is_marked_in_each_and_numbered_once_at_its_end()
    {
        var text = Components.TestArticle.Excerpt;
        var root = Thread(text, "with brutal conquests.\n\nWith the slogan", "Across the break.");
        var html = await HtmlOf(Content(text, [Exported(text, root)]));

        Assert.Contains("<mark class=\"d1\">with brutal conquests.</mark></p>", html);
        Assert.Contains("<mark class=\"d1\">With the slogan<sup class=\"ref\"><a href=\"#note-1\"", html);
        Assert.Single(Regex.Matches(html, "href=\"#note-1\""));
    }

    [Fact]
    public async Task Orphans_are_listed_last_with_their_original_words_and_no_mark()
    {
        var text = Components.TestArticle.Excerpt;
        var placed = Thread(text, "Proletarians of all countries unite!", "Still here.");
        var orphan = Orphan("the workers have no country", "Where did this go?");
        var html = await HtmlOf(Content(text, [Exported(text, orphan), Exported(text, placed)]));

        var orphans = html[html.IndexOf("Passages no longer in the text", StringComparison.Ordinal)..];
        Assert.Contains("id=\"note-2\"", orphans);
        Assert.Contains("<q>the workers have no country</q>", orphans);
        Assert.Contains("Where did this go?", orphans);
        Assert.DoesNotContain("the workers have no country", html[..html.IndexOf("</article>", StringComparison.Ordinal)]);
        Assert.DoesNotContain("#note-2", html);
        Assert.Contains("1 on a passage no longer in the text", TextOf(html));
    }

    [Fact]
    public async Task A_feedback_report_says_so_at_the_top()
    {
        var html = await HtmlOf(PrintableSamples.Excerpt(filter: "Feedback report for Ana"));
        var header = html[..html.IndexOf("</header>", StringComparison.Ordinal)];
        Assert.Contains("<p class=\"filter\">Feedback report for Ana</p>", header);
    }

    [Fact]
    public async Task An_export_without_threads_is_the_article_and_says_there_is_nothing_else()
    {
        var html = await HtmlOf(Content(Components.TestArticle.Excerpt, []));
        Assert.DoesNotContain("<mark", html);
        Assert.Contains("No annotations match this export.", html);
        Assert.Contains("With the slogan", html);
    }

    [Fact]
    public async Task The_whole_article_streams_out_with_every_paragraph()
    {
        var content = WholeArticle();
        var html = await HtmlOf(content);
        var paragraphs = Shared.Text.TextBlocks.Parse(content.Text).Count(b => b.Kind == Shared.Text.BlockKind.Paragraph);
        Assert.Contains($"id=\"p-{paragraphs}\"", html);
        Assert.Equal(4, Regex.Matches(html, "<sup class=\"ref\">").Count);
        Assert.Contains("<span class=\"kind\">Question</span>", html);
    }

    [Fact]
    public async Task Passages_after_astral_characters_are_marked_on_their_own_words()
    {
        // Positions count code points; the emoji before the passage are two UTF-16 units each.
        var text = Infrastructure.SampleTexts.WithEmoji;
        var root = Thread(text, "history of all hitherto existing society", "Code points, not UTF-16 units.");
        var html = await HtmlOf(Content(text, [Exported(text, root)]));
        Assert.Contains("<mark class=\"d1\">history of all hitherto existing society<sup", html);
    }

    [Fact]
    public async Task A_cancelled_export_stops()
    {
        using var output = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            PrintableExport.WriteHtmlAsync(WholeArticle(), output, PaperSize.A4, new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            PdfExport.WriteAsync(WholeArticle(), output, PaperSize.A4, new CancellationToken(canceled: true)));
    }
}
