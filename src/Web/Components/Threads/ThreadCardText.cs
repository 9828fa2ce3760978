using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Microsoft.Extensions.Localization;

namespace Annotate.Web.Components.Threads;

/// <summary>The words a thread card (and a search result) writes about an annotation, in the reader's language.</summary>
internal static class ThreadCardText
{
    /// <summary>An imported annotation names who wrote it, and who brought it here (its author in Annotate).</summary>
    public static string Byline(AnnotationView annotation, IStringLocalizer L)
    {
        // The service names a deleted author in English ("a deleted account"): the card says it in the reader's language.
        string author = annotation.AuthorId is null ? L["Thread.DeletedAccount"] : annotation.AuthorName;
        return annotation.AttributedTo is not { } writer ? author
            : writer == annotation.AuthorName ? L["Thread.Imported", writer]
            : L["Thread.ImportedBy", writer, author];
    }

    public static string Initial(string name) => name.Length == 0 ? "?" : char.ToUpperInvariant(name[0]).ToString();

    public static string Shorten(string? quote) =>
        quote is null ? "" : quote.Length <= 160 ? quote : quote[..157] + "…";

    /// <summary>Who gave a reaction, as its tooltip and description say it: "2 upvotes: Karl, Rosa".</summary>
    public static string Reactors(AnnotationView annotation, string kind, IStringLocalizer L)
    {
        var names = annotation.Reactions.Where(r => r.Kind == kind).Select(r => r.Name).ToList();
        string what = kind == ReactionKinds.Upvote
            ? names.Count == 1 ? L["Thread.OneUpvote"] : L["Thread.Upvotes", names.Count]
            : names.Count == 1 ? L["Thread.OneSameQuestion"] : L["Thread.SameQuestions", names.Count];
        if (names.Count > 0) return $"{what}: {string.Join(", ", names)}.";
        return kind == ReactionKinds.Upvote ? L["Thread.NoUpvotes"] : L["Thread.NoSameQuestion"];
    }
}
