namespace Annotate.Web.Features.Overview;

/// <summary>One student on the seminar dashboard: their <see cref="StudentTally"/> across every document of the seminar.</summary>
public sealed record DashboardStudent(
    string UserId, string DisplayName, int? GroupId, string? GroupName,
    int Annotations, int Replies, int Words, int QuestionsAsked, int QuestionsAnswered, int UpvotesReceived, int Late, int FeedbackReceived,
    DateTimeOffset? FirstActivity, DateTimeOffset? LastActivity);
