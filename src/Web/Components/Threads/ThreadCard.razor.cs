using Annotate.Shared;
using Annotate.Web.Features.Annotations;
using Microsoft.AspNetCore.Components;

namespace Annotate.Web.Components.Threads;

// The card's redraw rule and its handlers; the markup is in ThreadCard.razor.
public partial class ThreadCard
{
    private (ThreadModel, Viewer, ThreadActions, bool, DateTimeOffset, int, int)? drawn;
    private bool unchanged;

    // The page redraws all its cards whenever anything changes; a card whose thread (a new model only when the
    // thread changed), reader, actions, selection, clock and place are as last drawn has nothing new to draw. Its
    // own changes (opening the reply editor) always draw.
    protected override void OnParametersSet()
    {
        var now = (Thread, Viewer, Actions, Selected, Now, Position, SetSize);
        unchanged = drawn is { } last && ReferenceEquals(last.Item1, Thread) && ReferenceEquals(last.Item2, Viewer) && ReferenceEquals(last.Item3, Actions)
            && (last.Item4, last.Item5, last.Item6, last.Item7) == (Selected, Now, Position, SetSize);
        drawn = now;
    }

    protected override bool ShouldRender()
    {
        if (!unchanged) return true;
        unchanged = false;
        return false;
    }

    private bool Can(AnnotationAction action, AnnotationView annotation) => AnnotationPermissions.Allows(Viewer, annotation, action);

    private string FeedbackLabel(AnnotationView annotation) =>
        annotation.AddresseeId is null ? L["Thread.FeedbackChip"]
        : annotation.AddresseeId == Viewer.UserId ? L["Thread.FeedbackForYou"]
        : L["Thread.FeedbackFor", annotation.AddresseeName ?? ""];

    /// <summary>The star's name: what it says and whose post it is about ("Mark exemplary: Ana's reply").</summary>
    private string ExemplaryLabel(AnnotationView annotation) => (annotation.Exemplary, annotation.IsReply) switch
    {
        (true, true) => L["Thread.ExemplaryReplyOf", annotation.AuthorName],
        (true, false) => L["Thread.ExemplaryAnnotationOf", annotation.AuthorName],
        (false, true) => L["Thread.MarkExemplaryReplyOf", annotation.AuthorName],
        (false, false) => L["Thread.MarkExemplaryAnnotationOf", annotation.AuthorName],
    };

    private async Task<string?> SubmitFeedbackAsync(AnnotationEditor.Submission submission)
    {
        var error = await Actions.Feedback!(Thread, submission.Body);
        if (error is null)
        {
            givingFeedback = false;
            StateHasChanged();
        }
        return error;
    }

    private EventCallback Click(Action action) => EventCallback.Factory.Create(this, action);

    /// <summary>The handlers of the posts' buttons, by post and button; made when first drawn.</summary>
    private Dictionary<(Guid Post, string Button), EventCallback>? postHandlers;

    /// <summary>
    /// The handler of one post's <paramref name="button"/>, the same on every drawing of the card: a handler made anew
    /// is sent to the browser again, for every card the page redraws (each live event redraws the cards whose place
    /// changed). It acts on the post as the card holds it when clicked, which a live change may have replaced since.
    /// </summary>
    private EventCallback OnPost(AnnotationView post, string button, Func<AnnotationView, Task> act)
    {
        postHandlers ??= [];
        var key = (post.Id, button);
        if (!postHandlers.TryGetValue(key, out var handler))
            postHandlers[key] = handler = EventCallback.Factory.Create(this, () => PostNow(key.Id) is { } now ? act(now) : Task.CompletedTask);
        return handler;
    }

    private EventCallback OnPost(AnnotationView post, string button, Action<AnnotationView> act) => OnPost(post, button, now =>
    {
        act(now);
        return Task.CompletedTask;
    });

    /// <summary>The post with <paramref name="id"/> in the thread as drawn now; null once it is gone from it.</summary>
    private AnnotationView? PostNow(Guid id)
    {
        if (Thread.Root.Id == id) return Thread.Root;
        foreach (var reply in Thread.Replies)
            if (reply.Id == id) return reply;
        return null;
    }

    private EventCallback Click(Func<Task> action) => EventCallback.Factory.Create(this, action);

    private async Task<string?> SubmitReplyAsync(AnnotationEditor.Submission submission)
    {
        var error = await Actions.Reply(Thread, submission.Body);
        if (error is null)
        {
            replying = false;
            // OnSubmit is a plain delegate, not an EventCallback: posting re-renders the editor, not this card.
            StateHasChanged();
        }
        return error;
    }

    private async Task<string?> SubmitEditAsync(AnnotationView annotation, AnnotationEditor.Submission submission)
    {
        var error = await Actions.Edit(annotation, submission);
        if (error is null)
        {
            editing = null;
            StateHasChanged();
        }
        return error;
    }
}
