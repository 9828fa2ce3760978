using System.Text.Json.Nodes;
using Annotate.Shared.Anchoring;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A seeded W3C import file of many annotations made on "another edition" of a text: of every 20 items,
/// 14 quote a passage of 3-12 words exactly (with 32 code points of context and the position), 2 quote a
/// passage of 6-12 words with one letter changed (placed fuzzily), 1 quotes six words of the text in an
/// order it never has (an orphan), and 3 answer an earlier thread of the file, orphans included.
/// </summary>
public static class LargeImportFile
{
    public sealed record Expected(int Threads, int Fuzzy, int Orphans, int Replies);

    public static (JsonArray File, Expected Expected) Create(string text, int count, int seed = 11)
    {
        var random = new Random(seed);
        var words = WordSpans(text);
        var file = new JsonArray();
        var threads = new List<string>();
        int fuzzy = 0, orphans = 0, replies = 0;
        for (var i = 0; i < count; i++)
        {
            var id = $"https://edition.example.org/anno/{i}";
            var kind = i % 20;
            if (kind >= 17 && threads.Count > 0)
            {
                file.Add(ImportJson.W3cReply(id, threads[random.Next(threads.Count)], $"Reply {i}: I read it differently."));
                replies++;
                continue;
            }
            threads.Add(id);
            if (kind == 16)
            {
                // Six words of the text in an order it never has: nowhere in this edition.
                var jumble = string.Join(' ', Enumerable.Range(0, 6).Select(_ => words[random.Next(words.Count)]).Select(w => text[w.Start..w.End]));
                file.Add(ImportJson.W3cQuote(id, jumble, random.Next(text.Length / 2), $"Note {i}: from the other edition."));
                orphans++;
                continue;
            }
            var changed = kind is 14 or 15;
            var first = random.Next(words.Count - 13);
            var last = first + (changed ? random.Next(5, 12) : random.Next(2, 12));
            var (quote, position) = TextAnchor.Describe(text, new TextSpan(words[first].Start, words[last].End));
            if (changed)
            {
                // One letter of the middle word differs in the other edition.
                var middle = quote.Exact.Length / 2;
                var replacement = quote.Exact[middle] == 'e' ? 'a' : 'e';
                quote = quote with { Exact = quote.Exact[..middle] + replacement + quote.Exact[(middle + 1)..] };
                fuzzy++;
            }
            var annotation = ImportJson.W3cQuote(id, quote.Exact, position.Start, $"Note {i}: *is this still true?*", quote.Prefix, quote.Suffix);
            annotation["target"]!["selector"]![1]!["end"] = position.End;
            file.Add(annotation);
        }
        return (file, new Expected(threads.Count, fuzzy, orphans, replies));
    }

    private static List<TextSpan> WordSpans(string text)
    {
        var spans = new List<TextSpan>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLetter(text[i]) || (i > 0 && !char.IsWhiteSpace(text[i - 1]))) continue;
            var end = i;
            while (end < text.Length && char.IsLetter(text[end])) end++;
            spans.Add(new TextSpan(i, end));
            i = end;
        }
        return spans;
    }
}
