using Annotate.Web.Components.Threads;
using Annotate.Web.Tests.Infrastructure;
using Bunit;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The reader's own post is drawn at once by the page that posted it; its echo from the feed (the same post,
/// published to every open page) changes nothing there (issue 14).
/// </summary>
public sealed class OwnPostEchoTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_reply_is_applied_once_by_the_page_that_posted_it_and_its_echo_changes_nothing()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A's question."));
        await using var pages = new LiveReadingPages(app);
        var open = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var page = open.Component;
        ThreadCard Card() => page.FindComponents<ThreadCard>().Single(c => c.Instance.Thread.Root.Body == "A's question.").Instance;

        var error = await page.InvokeAsync(() => Card().Actions.Reply(Card().Thread, "My own answer."));
        Assert.Null(error);
        var afterReply = Card().Thread;
        Assert.Equal("My own answer.", Assert.Single(afterReply.Replies).Body);

        // A barrier: a classmate's comment comes through the same feed after the echo of the reply.
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "B's barrier."));
        await open.WaitUntilShownAsync("B's barrier.");

        // The echo was taken for what it is, a copy of what the page holds: the thread was not made again.
        Assert.Same(afterReply, Card().Thread);
    }

    /// <summary>
    /// A card's buttons call the page through plain delegates, after which nothing redraws the page, and the echo of
    /// the change is dropped: the page must draw its own change (a thread resolved stayed unresolved until the next event).
    /// </summary>
    [Fact]
    public async Task A_thread_resolved_from_its_card_is_shown_resolved_at_once()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A's settled question."));
        await using var pages = new LiveReadingPages(app);
        var open = await pages.OpenAsync(room.Teacher, room.DocumentId);
        var page = open.Component;
        var card = page.Find("[role=article][aria-label^='Thread by']");
        Assert.Empty(card.QuerySelectorAll(".thread-resolved"));

        await page.ClickAsync(() => page.FindAll("[role=article] button").Single(b => b.TextContent.Trim() == "Resolve"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[role=article] .thread-resolved")), LiveReadingPages.Timeout);
    }
}
