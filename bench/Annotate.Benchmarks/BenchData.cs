// The benchmark's workload: a ~100 KB text made of the sample article and four variations of it, in
// which every word is swapped for another word of the article (a different swap per copy) - the
// article's shape, word lengths and punctuation, but no near-copies of its passages, which would make
// most short annotations honest orphans. 10,000 annotations are drawn on it like the
// quality corpus draws them (words, phrases, sentences, cross-paragraph, ranges), and a teacher's
// revision of it (typos, words inserted and deleted, sentences deleted, paragraphs moved).
using Annotate.Shared.Anchoring;
using Annotate.Shared.Tests.Anchoring.Corpus;
using Annotate.Shared.TextImport;

namespace Annotate.Benchmarks;

internal sealed class BenchData
{
    public const int Annotations = 10_000;

    private BenchData(string oldText, string newText, List<(TextQuoteSelector Quote, TextPositionSelector Position)> annotations)
    {
        OldText = oldText;
        NewText = newText;
        AnnotationList = annotations;
    }

    public string OldText { get; }

    public string NewText { get; }

    public List<(TextQuoteSelector Quote, TextPositionSelector Position)> AnnotationList { get; }

    public static string Article { get; } =
        PlainTextReflow.Reflow(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "proletarian-internationalism.txt")));

    /// <summary>The article and four word-swapped variations of it, cut at a paragraph end below 100,000 chars.</summary>
    public static string HundredKilobytes()
    {
        var vocabulary = RevisionEditor.VocabularyOf(Article);
        var copies = new List<string> { Article };
        for (var i = 1; i < 5; i++)
        {
            var random = new Random(1000 + i);
            var swap = vocabulary.Zip(vocabulary.OrderBy(_ => random.Next())).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            copies.Add(System.Text.RegularExpressions.Regex.Replace(Article, @"\p{L}{3,}", m => swap.GetValueOrDefault(m.Value, m.Value)));
        }
        // Swapped words run a little longer than the originals: end at the last paragraph within 100 KB.
        var text = string.Join("\n\n", copies);
        return text[..text.LastIndexOf("\n\n", 100_000, StringComparison.Ordinal)];
    }

    public static BenchData Create(int seed = 42)
    {
        var oldText = HundredKilobytes();
        var random = new Random(seed);
        var spans = CorpusSpans.Draw(oldText, random, words: 3500, phrases: 3500, sentences: 2000, crossParagraph: 500, ranges: 500);
        var annotations = spans.Select(s => TextAnchor.Describe(oldText, new TextSpan(s.Start, s.End))).ToList();
        // The same teacher's revision as the corpus, scaled to the five times longer text.
        var mix = EditMix.Teacher;
        var revisionMix = new EditMix(mix.Typos * 5, mix.WordInsertions * 5, mix.WordDeletions * 5, mix.SentenceDeletions * 5, mix.ParagraphMoves * 5);
        var newText = new RevisionEditor(random, RevisionEditor.VocabularyOf(oldText)).Edit(oldText, revisionMix).ToString();
        return new BenchData(oldText, newText, annotations);
    }
}
