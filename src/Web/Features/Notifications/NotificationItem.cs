using Annotate.Shared.Notifications;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// A notification as its recipient may see it now. When what it points at is hidden from them since (visibility
/// narrowed, removed from the seminar), <see cref="Available"/> is false and it carries nothing else of it: no
/// actor, document, passage or words. <see cref="Annotation"/> is the reply, mention, feedback or answer itself;
/// <see cref="Passage"/> the words of the text its thread is on.
/// </summary>
internal sealed record NotificationItem(
    Guid Id,
    NotificationKind Kind,
    DateTimeOffset Created,
    bool Read,
    bool Available,
    string? ActorId = null,
    string? ActorName = null,
    int? SeminarId = null,
    string? SeminarName = null,
    int? DocumentId = null,
    string? DocumentTitle = null,
    AnnotationView? Annotation = null,
    string? Passage = null,
    string? Text = null)
{
    /// <summary>The app's page it opens: the thread at its passage, the document, or the seminar.</summary>
    public string? Href => !Available ? null
        : Annotation is { } a ? $"documents/{a.DocumentId}?thread={a.ThreadRootId}"
        : DocumentId is { } d ? $"documents/{d}"
        : SeminarId is { } s ? $"seminars/{s}"
        : null;

    /// <summary>One sentence saying what happened, for the bell, the API and mail.</summary>
    public string Summary
    {
        get
        {
            if (!Available) return "This is no longer available to you.";
            var who = ActorName ?? AnnotationService.DeletedAccountName;
            var where = DocumentTitle is null ? "" : $" on “{DocumentTitle}”";
            return Kind switch
            {
                NotificationKind.Reply => $"{who} replied{where}",
                NotificationKind.Mention => $"{who} mentioned you{where}",
                NotificationKind.Feedback => $"{who} gave you feedback{where}",
                NotificationKind.Answer => $"{who} marked an answer to your question{where}",
                NotificationKind.Document => $"{who} added “{DocumentTitle}” to {SeminarName}",
                _ => $"{who} announced to {SeminarName}",
            };
        }
    }
}
