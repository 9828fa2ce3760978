namespace Annotate.Shared.W3c;

/// <summary>The W3C motivations Annotate uses, by their W3C names.</summary>
public static class Motivations
{
    public const string Commenting = "commenting";
    public const string Highlighting = "highlighting";
    public const string Questioning = "questioning";
    public const string Replying = "replying";
    /// <summary>Teacher feedback.</summary>
    public const string Assessing = "assessing";

    public static IReadOnlyList<string> All { get; } = [Commenting, Highlighting, Questioning, Replying, Assessing];

    public static bool IsKnown(string motivation) => All.Contains(motivation);

    /// <summary>Highlights may be empty; every other motivation says something.</summary>
    public static bool NeedsBody(string motivation) => motivation != Highlighting;
}
