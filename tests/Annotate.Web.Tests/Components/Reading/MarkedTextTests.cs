using System.Text;
using Annotate.Web.Components.Reading;
using Annotate.Web.Tests.Infrastructure;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The article's marks as HTML: exact, and small, because a long discussion has thousands of them (issue 12: the
/// first render of 2,000 threads under 300 KB).
/// </summary>
public sealed class MarkedTextTests
{
    [Fact]
    public void A_mark_says_its_depth_and_names_its_threads_innermost_first_in_five_letters_each()
    {
        var outer = Thread(Excerpt, "Proletarians of all countries unite!");
        var inner = Thread(Excerpt, "all countries");
        var discussion = new Discussion();

        discussion.Load(Excerpt, [outer, inner]);

        var (o, i) = (MarkedText.Key(outer.Id), MarkedText.Key(inner.Id));
        Assert.All([o, i], key => Assert.Matches("^[0-9a-zA-Z]{5}$", key));
        Assert.Contains($"<mark class=\"d1\" data-t=\"{o}\">Proletarians of </mark><mark class=\"d2\" data-t=\"{i} {o}\">all countries</mark>"
            + $"<mark class=\"d1\" data-t=\"{o}\"> unite!</mark>", string.Concat(discussion.Markup), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_highlights_meeting_alone_are_marked_pl()
    {
        var highlight = Thread(Excerpt, "all countries", motivation: Annotate.Shared.W3c.Motivations.Highlighting);
        var discussion = new Discussion();

        discussion.Load(Excerpt, [highlight]);

        Assert.Contains($"<mark class=\"d1 pl\" data-t=\"{MarkedText.Key(highlight.Id)}\">all countries</mark>", string.Concat(discussion.Markup),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_article_with_2000_threads_leaves_room_for_the_rest_of_a_first_render_under_300_KB()
    {
        // Threads of 2-12 words all over the text, overlapping as in the bench: the marks name 14,000 threads or so.
        var discussion = new Discussion();
        discussion.Load(Article, SyntheticDiscussion.Create(Article, threads: 2000, replies: 0));

        var bytes = discussion.Markup.Sum(Encoding.UTF8.GetByteCount);

        // The layout, the thread list's window and the page's script take about 65 KB of the 300 (the bench's page).
        Assert.True(bytes < 215 * 1024, $"the article's markup is {bytes / 1024} KB");
    }
}
