using Annotate.Shared;

namespace Annotate.Web.Features.Overview;

/// <summary>
/// One annotation as a student's posts on the overview and their timeline on the dashboard show it: where, when,
/// and <see cref="Quote"/>, its thread's passage on the current text (thread roots only).
/// </summary>
internal sealed record Contribution(Guid Id, int DocumentId, Guid? ParentId, Guid? ThreadId, string Motivation, DateTimeOffset Created,
    string? Quote, bool Moved, VisibilityFacts Access)
{
    /// <summary>Its Markdown, for a student's timeline; empty for the overview's list of posts, which does not show it.</summary>
    public string Body { get; init; } = "";

    public bool IsReply => ParentId is not null;
    public Guid ThreadRootId => ThreadId ?? Id;
}
