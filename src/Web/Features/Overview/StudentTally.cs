using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Seminars;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// How much one student took part across a seminar, counted from contributions the teacher may see, for the seminar
/// dashboard. A document's overview counts the same things in the database (<see cref="ContributionSource.CountForDocumentAsync"/>);
/// <c>VisibilityFilterEquivalenceTests</c> and <c>LateCountTests</c> hold both to the rule's full read.
/// </summary>
/// <param name="QuestionsAnswered">Their replies marked as the answer to someone else's question (<see cref="AnswersAQuestion"/>).</param>
/// <param name="UpvotesReceived">Upvotes on what they wrote that the teacher may see.</param>
internal sealed record StudentTally(
    int Annotations, int Replies, int Words, int QuestionsAsked, int QuestionsAnswered, int UpvotesReceived, int Late, int FeedbackReceived,
    DateTimeOffset? FirstActivity, DateTimeOffset? LastActivity)
{
    /// <summary>
    /// The students of <paramref name="roster"/> by name, each with what they wrote and their tally, from everything the
    /// teacher may see (<paramref name="visible"/>).
    /// </summary>
    public static List<(MembershipService.Member Student, List<Contribution> Own, StudentTally Tally)> PerStudent(
        IReadOnlyList<Contribution> visible, IEnumerable<MembershipService.Member> roster, Func<int, DateTimeOffset?> dueAt)
    {
        var roots = visible.Where(v => !v.IsReply).ToDictionary(v => v.Id);
        var byAuthor = visible.Where(v => v.AuthorId is not null).ToLookup(v => v.AuthorId!);
        var feedbackFor = visible.Where(IsFeedback).ToLookup(v => v.AddresseeId!);
        return roster.Where(m => m.Role == SeminarRole.Student)
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m =>
            {
                var own = byAuthor[m.UserId].ToList();
                return (m, own, Of(own, feedbackFor[m.UserId].Count(), roots, dueAt));
            })
            .ToList();
    }

    /// <summary>What a group is called on the overview and the dashboard: its name, or "No group" for students in none.</summary>
    public static string GroupName(int? groupId, IReadOnlyDictionary<int, string> names) =>
        groupId is { } id ? names.GetValueOrDefault(id, "Group") : "No group";

    /// <param name="own">What the student wrote (that the teacher may see).</param>
    /// <param name="feedback">Teacher feedback addressed to them.</param>
    /// <param name="roots">The visible thread roots by id, to know what a reply answers.</param>
    /// <param name="dueAt">Each document's due date, when it has one: posts after it are late.</param>
    private static StudentTally Of(IReadOnlyList<Contribution> own, int feedback, IReadOnlyDictionary<Guid, Contribution> roots,
        Func<int, DateTimeOffset?> dueAt) =>
        new(own.Count(c => !c.IsReply), own.Count(c => c.IsReply), own.Sum(c => c.Words),
            own.Count(IsQuestion),
            own.Count(c => AnswersAQuestion(c, roots.GetValueOrDefault(c.ThreadRootId))),
            own.Sum(c => c.Upvotes),
            own.Count(c => dueAt(c.DocumentId) is { } due && c.Created > due),
            feedback,
            own.Count == 0 ? null : own.Min(c => c.Created),
            own.Count == 0 ? null : own.Max(c => c.Modified));

    /// <summary>A question they asked: a thread of theirs that asks (motivation <c>questioning</c>).</summary>
    public static bool IsQuestion(Contribution contribution) =>
        !contribution.IsReply && contribution.Motivation == Motivations.Questioning;

    /// <summary>
    /// Whether <paramref name="reply"/> answered a question: the asker or a teacher marked it as the answer of someone
    /// else's question (answering one's own question is no answer to count). A reply that merely sits in the thread does not.
    /// </summary>
    public static bool AnswersAQuestion(Contribution reply, Contribution? thread) =>
        reply.IsReply && thread is not null && IsQuestion(thread) && thread.AnswerId == reply.Id && thread.AuthorId != reply.AuthorId;

    /// <summary>Feedback is teacher assessment addressed to one student.</summary>
    private static bool IsFeedback(Contribution contribution) =>
        contribution.AddresseeId is not null && contribution.Motivation == Motivations.Assessing;
}
