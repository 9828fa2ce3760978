using Annotate.Web.Components.Reading;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// The article of a discussion of 2,000 threads in a live circuit (issue 12): its words whole in the first render,
/// its marks brought in over several renders (each a small batch), every one of them there in the end.
/// </summary>
public sealed class LongArticleViewTests : MudComponentTest
{
    [Fact]
    public async Task The_marks_come_in_over_several_renders_and_a_thread_asked_to_flash_meanwhile_flashes_once_they_are_all_there()
    {
        var browser = SlowScript.In(Context);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var discussion = new Discussion();
        discussion.Load(Article, SyntheticDiscussion.Create(Article, threads: 2000, replies: 0));
        var keys = discussion.Threads.Select(t => discussion.KeyOf(t.Id)!).ToHashSet();
        var last = discussion.Threads[^1];

        // The script is still loading: the page is at its first render.
        var cut = Context.Render<ArticleView>(ps => ps.Add(p => p.Title, "Proletarian internationalism").Add(p => p.Discussion, discussion));
        Assert.Equal(Article, string.Join("\n\n", cut.FindAll(".block-text").Select(b => b.TextContent)));
        Assert.InRange(KeysDrawn(cut).Count, 1, keys.Count - 1);
        Assert.DoesNotContain(discussion.KeyOf(last.Id)!, KeysDrawn(cut));

        // Linked to a thread far down: it flashes once its marks are there, not before (nothing to find then).
        await cut.InvokeAsync(() => cut.Instance.FlashAsync(last.Id));
        browser.Attached.SetResult(browser);

        cut.WaitForAssertion(() => Assert.Equal([("flash", discussion.KeyOf(last.Id))], browser.Calls));
        Assert.Equal(keys, KeysDrawn(cut));
        Assert.True(cut.RenderCount > 4, $"{cut.RenderCount} renders");
    }

    private static HashSet<string> KeysDrawn(IRenderedComponent<ArticleView> cut) =>
        cut.FindAll("mark").SelectMany(m => m.GetAttribute("data-t")!.Split(' ')).ToHashSet();
}
