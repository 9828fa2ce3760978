using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Components.Pages;

/// <summary>
/// Where focus goes on the reading page after the reader's own change (issue 16): a new thread or reply takes it, a
/// deletion hands it to the next thread (or the list's heading when none is left); and on a phone, the discussion
/// panel opens over the text when a highlight or Annotate asks for it.
/// </summary>
public partial class DocumentPage
{
    private DiscussionPanel? discussionPanel;

    /// <summary>On a phone the discussion is a panel over the text: a highlight, a shortcut or Annotate opens it.</summary>
    private Task OpenDiscussionAsync() => discussionPanel?.ShowAsync() ?? Task.CompletedTask;

    /// <summary>Brings a thread's card into the list (it may be out of its window) and focuses it.</summary>
    private async Task FocusThreadAsync(Guid threadId)
    {
        if (feed is not null && ShownThreads.Any(t => t.Id == threadId)) await feed.RevealAsync(threadId);
        // The first thread: the list is drawn in this very render, so there is no feed to ask yet.
        else if (discussionPanel is not null) await discussionPanel.FocusAsync($"thread-{threadId}");
    }

    private Task FocusReplyAsync(Guid replyId) => discussionPanel?.FocusAsync($"annotation-{replyId}") ?? Task.CompletedTask;

    /// <summary>The thread focus moves to when <paramref name="threadId"/> goes: the one after it in the list, else the one before.</summary>
    private Guid? NeighbourOf(Guid threadId)
    {
        var shown = ShownThreads;
        for (var i = 0; i < shown.Count; i++)
        {
            if (shown[i].Id != threadId) continue;
            return i + 1 < shown.Count ? shown[i + 1].Id : i > 0 ? shown[i - 1].Id : null;
        }
        return null;
    }

    /// <summary>
    /// A deleted reply hands focus to its thread; a deleted thread to its neighbour, or the list's heading. The card is
    /// drawn first (it may be out of the list's window), then focused once the confirmation has closed.
    /// </summary>
    private async Task FocusAfterDeletionAsync(AnnotationView deleted, Guid? neighbour)
    {
        var thread = deleted.IsReply ? deleted.ParentId : neighbour;
        if (thread is { } id && feed is not null && ShownThreads.Any(t => t.Id == id)) await feed.RevealAsync(id);
        if (discussionPanel is not null) await discussionPanel.FocusAsync(thread is { } shown ? $"thread-{shown}" : "discussion-heading");
    }
}
