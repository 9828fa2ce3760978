namespace Annotate.Web.Features.Overview;

/// <summary>A group's totals on the seminar dashboard; students in no group make one "No group" row.</summary>
public sealed record DashboardGroup(
    int? GroupId, string GroupName, int Students, int Annotations, int Replies, int Words, int QuestionsAsked, int QuestionsAnswered,
    int UpvotesReceived, int Late, int FeedbackReceived);
