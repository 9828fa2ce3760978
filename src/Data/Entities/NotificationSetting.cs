using Annotate.Shared.Notifications;

namespace Annotate.Data.Entities;

/// <summary>A member's choice for one seminar, in the app and by e-mail; without a row, everything in the app and replies and mentions by mail.</summary>
public class NotificationSetting
{
    public string UserId { get; set; } = "";
    public int SeminarId { get; set; }
    public NotificationLevel InApp { get; set; } = NotificationLevel.Everything;
    public NotificationLevel Email { get; set; } = NotificationLevel.RepliesAndMentions;
}
