namespace Annotate.Web.Features.Notifications;

/// <summary>A member the editor offers after "@": someone who can see what is being written.</summary>
public sealed record MentionCandidate(string UserId, string DisplayName);
