// The revision corpus (issue 4): the sample article and eight seeded revisions of it by a teacher
// (RevisionEditor), 450 selections each. Positions go stale by the edits before a passage: tens to
// hundreds of chars, a moved paragraph's by about a thousand.
namespace Annotate.Shared.Tests.Anchoring.Corpus;

internal static class RevisionCorpus
{
    public const int Revisions = 8;

    public static List<CorpusText> Build(EditMix? mix = null)
    {
        var original = SampleArticle.Canonical;
        var vocabulary = RevisionEditor.VocabularyOf(original);
        var texts = new List<CorpusText>();
        for (var seed = 1; seed <= Revisions; seed++)
        {
            var random = new Random(seed);
            // Spans first, then the edit: the same random sequence as when this corpus was introduced.
            var spans = CorpusSpans.Draw(original, random);
            var revised = new RevisionEditor(random, vocabulary).Edit(original, mix ?? EditMix.Teacher);
            texts.Add(CorpusText.Of(original, revised, spans));
        }
        return texts;
    }
}
