namespace Annotate.Data.Entities;

/// <summary>
/// The notification outbox: something that happened that may concern others, written in the same SaveChanges as
/// the change that caused it (a new annotation, a document, an announcement, an answer marked), or a notification
/// still to be mailed, written with that notification. The background processor claims a row, does it and removes
/// it; a restart finds what is left and does it then. Nothing is copied here that the visibility rule should judge:
/// the processor reads what a row points at as it is when it runs.
/// </summary>
public class NotificationRequest
{
    public Guid Id { get; set; }
    public NotificationRequestKind Kind { get; set; }
    /// <summary>Who did it; a request of someone whose account is gone goes with it.</summary>
    public string? ActorId { get; set; }
    public int? SeminarId { get; set; }
    public int? DocumentId { get; set; }
    public Guid? AnnotationId { get; set; }
    /// <summary>The notification to mail (<see cref="NotificationRequestKind.Mail"/>).</summary>
    public Guid? NotificationId { get; set; }
    /// <summary>A new annotation, rather than an edit of one.</summary>
    public bool IsNew { get; set; }
    /// <summary>An announcement's words.</summary>
    public string? Text { get; set; }
    public DateTimeOffset Created { get; set; }
    /// <summary>Taken by a processor until then; null while nobody has taken it. Past: its processor stopped, anyone may take it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    /// <summary>Times a processor has taken it; it is given up after a few.</summary>
    public int Attempts { get; set; }

    /// <summary>For a new document: its id is known only once the same SaveChanges has inserted it.</summary>
    public Document? Document { get; set; }
}
