using Annotate.Shared.Anchoring;
using Annotate.Shared.Tests.Anchoring.Corpus;

namespace Annotate.Shared.Tests.Anchoring;

// Describe -> Locate on an unedited text gives back the very span, for every word, sentence and
// paragraph of the sample article and for thousands of random spans (fixed seed). Without the
// position the answer is the same span or an orphan (a repeated passage), never another place.
public class RoundTripTests
{
    [Fact]
    public void Every_sentence_and_every_word_round_trips()
    {
        var text = SampleArticle.Canonical;
        var spans = CorpusSpans.Sentences(text).Select(s => new TextSpan(s.Start, s.End)).ToList();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            spans.Add(new TextSpan(start, i));
        }

        Assert.True(spans.Count > 3000);
        foreach (var span in spans) AssertRoundTrip(text, span);
    }

    [Fact]
    public void Five_thousand_random_spans_round_trip_with_astral_characters_about()
    {
        var text = SampleArticle.Canonical.Replace("Engels", "Engels 😀", StringComparison.Ordinal);
        var random = new Random(20_241_126);
        for (var i = 0; i < 5000; i++)
        {
            var start = random.Next(0, text.Length - 1);
            var end = Math.Min(text.Length, start + 1 + random.Next(0, i % 20 == 0 ? 3000 : 80));
            var (s, e) = (CodePoints.SnapBack(text, start), CodePoints.SnapForward(text, end));
            AssertRoundTrip(text, new TextSpan(s, e));
        }
    }

    [Fact]
    public void Round_trips_through_an_unchanged_revision_are_unchanged()
    {
        var text = SampleArticle.Canonical;
        var map = RevisionMap.Build(text, text);
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var start = random.Next(0, text.Length - 1);
            var span = new TextSpan(start, Math.Min(text.Length, start + 1 + random.Next(0, 200)));
            var (quote, position) = TextAnchor.Describe(text, span);
            Assert.Equal(new ReanchorResult(span, ReanchorHow.Unchanged), map.Reanchor(quote, position));
        }
    }

    private static void AssertRoundTrip(string text, TextSpan span)
    {
        var (quote, position) = TextAnchor.Describe(text, span);
        Assert.Equal(span, TextAnchor.ToSpan(text, position));
        Assert.Equal(span, TextAnchor.Locate(text, quote, position));
        var unhinted = TextAnchor.Locate(text, quote);
        Assert.True(unhinted is null || unhinted == span, $"{span} '{quote.Exact}' located without a hint at {unhinted}");
    }
}
