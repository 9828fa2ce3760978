using Annotate.Shared.Notifications;

namespace Annotate.Data.Entities;

/// <summary>A member's choice for one seminar, in the app and by e-mail; without a row, everything (mentions and feedback mailed at once, the rest in the daily digest).</summary>
public class NotificationSetting
{
    public string UserId { get; set; } = "";
    public int SeminarId { get; set; }
    public NotificationLevel InApp { get; set; } = NotificationLevel.Everything;
    public NotificationLevel Email { get; set; } = NotificationLevel.Everything;
}
