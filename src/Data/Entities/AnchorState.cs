namespace Annotate.Data.Entities;

/// <summary>How an annotation's passage was found again on a newer revision.</summary>
public enum AnchorState
{
    /// <summary>The same words, perhaps at another place.</summary>
    Exact,
    /// <summary>Found, but the words were edited (the thread shows the old quote).</summary>
    Edited,
    /// <summary>Not found: shown under Orphaned until someone attaches it again.</summary>
    Orphan,
    /// <summary>Attached by hand to a new selection by its author or a teacher.</summary>
    Reattached,
}
