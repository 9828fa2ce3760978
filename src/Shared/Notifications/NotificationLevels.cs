namespace Annotate.Shared.Notifications;

/// <summary>Which kinds a <see cref="NotificationLevel"/> lets through: the one place that says it.</summary>
public static class NotificationLevels
{
    public static bool Allows(this NotificationLevel level, NotificationKind kind) => level switch
    {
        NotificationLevel.Everything => true,
        NotificationLevel.RepliesAndMentions => kind is NotificationKind.Reply or NotificationKind.Mention or NotificationKind.Feedback or NotificationKind.Answer,
        _ => false,
    };

    /// <summary>The API's name of a kind: <c>reply</c>, <c>mention</c>, …</summary>
    public static string Name(this NotificationKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The API's name of a level: <c>everything</c>, <c>replies-and-mentions</c>, <c>nothing</c>.</summary>
    public static string Name(this NotificationLevel level) => level switch
    {
        NotificationLevel.Everything => "everything",
        NotificationLevel.RepliesAndMentions => "replies-and-mentions",
        _ => "nothing",
    };

    public static NotificationLevel? LevelNamed(string? name) => name switch
    {
        "everything" => NotificationLevel.Everything,
        "replies-and-mentions" => NotificationLevel.RepliesAndMentions,
        "nothing" => NotificationLevel.Nothing,
        _ => null,
    };
}
