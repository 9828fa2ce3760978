using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Annotate.Bench.Load;

/// <summary>
/// A seminar's discussion to search, made the same on every run (fixed seed): W3C import files of comments on
/// passages of the document's text, in words drawn from that text as often as it uses them (so some words are
/// in many comments and most in few), some with Markdown, a tag or a question; a quarter are replies to an
/// earlier thread of the same file. Each file is one person's (their import), at most 10,000 annotations.
/// </summary>
internal sealed partial class SearchCorpus(string text, int seed)
{
    public static readonly string[] Tags = ["context", "method", "example", "critique", "history", "definition", "question", "close-reading"];

    private readonly Random random = new(seed);
    private readonly string[] words = WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length > 1).ToArray();
    private readonly Passage[] passages = PassagesOf(text).ToArray();
    private readonly Dictionary<string, int> commentsWith = [];
    private int made, comments;

    /// <summary>
    /// The word whose share of the comments made so far is nearest <paramref name="share"/> (0-1), of those at least
    /// <paramref name="minLength"/> letters long: the harness searches for words as common or as rare as it wants.
    /// </summary>
    public string WordInShare(double share, int minLength = 1) =>
        commentsWith.Where(w => w.Key.Length >= minLength && !w.Key.Contains('\'') && !w.Key.Contains('’') && !w.Key.Contains('-'))
            .MinBy(w => Math.Abs((double)w.Value / comments - share)).Key;

    /// <summary>The share (0-1) of the comments made so far that hold <paramref name="word"/>.</summary>
    public double ShareOf(string word) => (double)commentsWith.GetValueOrDefault(word) / comments;

    /// <summary>One import file of <paramref name="count"/> annotations by <paramref name="creator"/>.</summary>
    public JsonObject File(int count, string creator)
    {
        var items = new JsonArray();
        var threads = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"https://bench.example/annotations/{seed}-{made++}";
            var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(60 * 24 * 90)).ToString("O");
            if (threads.Count > 0 && random.NextDouble() < 0.25)
            {
                items.Add(new JsonObject
                {
                    ["id"] = id, ["type"] = "Annotation", ["motivation"] = "replying", ["created"] = created,
                    ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = creator },
                    ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = Comment(), ["format"] = "text/markdown" },
                    ["target"] = threads[random.Next(threads.Count)],
                });
                continue;
            }
            var passage = passages[random.Next(passages.Length)];
            var body = new JsonArray(new JsonObject { ["type"] = "TextualBody", ["value"] = Comment(), ["format"] = "text/markdown", ["purpose"] = "commenting" });
            if (random.NextDouble() < 0.2)
                body.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = Tags[random.Next(Tags.Length)], ["purpose"] = "tagging" });
            items.Add(new JsonObject
            {
                ["id"] = id, ["type"] = "Annotation", ["created"] = created,
                ["motivation"] = random.NextDouble() < 0.1 ? "questioning" : "commenting",
                ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = creator },
                ["body"] = body,
                ["target"] = new JsonObject
                {
                    ["source"] = "https://bench.example/text",
                    ["selector"] = new JsonArray(
                        new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = passage.Exact, ["prefix"] = passage.Prefix, ["suffix"] = passage.Suffix },
                        new JsonObject { ["type"] = "TextPositionSelector", ["start"] = passage.Start, ["end"] = passage.End }),
                },
            });
            threads.Add(id);
        }
        return new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld", ["type"] = "AnnotationCollection", ["total"] = count,
            ["first"] = new JsonObject { ["type"] = "AnnotationPage", ["items"] = items },
        };
    }

    /// <summary>8 to 40 words of the text, as often as it uses them; now and then emphasis or a link.</summary>
    private string Comment()
    {
        var picked = Enumerable.Range(0, random.Next(8, 41)).Select(_ => words[random.Next(words.Length)]).ToArray();
        comments++;
        foreach (var word in picked.Distinct()) commentsWith[word] = commentsWith.GetValueOrDefault(word) + 1;
        if (random.NextDouble() < 0.1) picked[0] = $"**{picked[0]}**";
        var comment = string.Join(' ', picked);
        return random.NextDouble() < 0.05 ? comment + " [see](https://example.org/notes/" + random.Next(1000) + ")" : comment;
    }

    private sealed record Passage(string Exact, string Prefix, string Suffix, int Start, int End);

    /// <summary>Runs of 2 to 8 words within one paragraph, with 32 code points of context and code point offsets.</summary>
    private static IEnumerable<Passage> PassagesOf(string text)
    {
        var starts = WordPattern().Matches(text).Select(m => m.Index).ToArray();
        for (var i = 0; i + 8 < starts.Length; i += 3)
        {
            var end = starts[i + 2 + i % 7] - 1;
            var exact = text[starts[i]..end];
            if (exact.Contains('\n') || exact.Length < 5) continue;
            var start = CodePoints(text[..starts[i]]);
            yield return new Passage(exact, Last(text[..starts[i]], 32), First(text[end..], 32), start, start + CodePoints(exact));
        }
    }

    private static int CodePoints(string s) => s.EnumerateRunes().Count();

    private static string First(string s, int count) => string.Concat(s.EnumerateRunes().Take(count));

    private static string Last(string s, int count) => string.Concat(s.EnumerateRunes().TakeLast(count));

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}'’-]*")]
    private static partial Regex WordPattern();
}
