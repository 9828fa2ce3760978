using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.TextImport;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Tests.Components;

/// <summary>
/// Real text to annotate: a short excerpt of the demo seminar's article (a heading and two
/// paragraphs, in canonical form), the whole article as the importer reflows it, and annotations
/// on them made the way the page makes them (TextAnchor.Describe of a span).
/// </summary>
internal static class TestArticle
{
    public const string Excerpt =
        "INTRODUCTION\n\n" +
        "The \"Communist Manifesto\u201D was written and published by Marx and Engels (February 1848) in the context " +
        "that capitalism had developed at a high level, maintained its dominance in Europe, and began to expand power " +
        "to Africa, and Asia with brutal conquests.\n\n" +
        "With the slogan \"Proletarians of all countries unite!\" Marx and Engels publicized their international " +
        "character and called for the unity of the proletarian revolution.";

    private static readonly Lazy<string> Whole = new(() => PlainTextReflow.Reflow(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "proletarian-internationalism.txt"))));

    /// <summary>The whole article in canonical form (Content/ is copied to the output by the Web project).</summary>
    public static string Article => Whole.Value;

    private static readonly DateTimeOffset Created = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The first occurrence of <paramref name="exact"/> in <paramref name="text"/>.</summary>
    public static TextSpan SpanOf(string text, string exact)
    {
        var at = text.IndexOf(exact, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"\"{exact}\" is not in the text.", nameof(exact));
        return new TextSpan(at, at + exact.Length);
    }

    /// <summary>A thread's first annotation on the first occurrence of <paramref name="exact"/>.</summary>
    public static AnnotationView Thread(string text, string exact, string body = "", string motivation = Motivations.Commenting,
        string authorId = "ana-id", string authorName = "Ana", Visibility visibility = Visibility.Seminar, DateTimeOffset? created = null)
    {
        var (quote, position) = TextAnchor.Describe(text, SpanOf(text, exact));
        return Annotation(Guid.NewGuid(), null, null, authorId, authorName, motivation, visibility, body, quote, position, created ?? Created);
    }

    /// <summary>A reply in <paramref name="root"/>'s thread (replies carry no selectors).</summary>
    public static AnnotationView Reply(AnnotationView root, string body, string authorId = "ben-id", string authorName = "Ben", DateTimeOffset? created = null) =>
        Annotation(Guid.NewGuid(), root.Id, root.Id, authorId, authorName, Motivations.Replying, root.Visibility, body, null, null,
            created ?? root.Created.AddMinutes(10));

    private static AnnotationView Annotation(Guid id, Guid? parentId, Guid? threadId, string authorId, string authorName, string motivation,
        Visibility visibility, string body, TextQuoteSelector? quote, TextPositionSelector? position, DateTimeOffset created) =>
        new(id, DocumentId: 1, parentId, threadId, authorId, authorName, motivation, visibility, body, Tags: [], quote, position,
            DocumentRevision: 1, created, Modified: created, Version: 1, new VisibilityFacts(authorId, visibility, null));
}
