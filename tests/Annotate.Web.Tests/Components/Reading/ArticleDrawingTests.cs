using System.Net;
using System.Text.RegularExpressions;
using Annotate.Shared;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;
using Annotate.Web.Tests.Infrastructure;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// A long article's marks reach a live page over several renders, each a batch of its own under the budget (issue 12:
/// the server keeps buffers the size of the largest batch it wrote), the text whole from the first.
/// </summary>
public sealed class ArticleDrawingTests
{
    private static Discussion Loaded(IEnumerable<AnnotationView> visible)
    {
        var discussion = new Discussion();
        discussion.Load(Article, visible);
        return discussion;
    }

    /// <summary>Characters of marked markup a step brought in: the blocks that changed and now show the discussion's markup.</summary>
    private static int BroughtIn(IReadOnlyList<string> before, ArticleDrawing drawing, Discussion discussion) =>
        Enumerable.Range(0, before.Count)
            .Where(b => !ReferenceEquals(before[b], drawing.Shown[b]) && ReferenceEquals(drawing.Shown[b], discussion.Markup[b]))
            .Sum(b => drawing.Shown[b].Length);

    [Fact]
    public void The_marks_of_2000_threads_come_in_renders_of_at_most_the_budget_with_the_words_all_there_from_the_first()
    {
        var discussion = Loaded(SyntheticDiscussion.Create(Article, threads: 2000, replies: 0));
        Assert.True(discussion.Markup.Sum(m => m.Length) > 4 * ArticleDrawing.Budget, "the marks are more than a few budgets");
        var drawing = new ArticleDrawing();

        var steps = 0;
        IReadOnlyList<string> before = SharedReading.PlainBlocks(discussion.Text);
        do
        {
            drawing.Advance(discussion, ArticleDrawing.Budget);
            steps++;
            var brought = BroughtIn(before, drawing, discussion);
            // A block larger than the budget comes alone.
            Assert.True(brought <= ArticleDrawing.Budget || drawing.Shown.Count(b => !before.Contains(b)) == 1, $"step {steps} brought {brought} characters");
            // Every block shows the text: its own markup or its plain words, nothing else.
            Assert.All(Enumerable.Range(0, drawing.Shown.Count), b =>
                Assert.True(ReferenceEquals(drawing.Shown[b], discussion.Markup[b]) || ReferenceEquals(drawing.Shown[b], SharedReading.PlainBlocks(discussion.Text)[b])));
            before = [.. drawing.Shown];
        }
        while (drawing.CatchingUp && steps < 100);

        Assert.False(drawing.CatchingUp);
        Assert.True(steps > 4, $"{steps} steps");
        Assert.Equal(discussion.Markup, drawing.Shown);
    }

    [Fact]
    public void Without_a_budget_a_prerender_draws_everything_at_once()
    {
        var discussion = Loaded(SyntheticDiscussion.Create(Article, threads: 2000, replies: 0));
        var drawing = new ArticleDrawing();

        drawing.Advance(discussion, int.MaxValue);

        Assert.False(drawing.CatchingUp);
        Assert.Equal(discussion.Markup, drawing.Shown);
    }

    [Fact]
    public void A_live_change_is_drawn_in_one_step()
    {
        var discussion = Loaded(SyntheticDiscussion.Create(Article, threads: 300, replies: 0));
        var drawing = new ArticleDrawing();
        while (true)
        {
            drawing.Advance(discussion, ArticleDrawing.Budget);
            if (!drawing.CatchingUp) break;
        }

        discussion.Apply(AnnotationEventKind.Created, Thread(Article, "proletarian internationalism", body: "New."));
        drawing.Advance(discussion, ArticleDrawing.Budget);

        Assert.False(drawing.CatchingUp);
        Assert.Equal(discussion.Markup, drawing.Shown);
    }

    [Fact]
    public void A_reload_of_what_the_reader_may_see_comes_whole_never_with_marks_of_threads_they_no_longer_see()
    {
        // Ben's private notes over the whole text were on the page (he wrote them); then the page loads what he may
        // see now (the account that wrote them is gone, say): the teacher's threads only, far more than a budget of marks.
        var teachers = SyntheticDiscussion.Create(Article, threads: 2000, replies: 0);
        var bensNotes = SyntheticDiscussion.Create(Article, threads: 200, replies: 0, seed: 11)
            .Select(n => n with { AuthorId = "ben-id", Visibility = Visibility.Private, Access = new VisibilityFacts("ben-id", Visibility.Private, null) })
            .ToList();
        var discussion = Loaded([.. teachers, .. bensNotes]);
        var drawing = new ArticleDrawing();
        do drawing.Advance(discussion, ArticleDrawing.Budget);
        while (drawing.CatchingUp);

        discussion.Load(Article, teachers);
        drawing.Advance(discussion, ArticleDrawing.Budget);

        Assert.False(drawing.CatchingUp);
        Assert.Equal(discussion.Markup, drawing.Shown);
        var shownKeys = KeysIn(drawing.Shown);
        Assert.NotEmpty(shownKeys);
        Assert.DoesNotContain(bensNotes, note => shownKeys.Contains(MarkedText.Key(note.Id)));
    }

    [Fact]
    public void A_new_revision_is_drawn_like_a_first_text_its_marks_brought_in_over_renders_never_the_old_texts()
    {
        var discussion = Loaded(SyntheticDiscussion.Create(Article, threads: 2000, replies: 0));
        var drawing = new ArticleDrawing();
        do drawing.Advance(discussion, ArticleDrawing.Budget);
        while (drawing.CatchingUp);

        // The teacher added a paragraph at the top: every offset moved.
        var revised = "A NEW OPENING\n\nThe teacher put this paragraph first, so every passage below it has moved.\n\n" + Article;
        discussion.Load(revised, SyntheticDiscussion.Create(revised, threads: 2000, replies: 0));
        drawing.Advance(discussion, ArticleDrawing.Budget);

        Assert.True(drawing.CatchingUp);
        Assert.Equal(revised, string.Join("\n\n", drawing.Shown.Select(block => WebUtility.HtmlDecode(Regex.Replace(block, "<span class=\"pnum\"[^<]*</span>|<[^>]+>", "")))));
    }

    private static HashSet<string> KeysIn(IEnumerable<string> blocks) =>
        blocks.SelectMany(block => Regex.Matches(block, "data-t=\"([^\"]*)\"").SelectMany(m => m.Groups[1].Value.Split(' '))).ToHashSet();
}
