using Annotate.Shared;
using Annotate.Web.Features.Seminars;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// How much one student took part, summed from the sets the database counted (<see cref="ContributionSource"/>) that
/// the teacher may see: the per-document overview and the seminar dashboard both count with this, so their numbers
/// agree.
/// </summary>
/// <param name="QuestionsAnswered">Their replies marked as the answer to someone else's question.</param>
/// <param name="UpvotesReceived">Upvotes on what they wrote that the teacher may see.</param>
internal sealed record StudentTally(
    int Annotations, int Replies, int Words, int QuestionsAsked, int QuestionsAnswered, int UpvotesReceived, int Late, int FeedbackReceived,
    DateTimeOffset? FirstActivity, DateTimeOffset? LastActivity)
{
    /// <summary>The students of <paramref name="roster"/> by name, each with their tally from <paramref name="counts"/>.</summary>
    public static List<(MembershipService.Member Student, StudentTally Tally)> PerStudent(
        IReadOnlyList<ContributionCount> counts, IEnumerable<MembershipService.Member> roster)
    {
        var byAuthor = counts.Where(c => c.AuthorId is not null).ToLookup(c => c.AuthorId!);
        var feedbackFor = counts.Where(c => c.FeedbackFor is not null).ToLookup(c => c.FeedbackFor!);
        return roster.Where(m => m.Role == SeminarRole.Student)
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => (m, Of(byAuthor[m.UserId].ToList(), feedbackFor[m.UserId].Sum(c => c.Count))))
            .ToList();
    }

    /// <summary>What a group is called on the overview and the dashboard: its name, or "No group" for students in none.</summary>
    public static string GroupName(int? groupId, IReadOnlyDictionary<int, string> names) =>
        groupId is { } id ? names.GetValueOrDefault(id, "Group") : "No group";

    private static StudentTally Of(IReadOnlyList<ContributionCount> own, int feedback) =>
        new(own.Where(c => !c.IsReply).Sum(c => c.Count), own.Where(c => c.IsReply).Sum(c => c.Count), own.Sum(c => c.Words),
            own.Sum(c => c.Questions), own.Sum(c => c.Answers), own.Sum(c => c.Upvotes), own.Sum(c => c.Late), feedback,
            own.Count == 0 ? null : own.Min(c => c.First),
            own.Count == 0 ? null : own.Max(c => c.Last));
}
