namespace Annotate.Shared.Notifications;

/// <summary>How much of a seminar a person wants to hear about, in the app or by e-mail.</summary>
public enum NotificationLevel
{
    /// <summary>Every kind.</summary>
    Everything,
    /// <summary>What is addressed to the person: replies, mentions, feedback, answers; not new documents or announcements.</summary>
    RepliesAndMentions,
    /// <summary>Nothing from this seminar.</summary>
    Nothing,
}
