// The edition corpus: eight seeded pairs of an old printing of the sample article (OldEdition) and
// a new edition of it (NewEdition), 450 selections drawn on each old printing. The new edition puts
// a preface in front and moves a section, so positions go stale by thousands of chars; Locate has to
// find passages by their quote and context.
namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal static class EditionCorpus
{
    public const int Editions = 8;

    public static List<CorpusText> Build()
    {
        var article = SampleArticle.Canonical;
        var vocabulary = RevisionEditor.VocabularyOf(article);
        var texts = new List<CorpusText>();
        for (var seed = 1; seed <= Editions; seed++)
        {
            var random = new Random(100 + seed);
            var old = OldEdition.Print(article, random);
            var spans = CorpusSpans.Draw(old.Text, random);
            texts.Add(CorpusText.Of(old.Text, NewEdition.Make(old, random, vocabulary), spans));
        }
        return texts;
    }
}
