namespace Annotate.Web.Features.Seminars;

/// <summary>An account a teacher removed from a seminar, barred from joining it again until let back in.</summary>
public sealed record RemovedAccount(string UserId, string DisplayName, DateTimeOffset RemovedAt);
