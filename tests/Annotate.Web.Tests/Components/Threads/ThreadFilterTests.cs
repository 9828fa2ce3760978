using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

/// <summary>The sidebar's filters and sorts over the threads a reader sees, and the bar that offers them.</summary>
public sealed class ThreadFilterTests : MudComponentTest
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static ThreadModel Model(AnnotationView root, int start, params AnnotationView[] replies) =>
        new(root, new Annotate.Shared.Anchoring.TextSpan(start, start + 1), 1, replies);

    private readonly ThreadModel first, question, answered, resolved;

    public ThreadFilterTests()
    {
        first = Model(Thread(Excerpt, "Proletarians of all countries unite!", "Tagged.", authorId: "ana", authorName: "Ana", created: T0) with
        {
            Tags = ["Context"],
            Access = new VisibilityFacts("ana", Visibility.Seminar, 7),
            Reactions = [new Reactor(ReactionKinds.Upvote, "ben", "Ben")],
        }, 10);
        var q = Thread(Excerpt, "Proletarians of all countries unite!", "Why?", Motivations.Questioning, "ben", "Ben", created: T0.AddMinutes(1)) with
        {
            Reactions = [new Reactor(ReactionKinds.Upvote, "ana", "Ana"), new Reactor(ReactionKinds.Upvote, "tess", "Tess"), new Reactor(ReactionKinds.SameQuestion, "ana", "Ana")],
        };
        question = Model(q, 20, Reply(q, "Because.", "ana", "Ana", T0.AddMinutes(30)), Reply(q, "Also.", "tess", "Tess", T0.AddMinutes(31)));
        answered = Model(Thread(Excerpt, "Proletarians of all countries unite!", "How?", Motivations.Questioning, "ben", "Ben", created: T0.AddMinutes(2))
            with { AnsweredAt = T0.AddHours(1) }, 30);
        resolved = Model(Thread(Excerpt, "Proletarians of all countries unite!", "Done.", authorId: "tess", authorName: "Tess", created: T0.AddMinutes(3))
            with { ResolvedAt = T0.AddHours(2) }, 40);
    }

    private IReadOnlyList<ThreadModel> All => [first, question, answered, resolved];

    private IReadOnlyList<Guid> Shown(ThreadFilter filter, string viewer = "ana") => filter.Apply(All, viewer).Select(t => t.Id).ToList();

    [Fact]
    public void Each_filter_keeps_only_its_threads()
    {
        Assert.Equal([first.Id], Shown(new ThreadFilter { Tag = "context" }));
        Assert.Equal([question.Id, answered.Id], Shown(new ThreadFilter { AuthorId = "ben" }));
        Assert.Equal([first.Id], Shown(new ThreadFilter { GroupId = 7 }));
        Assert.Equal([question.Id, answered.Id], Shown(new ThreadFilter { Motivation = Motivations.Questioning }));
        Assert.Equal([question.Id], Shown(new ThreadFilter { UnansweredOnly = true }));
        Assert.Equal([resolved.Id], Shown(new ThreadFilter { Resolved = true }));
        Assert.Equal([first.Id, question.Id, answered.Id], Shown(new ThreadFilter { Resolved = false }));
        // Mine: threads one wrote or replied in.
        Assert.Equal([first.Id, question.Id], Shown(new ThreadFilter { MineOnly = true }));
        // Filters combine.
        Assert.Equal([answered.Id], Shown(new ThreadFilter { AuthorId = "ben", Motivation = Motivations.Questioning, Resolved = false, Sort = ThreadSort.Newest }).Skip(1).ToList());
    }

    [Fact]
    public void Each_sort_orders_and_keeps_text_order_between_equals()
    {
        Assert.Equal([first.Id, question.Id, answered.Id, resolved.Id], Shown(new ThreadFilter { Sort = ThreadSort.Position }));
        Assert.Equal([question.Id, resolved.Id, answered.Id, first.Id], Shown(new ThreadFilter { Sort = ThreadSort.Newest }));
        Assert.Equal([question.Id, first.Id, answered.Id, resolved.Id], Shown(new ThreadFilter { Sort = ThreadSort.MostDiscussed }));
        Assert.Equal([question.Id, first.Id, answered.Id, resolved.Id], Shown(new ThreadFilter { Sort = ThreadSort.MostUpvoted }));
        Assert.Equal([question.Id, first.Id, answered.Id, resolved.Id], Shown(new ThreadFilter { Sort = ThreadSort.UnansweredFirst }));
    }

    [Fact]
    public void The_bar_offers_the_tags_and_authors_of_the_threads_given_and_reports_a_change()
    {
        ThreadFilter? changed = null;
        var cut = Context.Render<ThreadFilterBar>(ps => ps
            .Add(p => p.Threads, All)
            .Add(p => p.Filter, ThreadFilter.None)
            .Add(p => p.FilterChanged, f => changed = f));

        Assert.Equal("Filters", cut.Find("button[aria-expanded]").TextContent.Trim());
        cut.Find("button[aria-expanded]").Click();
        Assert.Equal("true", cut.Find("button[aria-expanded]").GetAttribute("aria-expanded"));
        Assert.Equal(["Tag", "Author", "Kind", "Status"], cut.FindAll(".thread-filters-panel label.mud-input-label").Select(l => l.TextContent.Trim()));

        cut.FindAll(".thread-filters-panel input[type=checkbox]")[0].Change(true);
        Assert.Equal(ThreadFilter.None with { UnansweredOnly = true }, changed);
    }
    [Fact]
    public void The_sort_is_a_native_select_of_the_five_orders_that_reports_a_choice_and_ignores_a_forged_one()
    {
        var changes = new List<ThreadFilter>();
        var filter = ThreadFilter.None with { Tag = "context" };
        var cut = Context.Render<ThreadFilterBar>(ps => ps
            .Add(p => p.Threads, All)
            .Add(p => p.Filter, filter)
            .Add(p => p.FilterChanged, f => changes.Add(f)));

        // Named by its label, keyboard and screen reader ready as the browser's own list; no MudSelect on the page.
        var select = cut.Find("label.thread-sort select");
        Assert.Equal("Sort threads", cut.Find("label.thread-sort .thread-sort-label").TextContent.Trim());
        Assert.Equal(["By position in the text", "Newest first", "Most discussed", "Most upvoted", "Unanswered questions first"],
            select.QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
        Assert.Equal(nameof(ThreadSort.Position), select.GetAttribute("value"));
        Assert.Empty(cut.FindComponents<MudBlazor.MudSelect<ThreadSort>>());

        select.Change(nameof(ThreadSort.MostUpvoted));
        select.Change("42");
        select.Change("Alphabetical");

        // The order changes, the filters set stay.
        Assert.Equal([filter with { Sort = ThreadSort.MostUpvoted }], changes);
    }
}
