using Annotate.Shared;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// One annotation as a student's posts on the overview and their timeline on the dashboard show it: who wrote it,
/// where, when, and <see cref="Quote"/>, its thread's passage on the current text (thread roots only).
/// </summary>
internal sealed record Contribution(Guid Id, int DocumentId, Guid? ParentId, Guid? ThreadId, string? AuthorId, string? AddresseeId,
    string Motivation, int Words, DateTimeOffset Created, DateTimeOffset Modified, string? Quote, bool Moved, VisibilityFacts Access)
{
    /// <summary>Its Markdown, for a student's timeline; empty where only the counts were read (the overview, the dashboard).</summary>
    public string Body { get; init; } = "";

    public bool IsReply => ParentId is not null;
    public Guid ThreadRootId => ThreadId ?? Id;
}
