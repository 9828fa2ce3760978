namespace Annotate.Web.Realtime;

/// <summary>
/// A user's inbox changed: <see cref="NotificationId"/> was created for them, or (null) they marked some read. Their
/// bells (every tab, every instance) count again, and their hub connections receive <c>notificationCreated</c>.
/// Not about one document: it travels under <see cref="NoDocument"/>, so only subscribers of every document hear it.
/// </summary>
public sealed record NotificationEvent(string UserId, Guid? NotificationId) : FeedEvent(NoDocument)
{
    public const int NoDocument = 0;
}
