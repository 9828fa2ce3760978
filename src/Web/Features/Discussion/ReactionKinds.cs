using Annotate.Web.Resources;

namespace Annotate.Web.Features.Discussion;

/// <summary>The reactions a member can give an annotation, as the API names them.</summary>
public static class ReactionKinds
{
    public const string Upvote = "upvote";
    /// <summary>"I have this question too": on a question only.</summary>
    public const string SameQuestion = "same-question";

    public static IReadOnlyList<string> All { get; } = [Upvote, SameQuestion];

    public static bool IsKnown(string kind) => All.Contains(kind);

    public static string Unknown(string kind) =>
        Words.Text("Problem.NoSuchReaction", kind, Upvote, SameQuestion);
}
