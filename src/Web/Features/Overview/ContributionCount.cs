using Annotate.Shared;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// A set of one document's annotations the overview counts together: by one author, all threads or all replies, all
/// seen alike by the visibility rule (<see cref="Access"/>).
/// </summary>
/// <param name="FeedbackFor">The student they are feedback to (teacher assessment addressed to one student), or null.</param>
/// <param name="Late">How many were written after the document's due date.</param>
/// <param name="First">When the first of them was written.</param>
/// <param name="Last">When the last of them was last changed.</param>
internal sealed record ContributionCount(string? AuthorId, bool IsReply, string? FeedbackFor, int Count, int Words, int Late,
    DateTimeOffset First, DateTimeOffset Last, VisibilityFacts Access);
