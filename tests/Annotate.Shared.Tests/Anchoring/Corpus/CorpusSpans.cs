// The selections of the quality corpus, as readers make them: single words, phrases of two to six
// words, whole sentences, selections that run over a paragraph break, and arbitrary char ranges.
namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal sealed record CorpusSpan(string Kind, int Start, int End);

internal static class CorpusSpans
{
    public static List<CorpusSpan> Draw(string text, Random random, int words = 150, int phrases = 150, int sentences = 80, int crossParagraph = 30, int ranges = 40)
    {
        var wordSpans = new List<(int Start, int End)>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            wordSpans.Add((start, i));
        }
        var sentenceSpans = Sentences(text);
        var breaks = Enumerable.Range(0, text.Length - 1).Where(i => text[i] == '\n' && text[i + 1] == '\n').ToList();

        var spans = new List<CorpusSpan>();
        for (var i = 0; i < words; i++)
        {
            var w = wordSpans[random.Next(wordSpans.Count)];
            spans.Add(new("word", w.Start, w.End));
        }
        for (var i = 0; i < phrases; i++)
        {
            var first = random.Next(wordSpans.Count - 6);
            var last = first + random.Next(1, 6);
            // Phrases stay inside one paragraph.
            if (text.AsSpan(wordSpans[first].Start, wordSpans[last].End - wordSpans[first].Start).Contains("\n\n", StringComparison.Ordinal)) { i--; continue; }
            spans.Add(new("phrase", wordSpans[first].Start, wordSpans[last].End));
        }
        for (var i = 0; i < sentences; i++)
        {
            var s = sentenceSpans[random.Next(sentenceSpans.Count)];
            spans.Add(new("sentence", s.Start, s.End));
        }
        for (var i = 0; i < crossParagraph; i++)
        {
            var at = breaks[random.Next(breaks.Count)];
            var start = Math.Max(0, at - random.Next(10, 120));
            var end = Math.Min(text.Length, at + 2 + random.Next(10, 120));
            spans.Add(new("cross-paragraph", start, end));
        }
        for (var i = 0; i < ranges; i++)
        {
            var start = random.Next(text.Length - 200);
            spans.Add(new("range", start, start + random.Next(4, 200)));
        }
        return spans;
    }

    /// <summary>Sentences: runs ending at ". " or a paragraph end, without the trailing space.</summary>
    public static List<(int Start, int End)> Sentences(string text)
    {
        var sentences = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var paragraphEnd = i == text.Length || (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n');
            var sentenceEnd = i > 0 && i < text.Length && text[i - 1] == '.' && text[i] == ' ';
            if (!paragraphEnd && !sentenceEnd) continue;
            if (i - start > 1) sentences.Add((start, i));
            start = paragraphEnd ? i + 2 : i + 1;
            if (paragraphEnd) i++;
        }
        return sentences;
    }
}
