namespace Annotate.Shared.Anchoring;

/// <summary>
/// A candidate with its evidence (AnchorEvidence): the number that ranks it, the part of it that its
/// context gives, whether one side of that context is recognisably the selector's, whether the place is
/// plausible at all (more for it than against it, when the selector offers context), and the share of
/// the selector's characters it agrees with.
/// </summary>
internal readonly record struct Weighed(TextSpan Span, int Distance, int Evidence, int Context, bool OneSideAgrees, bool Plausible, double Score);
