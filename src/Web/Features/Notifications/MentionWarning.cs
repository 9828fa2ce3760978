namespace Annotate.Web.Features.Notifications;

/// <summary>A person the writer named who was not told: not a member of the seminar, or not among those who can see the thread.</summary>
public sealed record MentionWarning(string UserId, string Name, string Detail);
