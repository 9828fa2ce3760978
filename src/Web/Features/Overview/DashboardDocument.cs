namespace Annotate.Web.Features.Overview;

/// <summary>A document of the seminar on its dashboard; posts after <see cref="DueAt"/> count as late.</summary>
public sealed record DashboardDocument(int Id, string Title, DateTimeOffset? DueAt, string? Language = null);
