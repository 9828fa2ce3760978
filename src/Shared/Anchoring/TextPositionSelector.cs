namespace Annotate.Shared.Anchoring;

/// <summary>W3C TextPositionSelector: offsets in Unicode code points, end exclusive.</summary>
public sealed record TextPositionSelector(int Start, int End);
