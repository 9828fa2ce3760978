using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Reading;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

public sealed class HighlightLayoutTests
{
    private static readonly IReadOnlyList<TextBlock> ExcerptBlocks = TextBlocks.Parse(Excerpt);

    // The excerpt's blocks: the heading, the paragraph about the Manifesto, the paragraph about the slogan.
    private static TextBlock Slogan => ExcerptBlocks[2];

    [Fact]
    public void The_excerpt_is_a_heading_and_two_paragraphs()
    {
        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph, BlockKind.Paragraph], ExcerptBlocks.Select(b => b.Kind));
    }

    [Fact]
    public void Segments_cover_each_block_completely_and_in_order()
    {
        var text = Article;
        var placed = HighlightLayout.Place(text,
        [
            Thread(text, "Proletarian internationalism, the important theoretical system of Marxism-Leninism"),
            Thread(text, "the important theoretical system"),
            Thread(text, "theoretical system of Marxism-Leninism on the principles"),
            Thread(text, "situation.\n\nINTRODUCTION\n\nThe \"Communist Manifesto\u201D", motivation: Motivations.Highlighting),
            Thread(text, "Proletarians of all countries unite!"),
        ]);
        Assert.All(placed, p => Assert.NotNull(p.Span));

        foreach (var block in TextBlocks.Parse(text))
        {
            var segments = HighlightLayout.Segments(block, placed);
            Assert.Equal(block.Start, segments[0].Start);
            Assert.Equal(block.End, segments[^1].End);
            Assert.All(segments, s => Assert.True(s.Start < s.End, $"empty segment at {s.Start}"));
            Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        }
    }

    [Fact]
    public void A_block_without_threads_is_one_plain_segment()
    {
        var segment = Assert.Single(HighlightLayout.Segments(Slogan, []));
        Assert.Equal((Slogan.Start, Slogan.End, 0), (segment.Start, segment.End, segment.Depth));
        Assert.Null(segment.Innermost);
    }

    [Fact]
    public void Nested_threads_have_depth_two_inside_and_the_inner_thread_is_innermost()
    {
        var outer = Thread(Excerpt, "Marx and Engels publicized their international character and called for the unity");
        var inner = Thread(Excerpt, "their international character");
        var placed = HighlightLayout.Place(Excerpt, [outer, inner]);

        var segments = HighlightLayout.Segments(Slogan, placed);

        Assert.Equal(
        [
            ("With the slogan \"Proletarians of all countries unite!\" ", 0, (Guid?)null),
            ("Marx and Engels publicized ", 1, outer.Id),
            ("their international character", 2, inner.Id),
            (" and called for the unity", 1, outer.Id),
            (" of the proletarian revolution.", 0, null),
        ], segments.Select(s => (Excerpt[s.Start..s.End], s.Depth, s.Innermost)));
        Assert.Equal(new HashSet<Guid> { outer.Id, inner.Id }, segments[2].Threads.ToHashSet());
    }

    [Fact]
    public void Partly_overlapping_threads_have_depth_two_in_the_overlap_and_the_shorter_one_is_innermost()
    {
        var longer = Thread(Excerpt, "the slogan \"Proletarians of all countries unite!\" Marx and Engels");
        var shorter = Thread(Excerpt, "Marx and Engels publicized their");
        var placed = HighlightLayout.Place(Excerpt, [longer, shorter]);

        var overlap = Assert.Single(HighlightLayout.Segments(Slogan, placed), s => s.Depth == 2);

        Assert.Equal("Marx and Engels", Excerpt[overlap.Start..overlap.End]);
        Assert.Equal(shorter.Id, overlap.Innermost);
    }

    [Fact]
    public void A_thread_over_two_paragraphs_is_split_at_the_block_boundary()
    {
        var thread = Thread(Excerpt, "with brutal conquests.\n\nWith the slogan");
        var placed = HighlightLayout.Place(Excerpt, [thread]);

        var endOfFirst = HighlightLayout.Segments(ExcerptBlocks[1], placed)[^1];
        var startOfSecond = HighlightLayout.Segments(ExcerptBlocks[2], placed)[0];

        Assert.Equal(("with brutal conquests.", thread.Id), (Excerpt[endOfFirst.Start..endOfFirst.End], endOfFirst.Innermost));
        Assert.Equal(("With the slogan", thread.Id), (Excerpt[startOfSecond.Start..startOfSecond.End], startOfSecond.Innermost));
    }

    [Fact]
    public void A_repeated_quote_is_placed_at_the_occurrence_it_was_made_on()
    {
        const string repeated = "Marx and Engels";
        var second = Excerpt.IndexOf(repeated, SpanOf(Excerpt, repeated).End, StringComparison.Ordinal);
        var (quote, position) = TextAnchor.Describe(Excerpt, new TextSpan(second, second + repeated.Length));
        var thread = Thread(Excerpt, repeated) with { Quote = quote, Position = position };

        var placed = Assert.Single(HighlightLayout.Place(Excerpt, [thread]));

        Assert.Equal(new TextSpan(second, second + repeated.Length), placed.Span);
    }

    [Fact]
    public void A_thread_whose_stored_position_no_longer_matches_is_found_by_its_quote()
    {
        var thread = Thread(Excerpt, "their international character");
        // A revision adds words before the passage: the stored position now points at other words.
        var revised = Excerpt.Replace("Marx and Engels publicized", "Marx and Engels, in London, publicized", StringComparison.Ordinal);
        var stale = TextAnchor.ToSpan(revised, thread.Position!);
        Assert.NotEqual("their international character", revised[stale.Start..stale.End]);

        var placed = Assert.Single(HighlightLayout.Place(revised, [thread]));

        Assert.Equal(SpanOf(revised, "their international character"), placed.Span);
    }

    [Fact]
    public void A_stored_position_past_the_end_of_a_shortened_text_falls_back_to_the_quote()
    {
        var thread = Thread(Excerpt, "the unity of the proletarian revolution");
        var revised = Excerpt.Replace(", and began to expand power to Africa, and Asia with brutal conquests", "", StringComparison.Ordinal);
        Assert.True(thread.Position!.End > revised.Length);

        var placed = Assert.Single(HighlightLayout.Place(revised, [thread]));

        Assert.Equal(SpanOf(revised, "the unity of the proletarian revolution"), placed.Span);
    }

    [Fact]
    public void A_thread_whose_quote_is_gone_is_left_unplaced_and_drawn_nowhere()
    {
        var thread = Thread(Excerpt, "their international character");
        // The passage was reworded; the old position still fits the text but holds other words.
        var revised = Excerpt.Replace("their international character", "the character of their struggle", StringComparison.Ordinal);

        var placed = HighlightLayout.Place(revised, [thread]);

        Assert.Null(Assert.Single(placed).Span);
        Assert.All(TextBlocks.Parse(revised), block => Assert.All(HighlightLayout.Segments(block, placed), s => Assert.Equal(0, s.Depth)));
    }

    [Fact]
    public void Replies_are_ignored()
    {
        var root = Thread(Excerpt, "brutal conquests");
        // Even a reply that carries selectors (as an API client might send) is not a highlight of its own.
        var reply = Reply(root, "Which conquests?") with { Quote = root.Quote, Position = root.Position };

        var placed = HighlightLayout.Place(Excerpt, [root, reply]);

        Assert.Equal(root.Id, Assert.Single(placed).Thread.Id);
    }

    [Fact]
    public void Runs_covered_only_by_highlights_are_marked_as_plain_highlights()
    {
        var highlight = Thread(Excerpt, "Marx and Engels publicized their", motivation: Motivations.Highlighting);
        var comment = Thread(Excerpt, "their international character", body: "Which character?");
        var placed = HighlightLayout.Place(Excerpt, [highlight, comment]);

        var marked = HighlightLayout.Segments(Slogan, placed).Where(s => s.Depth > 0)
            .Select(s => (Excerpt[s.Start..s.End], s.OnlyHighlights));

        Assert.Equal([("Marx and Engels publicized ", true), ("their", false), (" international character", false)], marked);
    }
}
