using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>Two people in two browsers on the same article: what one does, the other sees without reloading.</summary>
[Collection(SeminarCollection.Name)]
public sealed class LiveCollaborationTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly TimeSpan LiveBudget = TimeSpan.FromSeconds(2);

    private const string Passage = "a torch to light the way for the class";

    // A thread card holding the text, whose highlight is in the article too; answers the thread id.
    private const string ThreadWithMarkAppeared =
        """
        text => {
          for (const card of document.querySelectorAll('[role=article][id^="thread-"]')) {
            if (!card.textContent.includes(text)) continue;
            const id = card.id.slice('thread-'.length);
            return document.querySelector(`article mark[data-t~="${card.dataset.key}"]`) ? id : null;
          }
          return null;
        }
        """;

    private const string TextAppeared = "text => document.body.innerText.includes(text)";

    private const string ThreadAndMarksGone =
        """
        ([id, key]) => !document.getElementById(`thread-${id}`) && !document.querySelector(`article mark[data-t~="${key}"]`)
        """;

    [Fact]
    public async Task Comment_reply_and_delete_reach_the_other_reader_live()
    {
        await using var alice = await app.NewReaderAsync("Alice Live");
        await using var bruno = await app.NewReaderAsync("Bruno Live", joining: alice);
        await alice.Reading.OpenAsync();
        await bruno.Reading.OpenAsync();

        // Presence: each sees the other in "Reading now".
        await Expect(bruno.Reading.ReadingNow).ToContainTextAsync("Alice Live");
        await Expect(alice.Reading.ReadingNow).ToContainTextAsync("Bruno Live");

        // A reload would drop this flag; it must survive every update below.
        await bruno.Page.EvaluateAsync("() => { window.__noReload = true; }");
        var marksBefore = await bruno.Reading.Marks.CountAsync();

        var comment = $"Is the torch still lit today? ({Guid.NewGuid():N})";
        await alice.Reading.SelectWithMouseAsync(Passage);
        await alice.Reading.ComposeAsync(comment);
        var created = await BrowserWait.MeasureClickAsync(alice.Reading.PostButton, alice.Page, bruno.Page, ThreadWithMarkAppeared, comment, LiveBudget);
        output.WriteLine($"Live latency, comment (Post clicked by A -> thread and <mark> shown at B): {created}");
        Assert.True(created.Total < LiveBudget, $"B saw the comment after {created}");

        var threadId = await alice.Reading.ThreadIdAsync(comment);
        var atBruno = bruno.Reading.Thread(comment);
        await Expect(atBruno).ToHaveAccessibleNameAsync("Thread by Alice Live");
        await Expect(atBruno.GetByRole(AriaRole.Button, new() { Name = $"Show the passage in paragraph 2: {Passage}" })).ToBeVisibleAsync();
        Assert.Equal(Passage, string.Concat(await bruno.Reading.MarksOf(threadId).AllTextContentsAsync()));
        Assert.True(await bruno.Reading.Marks.CountAsync() > marksBefore, "B's article gained no <mark>.");

        // B replies; A sees it in the thread.
        var reply = $"Only if we keep carrying it. ({Guid.NewGuid():N})";
        await atBruno.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        var replyBox = atBruno.GetByRole(AriaRole.Textbox, new() { Name = "Your reply" });
        await Expect(replyBox).ToBeFocusedAsync();
        await replyBox.FillAsync(reply);
        var postReply = atBruno.GetByRole(AriaRole.Button, new() { Name = "Post reply", Exact = true });
        var replied = await BrowserWait.MeasureClickAsync(postReply, bruno.Page, alice.Page, TextAppeared, reply, LiveBudget);
        output.WriteLine($"Live latency, reply (Post reply clicked by B -> reply shown at A): {replied}");
        await Expect(alice.Reading.Thread(comment)).ToContainTextAsync(reply);
        await Expect(alice.Reading.Thread(comment)).ToContainTextAsync("Bruno Live");

        // A deletes the thread; it leaves B's page, highlight included.
        await alice.Reading.Thread(comment).GetByRole(AriaRole.Button, new() { Name = "Delete thread", Exact = true }).ClickAsync();
        var confirm = alice.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true });
        var deleted = await BrowserWait.MeasureClickAsync(confirm, alice.Page, bruno.Page, ThreadAndMarksGone, new[] { threadId, ReadingPage.KeyOf(threadId) }, LiveBudget);
        output.WriteLine($"Live latency, delete (Delete confirmed by A -> thread and <mark> gone at B): {deleted}");
        await Expect(bruno.Reading.Thread(comment)).ToHaveCountAsync(0);
        await Expect(bruno.Reading.MarksOf(threadId)).ToHaveCountAsync(0);
        await Expect(bruno.Page.GetByText(reply)).ToHaveCountAsync(0);

        Assert.True(await bruno.Page.EvaluateAsync<bool>("() => window.__noReload === true"), "B's page was reloaded.");
    }
}
