namespace Annotate.Shared.Anchoring;

/// <summary>An end position (UTF-16, exclusive) where some substring lies within <see cref="Distance"/> edits of a pattern.</summary>
internal readonly record struct EndMatch(int End, int Distance);
