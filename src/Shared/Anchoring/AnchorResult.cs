namespace Annotate.Shared.Anchoring;

/// <summary>
/// Where a quote now sits (UTF-16, null for an orphan), what was decided, and the share of the
/// selector's characters (quote, prefix and suffix) that the text there agrees with: 1 for the quote
/// verbatim in unchanged surroundings, 0 for an orphan that was not found.
/// </summary>
public readonly record struct AnchorResult(TextSpan? Span, AnchorOutcome Outcome, double Score);
