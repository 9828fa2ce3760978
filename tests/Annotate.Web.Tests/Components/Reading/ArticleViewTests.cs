using AngleSharp.Dom;
using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Bunit;
using Microsoft.AspNetCore.Components;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

public sealed class ArticleViewTests : MudComponentTest
{
    private IRenderedComponent<ArticleView> RenderArticle(string text, IEnumerable<AnnotationView> annotations,
        ArticleView.SelectedPassage? selection = null, Action<ComponentParameterCollectionBuilder<ArticleView>>? more = null) =>
        Live().Render<ArticleView>(ps =>
        {
            var discussion = new Discussion();
            discussion.Load(text, annotations);
            ps.Add(p => p.Title, "Proletarian internationalism")
              .Add(p => p.Discussion, discussion)
              .Add(p => p.Selection, selection);
            more?.Invoke(ps);
        });

    /// <summary>The context, rendering as a live circuit does (the article asks).</summary>
    private BunitContext Live()
    {
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Context;
    }

    /// <summary>Where a node inside a .block-text starts in the canonical text: the block's data-start plus the text before it.</summary>
    private static int OffsetOf(IElement mark)
    {
        var block = mark.ParentElement!;
        Assert.True(block.ClassList.Contains("block-text"), "a mark sits directly in its block's text");
        var offset = int.Parse(block.GetAttribute("data-start")!);
        foreach (var node in block.ChildNodes.TakeWhile(n => n != mark)) offset += node.TextContent.Length;
        return offset;
    }

    /// <summary>Marks name their threads by a short key made from the id, innermost first.</summary>
    private static IEnumerable<IElement> MarksOf(IRenderedComponent<ArticleView> cut, Guid threadId) =>
        cut.FindAll("mark").Where(m => m.GetAttribute("data-t")!.Split(' ').Contains(Key(threadId)));

    private static string Key(Guid threadId) => MarkedText.Key(threadId);

    private static string? Innermost(IElement mark) => mark.GetAttribute("data-t")!.Split(' ')[0];

    [Fact]
    public void Renders_an_article_with_heading_elements_and_numbered_paragraphs()
    {
        var cut = RenderArticle(Excerpt, []);

        var article = cut.Find("article");
        Assert.Equal(["INTRODUCTION"], article.QuerySelectorAll("h2").Select(h => h.TextContent));
        var paragraphs = article.QuerySelectorAll("p.block-paragraph");
        Assert.Equal(["1", "2"], paragraphs.Select(p => p.QuerySelector(".pnum")!.TextContent));
        Assert.StartsWith("With the slogan", paragraphs[1].QuerySelector(".block-text")!.TextContent);
    }

    [Fact]
    public void Block_texts_joined_by_blank_lines_are_exactly_the_canonical_text_with_highlights_drawn()
    {
        var text = Article;
        var annotations = new[]
        {
            Thread(text, "Proletarian internationalism, the important theoretical system of Marxism-Leninism"),
            Thread(text, "the important theoretical system"),
            Thread(text, "situation.\n\nINTRODUCTION\n\nThe \"Communist Manifesto\u201D"),
            Thread(text, "Proletarians of all countries unite!"),
        };

        var cut = RenderArticle(text, annotations);

        Assert.NotEmpty(cut.FindAll("mark"));
        var blocks = cut.FindAll(".block-text");
        Assert.Equal(TextBlocks.Parse(text).Count, blocks.Count);
        Assert.Equal(text, string.Join("\n\n", blocks.Select(b => b.TextContent)));
    }

    [Fact]
    public void Each_block_text_starts_at_its_offset_in_the_canonical_text()
    {
        var text = Article;

        var cut = RenderArticle(text, []);

        Assert.All(cut.FindAll(".block-text"), block =>
        {
            var start = int.Parse(block.GetAttribute("data-start")!);
            Assert.Equal(text.Substring(start, block.TextContent.Length), block.TextContent);
        });
    }

    [Fact]
    public void Draws_each_annotation_as_marks_over_exactly_its_passage()
    {
        var manifesto = Thread(Excerpt, "published by Marx and Engels (February 1848)");
        var slogan = Thread(Excerpt, "\"Proletarians of all countries unite!\"");

        var cut = RenderArticle(Excerpt, [manifesto, slogan]);

        foreach (var thread in new[] { manifesto, slogan })
        {
            var mark = Assert.Single(MarksOf(cut, thread.Id));
            Assert.Equal(thread.Quote!.Exact, mark.TextContent);
            Assert.Equal(SpanOf(Excerpt, thread.Quote.Exact).Start, OffsetOf(mark));
            Assert.Equal(Key(thread.Id), Innermost(mark));
            Assert.Contains("d1", mark.ClassList);
        }
    }

