namespace Annotate.Shared.Notifications;

/// <summary>
/// What a notification is about (contract §6, the API's <c>kind</c>). Each points at something its recipient
/// could see when it was made: an annotation (the first four), a document, or a teacher's words to the seminar.
/// </summary>
public enum NotificationKind
{
    /// <summary>A reply in a thread I started, or to an annotation of mine.</summary>
    Reply,
    /// <summary>Someone named me in a comment.</summary>
    Mention,
    /// <summary>A teacher's feedback addressed to me.</summary>
    Feedback,
    /// <summary>A reply in my question's thread was marked as its answer.</summary>
    Answer,
    /// <summary>A new document in one of my seminars.</summary>
    Document,
    /// <summary>A teacher's announcement to one of my seminars.</summary>
    Announcement,
}
