using Annotate.Web.Components.Threads;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Threads;

public sealed class ThreadFeedTests : MudComponentTest
{
    /// <summary>
    /// A thread linked to in the address is asked for on the page's first render, while the list's script may still
    /// be loading: the card is drawn at once and scrolled to and focused once the script is there, not forgotten.
    /// </summary>
    [Fact]
    public async Task A_thread_asked_for_before_the_script_is_attached_is_revealed_once_it_is()
    {
        var browser = SlowScript.In(Context);
        var items = Enumerable.Range(0, 3 * ThreadWindow.InitialSize)
            .Select(i => new ThreadModel(Thread(Excerpt, "Marx and Engels", body: $"Note {i}."), SpanOf(Excerpt, "Marx and Engels"), 1, []))
            .ToList();
        var feed = Context.Render<ThreadFeed>(ps => ps
            .Add(p => p.Items, items)
            .Add(p => p.ChildContent, slot => $"<article id=\"thread-{slot.Thread.Id}\"></article>"));
        var last = items[^1].Id;

        await feed.InvokeAsync(() => feed.Instance.RevealAsync(last));
        Assert.Single(feed.FindAll($"#thread-{last}"));
        Assert.Empty(browser.Calls);

        browser.Attached.SetResult(browser);
        feed.WaitForAssertion(() => Assert.Equal([("reveal", $"thread-{last}")], browser.Calls));
    }
}
