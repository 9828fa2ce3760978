using Annotate.Shared.Notifications;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Resources;

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

    /// <summary>
    /// One sentence saying what happened, for the bell, the API and mail, in the current UI culture: the reader's
    /// for the bell and the API, the recipient's for a mail (built inside <see cref="InCulture"/>).
    /// </summary>
    public string Summary
    {
        get
        {
            if (!Available) return Words.Text("Notice.Gone");
            var who = ActorName ?? Words.Text("Thread.DeletedAccount");
            // One sentence per shape, with and without the document (word order differs between languages).
            string On(string bare, string on) => DocumentTitle is null ? Words.Text(bare, who) : Words.Text(on, who, DocumentTitle);
            return Kind switch
            {
                NotificationKind.Reply => On("Notice.Replied", "Notice.RepliedOn"),
                NotificationKind.Mention => On("Notice.Mentioned", "Notice.MentionedOn"),
                NotificationKind.Feedback => On("Notice.Feedback", "Notice.FeedbackOn"),
                NotificationKind.Answer => On("Notice.Answer", "Notice.AnswerOn"),
                NotificationKind.Document => Words.Text("Notice.Document", who, DocumentTitle, SeminarName),
                _ => Words.Text("Notice.Announced", who, SeminarName),
            };
        }
    }
}
