namespace Annotate.Shared.Anchoring;

/// <summary>How an annotation found its passage in a new revision.</summary>
public enum ReanchorHow
{
    /// <summary>The passage was not touched by the edit; it may have shifted with the text around it.</summary>
    Unchanged,

    /// <summary>The passage is verbatim but somewhere the diff did not carry it (a moved paragraph, a nearby edit).</summary>
    Moved,

    /// <summary>The passage itself was edited and found by fuzzy matching ("passage edited").</summary>
    Fuzzy,

    /// <summary>The passage could not be placed without guessing.</summary>
    Orphan,
}
