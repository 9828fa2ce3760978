using Annotate.Shared;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// A set of annotations the overview and the dashboard count together: by one author, all threads or all replies, all
/// seen alike by the visibility rule (<see cref="Access"/>).
/// </summary>
/// <param name="FeedbackFor">The student they are feedback to (teacher assessment addressed to one student), or null.</param>
/// <param name="Questions">How many are threads that ask (motivation <c>questioning</c>).</param>
/// <param name="Answers">How many are replies marked as the answer to someone else's question (dashboard only).</param>
/// <param name="Upvotes">Upvotes on them by members of the seminar (dashboard only).</param>
/// <param name="Late">How many were written after their document's due date.</param>
/// <param name="First">When the first of them was written.</param>
/// <param name="Last">When the last of them was last changed.</param>
internal sealed record ContributionCount(string? AuthorId, bool IsReply, string? FeedbackFor, int Count, int Words,
    int Questions, int Answers, int Upvotes, int Late, DateTimeOffset First, DateTimeOffset Last, VisibilityFacts Access);
