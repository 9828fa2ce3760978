namespace Annotate.Web.Features.Overview;

/// <summary>A teacher's dashboard of a seminar: its documents, and per student and per group how much they took part.</summary>
public sealed record SeminarDashboard(int SeminarId, string SeminarName, IReadOnlyList<DashboardDocument> Documents,
    IReadOnlyList<DashboardStudent> Students, IReadOnlyList<DashboardGroup> Groups);
