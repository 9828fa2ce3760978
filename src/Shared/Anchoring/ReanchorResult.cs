namespace Annotate.Shared.Anchoring;

/// <summary>Where an annotation's passage is in the new revision (UTF-16, null for an orphan) and how it was found.</summary>
public readonly record struct ReanchorResult(TextSpan? Span, ReanchorHow How);
