namespace Annotate.Web.Features.Overview;

/// <summary>One annotation or reply on a student's timeline.</summary>
/// <param name="ThreadId">The thread it opens on the reading page (its own id for a thread).</param>
/// <param name="Quote">The thread's passage on the current text; empty for an orphan.</param>
/// <param name="Excerpt">The start of what they wrote (<see cref="SeminarDashboardService.ExcerptLength"/> characters at most).</param>
/// <param name="Late">Posted after its document's due date.</param>
public sealed record TimelineEntry(Guid Id, Guid ThreadId, int DocumentId, string DocumentTitle, string Motivation, bool IsReply,
    string Quote, string Excerpt, DateTimeOffset Created, bool Late);
