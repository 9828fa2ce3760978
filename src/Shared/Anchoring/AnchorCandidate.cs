namespace Annotate.Shared.Anchoring;

/// <summary>A place a quote may now occupy, and how many edits its text is from the quote.</summary>
internal readonly record struct AnchorCandidate(TextSpan Span, int Distance);
