using Annotate.Web.Components.Threads;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
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
        var browser = new SlowScript();
        Context.Services.AddSingleton<IJSRuntime>(browser);
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

    /// <summary>
    /// The browser's side, all in one: the module import answers at once, <c>attach</c> when the test says, and
    /// what is called on the attached list is recorded.
    /// </summary>
    private sealed class SlowScript : IJSRuntime, IJSObjectReference
    {
        public TaskCompletionSource<IJSObjectReference> Attached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<(string Identifier, string? Argument)> Calls { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            switch (identifier)
            {
                case "import":
                    return (TValue)(object)this;
                case "attach":
                    return (TValue)await Attached.Task;
                default:
                    Calls.Add((identifier, args is [var first, ..] ? first?.ToString() : null));
                    return default!;
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
