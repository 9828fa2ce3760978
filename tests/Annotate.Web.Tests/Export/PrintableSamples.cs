using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Export;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Export;

/// <summary>
/// Export contents built the way the export service builds them (threads in document order, paragraph
/// numbers from the text's blocks), on real text: the excerpt and the whole sample article.
/// </summary>
internal static class PrintableSamples
{
    public static readonly DateTimeOffset Generated = new(2025, 4, 2, 16, 45, 0, TimeSpan.Zero);

    public static ExportContent Content(string text, IEnumerable<ExportThread> threads, string title = "Proletarian Internationalism",
        string filter = "All annotations you can see", string reader = "Teresa Teacher") =>
        new(DocumentId: 1, title, "Political Theory 101", Revision: 2, text, reader, filter, Generated, threads.ToList());

    /// <summary>A thread as the export holds it: its paragraph number taken from where its passage starts.</summary>
    public static ExportThread Exported(string text, AnnotationView root, params AnnotationView[] replies)
    {
        int? paragraph = null;
        if (!root.Orphan && root.Position is { } position)
        {
            var start = TextAnchor.ToSpan(text, position).Start;
            paragraph = TextBlocks.Parse(text).LastOrDefault(b => b.Start <= start && b.Kind == BlockKind.Paragraph)?.ParagraphNumber;
        }
        return new ExportThread(root, replies, paragraph);
    }

    /// <summary>A thread whose passage a later revision removed: its selectors describe words of an earlier text.</summary>
    public static AnnotationView Orphan(string removedWords, string body) =>
        Thread($"An earlier revision said that {removedWords}, and more.", removedWords, body, authorName: "Olga") with { Orphan = true };

    /// <summary>The excerpt with feedback, a discussed comment with a reply, and a highlight.</summary>
    public static ExportContent Excerpt(string filter = "All annotations you can see")
    {
        var text = Components.TestArticle.Excerpt;
        var feedback = Thread(text, "capitalism had developed at a high level", "Good that you *date* this.",
            Motivations.Assessing, authorId: "teresa-id", authorName: "Teresa Teacher");
        var comment = Thread(text, "Proletarians of all countries unite!", "Is this **still** true today?");
        var reply = Reply(comment, "Yes — arguably more than ever.");
        return Content(text, [Exported(text, feedback), Exported(text, comment, reply)], filter: filter);
    }

    /// <summary>The whole sample article with a handful of threads, overlapping ones among them, and an orphan.</summary>
    public static ExportContent WholeArticle(string filter = "All annotations you can see")
    {
        var text = Article;
        var threads = new List<ExportThread>();
        void Add(string exact, string body, string motivation = Motivations.Commenting, string author = "Ana", params string[] replies)
        {
            var root = Thread(text, exact, body, motivation, authorName: author, authorId: author.ToLowerInvariant());
            threads.Add(Exported(text, root, replies.Select((r, i) => Reply(root, r, created: root.Created.AddMinutes(5 * (i + 1)))).ToArray()));
        }
        Add("Proletarian internationalism, the important theoretical system of Marxism-Leninism",
            "The author's **thesis**: internationalism as a *system*, not a slogan.", author: "Ana",
            replies: ["Compare the ending of the Manifesto.", "And with the 1864 Inaugural Address."]);
        Add("the important theoretical system", "", Motivations.Highlighting, "Ben");
        Add("Proletarians of all countries unite!", "Does the slogan still work in a world of national welfare states?",
            Motivations.Questioning, "Chen");
        Add("capitalism had developed at a high level", "Good: you date the argument. Say which *countries* you mean.",
            Motivations.Assessing, "Teresa Teacher");
        threads.Add(Exported(text, Orphan("the workers have no country", "This line was quoted in the first draft.")));
        return Content(text, threads.OrderBy(t => t.Root.Orphan).ThenBy(t => t.Root.Position?.Start).ToList(), filter: filter);
    }
}
