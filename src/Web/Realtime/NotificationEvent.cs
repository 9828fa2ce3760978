namespace Annotate.Web.Realtime;

/// <summary>
/// A user's inbox changed: <see cref="NotificationId"/> was created for them, or (null) they marked some read. Their
/// bells (every tab, every instance) count again, and their hub connections receive <c>notificationCreated</c>.
/// It travels under the document it is about (a reading page of it ignores it), or <see cref="NoDocument"/> (an announcement, a mark as read).
/// </summary>
public sealed record NotificationEvent(int DocumentId, string UserId, Guid? NotificationId) : FeedEvent(DocumentId)
{
    public const int NoDocument = 0;
}
