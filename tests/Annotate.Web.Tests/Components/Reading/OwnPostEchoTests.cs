using Annotate.Web.Components.Threads;
using Annotate.Web.Tests.Infrastructure;
using Bunit;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The reader's own post is drawn at once by the page that posted it; its echo from the feed (the same post,
/// published to every open page) changes nothing there and draws nothing (issue 14).
/// </summary>
public sealed class OwnPostEchoTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_reply_is_drawn_once_by_the_page_that_posted_it()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A's question."));
        await using var pages = new LiveReadingPages(app);
        var open = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var page = open.Component;
        var card = page.FindComponents<ThreadCard>().Single();

        var error = await page.InvokeAsync(() => card.Instance.OnReply(card.Instance.Thread, "My own answer."));
        Assert.Null(error);
        Assert.True(open.Shows("My own answer."));
        var rendersAfterReply = page.RenderCount;

        // A barrier: a classmate's comment comes through the same feed after the echo of the reply.
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "B's barrier."));
        await open.WaitUntilShownAsync("B's barrier.");
        // Let a throttled draw (if any were pending) happen before counting.
        await Task.Delay(300);

        Assert.Equal(1, page.RenderCount - rendersAfterReply);
        Assert.Single(page.FindComponents<ThreadCard>().Single(c => c.Instance.Thread.Root.Body == "A's question.").Instance.Thread.Replies);
    }
}
