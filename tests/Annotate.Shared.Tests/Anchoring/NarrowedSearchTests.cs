using Annotate.Shared.Anchoring;
using Annotate.Shared.Tests.Anchoring.Corpus;

namespace Annotate.Shared.Tests.Anchoring;

// AnchorSearch narrows its look to the places that could matter (Neighbourhoods, the hint's
// surroundings) and reads the whole text only when its bounds say the rest could change the answer.
// That is a speed-up, not a different rule: on real selections of real edits it must answer exactly
// as examining every place does - the same span, the same reason.
public class NarrowedSearchTests
{
    public static TheoryData<string, int> Texts => new()
    {
        { "revision", 0 }, { "revision", 5 }, { "edition", 0 }, { "edition", 3 }, { "edition", 6 },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Narrowing_answers_as_examining_everything(string corpus, int index)
    {
        var text = (corpus == "revision" ? RevisionCorpus.Build() : EditionCorpus.Build())[index];
        foreach (var c in text.Cases)
        {
            var hint = TextAnchor.HintSpan(text.New, c.Position);
            var narrowed = AnchorSearch.Find(text.New, c.Quote, hint);
            var everywhere = AnchorSearch.Everywhere(text.New, c.Quote, hint);
            Assert.True(narrowed == everywhere, $"'{c.Quote.Exact}': narrowed {narrowed}, everywhere {everywhere}");
        }
    }
}
