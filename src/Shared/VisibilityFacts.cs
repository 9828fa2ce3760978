namespace Annotate.Shared;

/// <summary>
/// What the visibility rule needs to know about an annotation: its thread's visibility, its author and
/// the author's group now, and for teacher feedback the one student it is addressed to. The author is
/// null when they deleted their account (the thread stayed for others' replies): nobody is its author then.
/// </summary>
public sealed record VisibilityFacts(string? AuthorId, Visibility Visibility, int? AuthorGroupId, string? AddresseeId = null);
