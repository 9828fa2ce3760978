using Annotate.Shared.Notifications;

namespace Annotate.Data.Entities;

/// <summary>
/// Something that happened that <see cref="UserId"/> should hear about. It points at what it is about (an
/// annotation, a document, or for an announcement its <see cref="Text"/>) and never copies an annotation's words:
/// whoever reads it later is shown only what the visibility rule lets them see then. Deleting what it points at
/// deletes it.
/// </summary>
public class Notification
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public int SeminarId { get; set; }
    public int? DocumentId { get; set; }
    public Guid? AnnotationId { get; set; }
    /// <summary>Who did it; null once they deleted their account.</summary>
    public string? ActorId { get; set; }
    /// <summary>An announcement's words (a teacher's, to the whole seminar); null for every other kind.</summary>
    public string? Text { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>When it went out by e-mail (at once, or in a digest); null while it has not.</summary>
    public DateTimeOffset? MailedAt { get; set; }

    public ApplicationUser? User { get; set; }
    public ApplicationUser? Actor { get; set; }
}
