using Annotate.Shared.Anchoring;
using Annotate.Shared.Tests.Anchoring.Corpus;
using Xunit.Abstractions;

namespace Annotate.Shared.Tests.Anchoring;

// The quality corpora, each scored on both paths: Locate alone (the old position as a stale hint, as
// for an annotation that arrives without the old text) and the diff (RevisionMap, as after a
// revision). The revision corpus (issue 4) has a teacher's edits; the edition corpus has another
// edition's, with positions stale by thousands of chars. Targets: no wrong anchor through the diff,
// and at least 99 % of the revision corpus's surviving passages that way; on the edition corpus no
// wrong anchor and at least 97 % by Locate alone.
public class AnchoringCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Revision_corpus_no_wrong_anchor_and_99_percent_through_the_diff()
    {
        var (alone, diff) = Scored("revision", RevisionCorpus.Build());

        Assert.Empty(diff.WrongCases);
        Assert.True(diff.CorrectRate >= 0.99, diff.Report());
        // Locate alone finds far more than the old distance rules did (90.5 %). Its wrong anchors are all
        // on the article's repeated passages (the introduction said again under "Results"): a sentence
        // deleted from one copy, or edited beside one copy so that its twin fits the selector better.
        // "Twins" (CorpusScore) repeat the whole selector at least as closely as the truth does: no
        // Locate without the old text can tell them apart by content. The two others are not yet told
        // apart (docs/performance.md lists each); these bounds only ratchet down. The diff path knows.
        Assert.True(alone.CorrectRate >= 0.98, alone.Report());
        Assert.True(alone.Twins <= 4, alone.Report());
        Assert.True(alone.Wrong - alone.Twins <= 2, alone.Report());
    }

    [Fact]
    public void Edition_corpus_no_wrong_anchor_and_97_percent_by_locate_alone()
    {
        var (alone, diff) = Scored("edition", EditionCorpus.Build());

        Assert.Empty(alone.WrongCases);
        Assert.Empty(diff.WrongCases);
        Assert.True(alone.CorrectRate >= 0.97, alone.Report());
    }

    // Three times the teacher's edits (one every 280 chars): the diff path still never anchors wrongly.
    [Fact]
    public void A_heavy_revision_still_gets_no_wrong_anchor_through_the_diff()
    {
        var (_, diff) = Scored("heavy revision", RevisionCorpus.Build(EditMix.Heavy));

        Assert.Empty(diff.WrongCases);
        Assert.True(diff.CorrectRate >= 0.90, diff.Report());
    }

    /// <summary>Both paths over one corpus, their table printed.</summary>
    private (CorpusScore Alone, CorpusScore Diff) Scored(string corpus, List<CorpusText> texts)
    {
        var alone = LocateAll(corpus, texts);
        var diff = ReanchorAll(corpus, texts);
        Print(alone, diff);
        return (alone, diff);
    }

    private static CorpusScore LocateAll(string corpus, List<CorpusText> texts)
    {
        var score = new CorpusScore(corpus, "Locate only");
        foreach (var text in texts)
        {
            foreach (var c in text.Cases)
                score.Add(c, text.New, TextAnchor.Locate(text.New, c.Quote, c.Position));
        }
        return score;
    }

    private static CorpusScore ReanchorAll(string corpus, List<CorpusText> texts)
    {
        var score = new CorpusScore(corpus, "diff + Locate");
        foreach (var text in texts)
        {
            var map = RevisionMap.Build(text.Old, text.New);
            foreach (var c in text.Cases)
                score.Add(c, text.New, map.Reanchor(c.Quote, c.Position).Span);
        }
        return score;
    }

    private void Print(params CorpusScore[] scores)
    {
        output.WriteLine(CorpusScore.Header);
        foreach (var score in scores) output.WriteLine(score.Row());
        foreach (var score in scores)
        {
            output.WriteLine(score.Report());
            foreach (var line in score.WrongCases.Take(40)) output.WriteLine("WRONG " + line);
            foreach (var line in score.OrphanCases.Take(40)) output.WriteLine("ORPHAN " + line);
        }
    }
}
