using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;

namespace Annotate.Web.Components.Threads;

/// <summary>The words a thread card (and a search result) writes about an annotation.</summary>
internal static class ThreadCardText
{
    /// <summary>An imported annotation names who wrote it, and who brought it here (its author in Annotate).</summary>
    public static string Byline(AnnotationView annotation) =>
        annotation.AttributedTo is not { } writer ? annotation.AuthorName
        : writer == annotation.AuthorName ? $"{writer} (imported)"
        : $"{writer} (imported by {annotation.AuthorName})";

    public static string Initial(string name) => name.Length == 0 ? "?" : char.ToUpperInvariant(name[0]).ToString();

    public static string Shorten(string? quote) =>
        quote is null ? "" : quote.Length <= 160 ? quote : quote[..157] + "…";

    /// <summary>Who gave a reaction, as its tooltip and description say it: "2 upvotes: Karl, Rosa".</summary>
    public static string Reactors(AnnotationView annotation, string kind)
    {
        var names = annotation.Reactions.Where(r => r.Kind == kind).Select(r => r.Name).ToList();
        var what = kind == ReactionKinds.Upvote
            ? names.Count == 1 ? "1 upvote" : $"{names.Count} upvotes"
            : names.Count == 1 ? "1 person has this question too" : $"{names.Count} people have this question too";
        if (names.Count > 0) return $"{what}: {string.Join(", ", names)}.";
        return kind == ReactionKinds.Upvote ? "No upvotes yet." : "No one else has said they have this question yet.";
    }
}
