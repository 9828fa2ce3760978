namespace Annotate.Shared.Anchoring;

/// <summary>What <see cref="TextAnchor.Find"/> decided: a place, or why the annotation is an orphan.</summary>
public enum AnchorOutcome
{
    /// <summary>The quote was found, verbatim or within the contract's edit bound, and nothing else comes close.</summary>
    Anchored,

    /// <summary>Nothing in the text is within the edit bound of the quote, or what is there is contradicted by its surroundings.</summary>
    NotFound,

    /// <summary>Two or more places fit equally well and the position hint does not tell them apart.</summary>
    Ambiguous,
}
