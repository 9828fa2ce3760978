using Annotate.Shared;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// One annotation as the teacher's counts see it (participation, the seminar dashboard): who wrote it, where, when,
/// how many words, and <see cref="Quote"/>, its thread's passage on the current text (thread roots only).
/// </summary>
internal sealed record Contribution(Guid Id, int DocumentId, Guid? ParentId, Guid? ThreadId, string? AuthorId, string? AddresseeId,
    string Motivation, int Words, DateTimeOffset Created, DateTimeOffset Modified, string? Quote, bool Moved, VisibilityFacts Access)
{
    /// <summary>Its Markdown, for a student's timeline; empty where only the counts were read (the overview, the dashboard).</summary>
    public string Body { get; init; } = "";

    /// <summary>The reply marked as this question's answer (thread roots only); null when none is named.</summary>
    public Guid? AnswerId { get; init; }

    /// <summary>Upvotes on it by members of the seminar.</summary>
    public int Upvotes { get; init; }

    public bool IsReply => ParentId is not null;
    public Guid ThreadRootId => ThreadId ?? Id;
}
