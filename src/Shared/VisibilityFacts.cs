namespace Annotate.Shared;

/// <summary>
/// What the visibility rule needs to know about an annotation: its thread's visibility, its author and
/// the author's group now, and for teacher feedback the one student it is addressed to.
/// </summary>
public sealed record VisibilityFacts(string AuthorId, Visibility Visibility, int? AuthorGroupId, string? AddresseeId = null);