    [Fact]
    public void Overlapping_annotations_are_darker_where_they_meet()
    {
        var outer = Thread(Excerpt, "Marx and Engels publicized their international character and called for the unity");
        var inner = Thread(Excerpt, "their international character");

        var cut = RenderArticle(Excerpt, [outer, inner]);

        var marks = MarksOf(cut, outer.Id).ToList();
        Assert.Equal(outer.Quote!.Exact, string.Concat(marks.Select(m => m.TextContent)));
        var deeper = Assert.Single(marks, m => m.ClassList.Contains("d2"));
        Assert.Equal(("their international character", Key(inner.Id)), (deeper.TextContent, Innermost(deeper)));
        Assert.Equal(SpanOf(Excerpt, "their international character").Start, OffsetOf(deeper));
        Assert.All(marks.Where(m => m != deeper), m => Assert.Contains("d1", m.ClassList));
    }

    [Fact]
    public void A_passage_over_two_paragraphs_is_marked_in_both_and_the_gap_stays_unmarked()
    {
        var thread = Thread(Excerpt, "with brutal conquests.\n\nWith the slogan");

        var cut = RenderArticle(Excerpt, [thread]);

        var marks = MarksOf(cut, thread.Id).ToList();
        Assert.Equal(["with brutal conquests.", "With the slogan"], marks.Select(m => m.TextContent));
        Assert.Equal([SpanOf(Excerpt, "with brutal").Start, SpanOf(Excerpt, "With the slogan").Start], marks.Select(OffsetOf));
    }

    [Fact]
    public void An_unplaced_annotation_draws_no_mark()
    {
        var thread = Thread(Excerpt, "their international character");
        var revised = Excerpt.Replace("their international character", "the character of their struggle", StringComparison.Ordinal);

        var cut = RenderArticle(revised, [thread]);

        Assert.Empty(cut.FindAll("mark"));
    }

    [Fact]
    public void Without_a_selection_there_is_no_toolbar()
    {
        var cut = RenderArticle(Excerpt, []);

        Assert.Empty(cut.FindAll("[role=toolbar]"));
    }

    [Fact]
    public void A_selection_shows_Annotate_and_Highlight_which_report_its_span()
    {
        var span = SpanOf(Excerpt, "brutal conquests");
        var annotated = new List<TextSpan>();
        var highlighted = new List<TextSpan>();

        var cut = RenderArticle(Excerpt, [], new ArticleView.SelectedPassage(span, 120, 40), ps => ps
            .Add(p => p.OnAnnotate, s => annotated.Add(s))
            .Add(p => p.OnHighlight, s => highlighted.Add(s)));

        Assert.Equal(["Annotate", "Highlight"], cut.Find("[role=toolbar]").QuerySelectorAll("button").Select(b => b.TextContent.Trim()));

        ToolbarButton(cut, "Annotate").Click();
        Assert.Equal([span], annotated);

        ToolbarButton(cut, "Highlight").Click();
        Assert.Equal([span], highlighted);
    }

    private static IElement ToolbarButton(IRenderedComponent<ArticleView> cut, string name) =>
        cut.Find("[role=toolbar]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == name);

    [Fact]
    public async Task A_browser_selection_is_trimmed_of_whitespace_at_its_ends()
    {
        var reported = new List<ArticleView.SelectedPassage?>();
        var cut = RenderArticle(Excerpt, [], more: ps => ps.Add(p => p.SelectionChanged, s => reported.Add(s)));
        var words = SpanOf(Excerpt, "With the slogan");

        // A triple click or a sloppy drag catches the blank line before the paragraph and the space after the words.
        await cut.InvokeAsync(() => cut.Instance.OnSelection(words.Start - 2, words.End + 1, 200, 30));

        Assert.Equal([new ArticleView.SelectedPassage(words, 200, 30)], reported);
    }

    [Fact]
    public async Task A_selection_of_only_whitespace_is_reported_as_none()
    {
        var reported = new List<ArticleView.SelectedPassage?>();
        var cut = RenderArticle(Excerpt, [], more: ps => ps.Add(p => p.SelectionChanged, s => reported.Add(s)));
        var gap = SpanOf(Excerpt, "\n\nWith");

        await cut.InvokeAsync(() => cut.Instance.OnSelection(gap.Start, gap.Start + 2, 200, 30));

        Assert.Equal([null], reported);
    }

    [Fact]
    public void The_article_speaks_the_documents_language_and_its_subtitle_the_pages()
    {
        var cut = RenderArticle(Excerpt, [], more: ps => ps.Add(p => p.Language, "en").Add(p => p.Subtitle, "Lớp thảo luận · bản 1"));

        Assert.Equal("en", cut.Find("article").GetAttribute("lang"));
        Assert.Equal("en", cut.Find("h1").GetAttribute("lang"));
        Assert.Equal(Annotate.Web.Features.Languages.Languages.Current, cut.Find(".article-subtitle").GetAttribute("lang"));
    }

    [Fact]
    public void An_article_of_unknown_language_says_so_rather_than_take_the_pages()
    {
        var cut = RenderArticle(Excerpt, []);

        Assert.Equal("", cut.Find("article").GetAttribute("lang"));
    }
}
