using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A large, seeded discussion for measuring exports without a database: threads on passages of 2-12
/// words all over a text, replies (a third of them to another reply) from thirty students and a
/// teacher, comments of one line to a paragraph with Markdown, quotes, a line break and non-ASCII
/// letters, tags on every fifth thread. The benchmarks link this file too.
/// </summary>
public static class SyntheticDiscussion
{
    private static readonly string[] Comments =
    [
        "Is this still true today?",
        "Compare with the *Communist Manifesto*: \"Working men of all countries, unite!\" — the same appeal, decades later.",
        "I am not sure the author means **class** here; earlier (¶ 3) the word is used for nations.\n\nSee also the footnote.",
        "Über-national solidarity, or internationalism in name only? The text does not say which.",
        "Good point. The 1848 context matters: revolutions across Europe, then the reaction.",
        "This sentence carries the whole argument - if it fails, what is left of section two? I would like us to discuss it on Thursday, "
            + "together with the passage about the First International, because both make the same move from history to obligation.",
    ];

    public static List<AnnotationView> Create(string text, int threads, int replies, int seed = 7)
    {
        var random = new Random(seed);
        var words = WordStarts(text);
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var authors = Enumerable.Range(1, 30).Select(i => ($"student-{i}", $"Student {i}")).Append(("teacher", "Dr. Teacher")).ToArray();
        var views = new List<AnnotationView>(threads + replies);

        for (var i = 0; i < threads; i++)
        {
            var first = random.Next(words.Count - 13);
            var end = words[first + random.Next(2, 13)];
            while (char.IsWhiteSpace(text[end - 1])) end--;
            var (quote, position) = TextAnchor.Describe(text, new TextSpan(words[first], end));
            var (authorId, authorName) = authors[random.Next(authors.Length)];
            var visibility = (Visibility)random.Next(4);
            var highlight = random.Next(5) == 0;
            views.Add(new AnnotationView(Guid.CreateVersion7(start), 1, null, null, authorId, authorName,
                highlight ? Motivations.Highlighting : Motivations.Commenting, visibility,
                highlight ? "" : Comments[random.Next(Comments.Length)], i % 5 == 0 ? ["question", "context"] : [],
                quote, position, 1, start.AddSeconds(i), start.AddSeconds(i), 1, new VisibilityFacts(authorId, visibility, null)));
        }
        for (var i = 0; i < replies; i++)
        {
            var thread = views[random.Next(threads)];
            var answered = random.Next(3) == 0 ? views.Skip(threads).LastOrDefault(v => v.ThreadId == thread.Id) ?? thread : thread;
            var (authorId, authorName) = authors[random.Next(authors.Length)];
            var created = start.AddSeconds(threads + i);
            views.Add(new AnnotationView(Guid.CreateVersion7(created), 1, answered.Id, thread.Id, authorId, authorName, Motivations.Replying,
                thread.Visibility, Comments[random.Next(Comments.Length)], [], null, null, 1, created, created, 1, thread.Access));
        }
        return views;
    }

    private static List<int> WordStarts(string text)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
            if (char.IsLetter(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1]))) starts.Add(i);
        return starts;
    }
}
