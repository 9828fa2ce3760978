using Annotate.Shared;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Tests.Infrastructure;
using Annotate.Web.Tests.Security;
using Xunit.Abstractions;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// Issue 12: an open reading page may cost at most twice a bare page. What each page's discussion holds of its own,
/// beside what the pages share, must stay small however long the discussion: a list of its threads, not indexes,
/// keys and models of its own (those were about 800 KB a page at 2,000 threads). Measured on the managed heap after
/// a full collection, alone (other tests allocating beside it would be counted).
/// </summary>
[Collection(TimedTests.Collection)]
public sealed class DiscussionMemoryTests(ITestOutputHelper output)
{
    private const int Pages = 10;

    [Fact]
    public void Another_open_page_of_a_discussion_of_2000_threads_holds_less_than_64_KB_of_its_own()
    {
        var loaded = SyntheticDiscussion.Create(Article, threads: 2000, replies: 1000);
        var page = Page(loaded);
        Assert.Equal(2000, page.Threads.Count + page.Orphans.Count);

        AssertFurtherPagesHoldLittle(loaded);
    }

    [Fact]
    public void Another_open_page_holds_less_than_64_KB_of_its_own_when_the_threads_have_reactions()
    {
        // A reaction on every third annotation, none by the reader: every page may share every annotation.
        AssertFurtherPagesHoldLittle(SyntheticDiscussion.Create(Article, threads: 2000, replies: 1000)
            .Select((a, i) => i % 3 == 0 ? a with { Reactions = [new Reactor(ReactionKinds.Upvote, "student-1", "Student 1")] } : a).ToList());
    }

    /// <summary>One page of <paramref name="loaded"/> open, then <see cref="Pages"/> more: each of those holds less than 64 KB of its own.</summary>
    private void AssertFurtherPagesHoldLittle(List<AnnotationView> loaded)
    {
        var first = Page(loaded);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var open = new List<Discussion>();
        for (var i = 0; i < Pages; i++) open.Add(Page(loaded));
        var perPage = (GC.GetTotalMemory(forceFullCollection: true) - before) / Pages;

        output.WriteLine($"{perPage / 1024.0:0.0} KB a page of its own");
        Assert.All(open, page => Assert.Equal(first.Count, page.Count));
        Assert.True(perPage < 64 * 1024, $"each further page holds {perPage / 1024} KB of its own");
        GC.KeepAlive(first);
    }

    private static readonly Viewer Reader = new("reader-id", SeminarRole.Student, null);

    /// <summary>
    /// A page's own load: every annotation freshly made, as its query makes them (new lists of tags and reactions
    /// for each row), and shown to the reader (<see cref="AnnotationView.For"/>: their own reactions, a list too).
    /// </summary>
    private static Discussion Page(IEnumerable<AnnotationView> visible)
    {
        var discussion = new Discussion();
        discussion.Load(Article, visible.Select(a => (a with { Tags = [.. a.Tags], Reactions = [.. a.Reactions] }).For(Reader)));
        return discussion;
    }
}
