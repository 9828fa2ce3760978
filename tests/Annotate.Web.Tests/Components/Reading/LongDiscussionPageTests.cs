using Annotate.Web.Components.Reading;
using Annotate.Web.Components.Threads;
using Annotate.Web.Tests.Infrastructure;
using Bunit;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// A reading page with more threads than a screen holds (issue 12): every highlight is drawn, the thread list
/// only in a window (an ARIA feed that says where each card stands), and a highlight clicked brings its thread
/// into the list.
/// </summary>
public sealed class LongDiscussionPageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const int Count = 45;

    [Fact]
    public async Task Every_highlight_is_drawn_the_list_is_windowed_and_a_clicked_highlight_brings_its_thread()
    {
        var room = await app.CreateClassroomAsync();
        // A short text: several threads share a passage, as in a lively seminar.
        var passages = Passages(room.DocumentText).ToList();
        for (var i = 0; i < Count; i++)
            await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(passages[i % passages.Count], $"Long note {i}."));
        await using var pages = new LiveReadingPages(app);
        var open = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var page = open.Component;

        var cards = page.FindAll("[role=feed] [role=article]");
        Assert.Equal(ThreadWindow.InitialSize, cards.Count);
        Assert.All(cards, card => Assert.Equal($"{Count}", card.GetAttribute("aria-setsize")));
        Assert.Equal(Enumerable.Range(1, ThreadWindow.InitialSize).Select(n => $"{n}"), cards.Select(c => c.GetAttribute("aria-posinset")));
        var keys = page.FindAll("article mark").SelectMany(m => m.GetAttribute("data-t")!.Split(' ')).ToHashSet();
        Assert.Equal(Count, keys.Count);

        // The last thread in document order is far past the window; its highlight is clicked.
        var article = page.FindComponent<ArticleView>().Instance;
        var last = article.Discussion.Threads[^1];
        Assert.Empty(page.FindAll($"#thread-{last.Id}"));
        await page.InvokeAsync(() => article.OnMarkClicked(article.Discussion.KeyOf(last.Id)!));

        await page.WaitForAssertionAsync(() =>
        {
            var card = page.Find($"#thread-{last.Id}");
            Assert.Contains("selected", card.ClassList);
            Assert.Equal($"{Count}", card.GetAttribute("aria-posinset"));
        }, LiveReadingPages.Timeout);
    }

    /// <summary>Runs of three words from all over the text, each found where it first occurs.</summary>
    private static IEnumerable<string> Passages(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i + 3 < words.Length; i += 3)
        {
            var passage = string.Join(' ', words[i..(i + 3)]);
            if (!passage.Contains('\n') && passage.Trim().Length > 0 && passage == passage.Trim()) yield return passage;
        }
    }
}
