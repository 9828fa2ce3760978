using Annotate.Web.Features.Annotations;
using Microsoft.AspNetCore.Components;

namespace Annotate.Web.Components.Threads;

/// <summary>
/// What the reader can do from a thread card, given to all the cards of a list at once. One parameter rather than
/// one for each: every parameter of every card drawn is a frame of the list's render tree, held twice over by each
/// open page (issue 12, memory per open page). Null where a list does not offer it.
/// </summary>
/// <param name="Reply">Posts a reply in the thread; answers a message when refused.</param>
/// <param name="Edit">Saves an edit of one annotation; answers a message when refused.</param>
/// <param name="Delete">Deletes one annotation (a thread's first deletes the thread) after asking.</param>
public sealed record ThreadActions(
    Func<ThreadModel, string, Task<string?>> Reply,
    Func<AnnotationView, AnnotationEditor.Submission, Task<string?>> Edit,
    Func<AnnotationView, Task> Delete)
{
    /// <summary>The thread's passage is asked for (its quote clicked): show it in the text.</summary>
    public EventCallback<Guid> Select { get; init; }

    /// <summary>Attaches an orphaned thread to the passage selected in the text.</summary>
    public Func<ThreadModel, Task>? Attach { get; init; }

    /// <summary>A teacher's feedback to the thread's author (only they and the teachers see it).</summary>
    public Func<ThreadModel, string, Task<string?>>? Feedback { get; init; }

    /// <summary>A teacher resolves (true) or reopens (false) the thread.</summary>
    public Func<ThreadModel, bool, Task>? Resolve { get; init; }

    /// <summary>Who can be mentioned in a reply to the thread: the members who see it.</summary>
    public Func<ThreadModel, Task<IReadOnlyList<Features.Notifications.MentionCandidate>>>? Mentionable { get; init; }

    /// <summary>A teacher marks (true) or unmarks (false) an annotation as exemplary.</summary>
    public Func<AnnotationView, bool, Task>? Exemplary { get; init; }

    /// <summary>The reader gives (true) or takes back (false) a reaction of a kind (ReactionKinds) to an annotation.</summary>
    public Func<AnnotationView, string, bool, Task>? React { get; init; }

    /// <summary>The asker or a teacher marks the question answered (true, optionally by one of its replies) or not (false).</summary>
    public Func<ThreadModel, bool, Guid?, Task>? Answer { get; init; }
}
