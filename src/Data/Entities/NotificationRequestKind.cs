namespace Annotate.Data.Entities;

/// <summary>What a <see cref="NotificationRequest"/> asks for.</summary>
public enum NotificationRequestKind
{
    /// <summary>An annotation was posted or edited: its thread, its student, the people it newly mentions.</summary>
    Annotation,
    /// <summary>A reply was marked as the answer to its question: the asker.</summary>
    Answer,
    /// <summary>A document was added: the seminar.</summary>
    Document,
    /// <summary>A teacher announced something: the seminar.</summary>
    Announcement,
    /// <summary>A notification to send by mail at once (a mention, feedback).</summary>
    Mail,
}
