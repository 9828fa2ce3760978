namespace Annotate.Web.Features.Overview;

/// <summary>One student's annotations and replies across a seminar's documents, oldest first.</summary>
public sealed record StudentTimeline(int SeminarId, string UserId, string DisplayName, IReadOnlyList<TimelineEntry> Entries);
