using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring.PublicSuites;

// The Hypothesis client's quote-matching cases, ported as data: repository hypothesis/client,
// src/annotator/anchoring/test/match-quote-test.js, commit 87c5c693 (its fixtures with white space
// normalised, as the original does). matchQuote(text, quote, { prefix, suffix, hint }) answers a
// match with a 0-1 score or null; here TextAnchor.Find answers a span with AnchorResult.Score, or an
// orphan with its reason. All texts are ASCII but for one "í": its code point position and UTF-16
// index agree, so the original's indexes stand.
//
// Adapted, each where marked:
//  * Hypothesis allows min(256, quote length / 2) errors; the contract allows max(1, length / 4). A
//    quote past our bound is "not found" (score 0) where Hypothesis scores a poor match;
//  * without a hint, Hypothesis takes the first of equally good matches; Locate says "ambiguous".
public class HypothesisMatchQuoteTests
{
    private const string Solitude =
        "Many years later, as he faced the firing squad, Colonel Aureliano Buendía was to remember that distant afternoon " +
        "when his father took him to discover ice";

    private const string TwoCities =
        "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, " +
        "it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of " +
        "Darkness, it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing " +
        "before us, we were all going direct to Heaven, we were all going direct the other way.";

    private const string Bound = "past the contract's bound: 'Some years after' is 6 edits from 'Many years later', max(1, 16 / 4) = 4 allowed, so it is not found and scores 0 (Hypothesis allows 8 and scores it low)";

    [Fact]
    public void Finds_exact_match()
    {
        var result = TextAnchor.Find(Solitude, new TextQuoteSelector("discover ice"));
        Assert.Equal(1.0, result.Score);
        Assert.Equal("discover ice", Slice(Solitude, result));
    }

    [Fact]
    public void Finds_best_approximate_match_if_there_is_no_exact_match()
    {
        var result = TextAnchor.Find(Solitude, new TextQuoteSelector("some years later"));
        Assert.InRange(result.Score, double.Epsilon, 1 - double.Epsilon);
        Assert.Equal("Many years later", Slice(Solitude, result));
    }

    [Fact]
    public void Scores_matches_based_on_quote_similarity()
    {
        // Adapted: the last quote is past our bound (see Bound); its score 0 still comes last.
        string[] quotes = ["Many years later", "Many yers later", "Some years later", "Some years after"];
        var scores = quotes.Select(q => TextAnchor.Find(Solitude, new TextQuoteSelector(q)).Score).ToList();
        AssertDescending(scores, Bound);
        Assert.Equal(AnchorOutcome.NotFound, TextAnchor.Find(Solitude, new TextQuoteSelector(quotes[^1])).Outcome);
    }

    [Fact]
    public void Scores_matches_based_on_prefix_similarity()
    {
        string[] prefixes = ["Many years later", "Many yers later", "Some years later", "Some years after"];
        const string Quote = ", as he faced the firing squad";
        AssertDescending([.. prefixes.Select(p => TextAnchor.Find(Solitude, new TextQuoteSelector(Quote, Prefix: p)).Score)]);
    }

    [Fact]
    public void Scores_matches_based_on_suffix_similarity()
    {
        string[] suffixes = [", as he faced the firing squad", ", as she faced the firing squad", ", as he awaited the firing squad", ", as he awaited his death"];
        const string Quote = "Many years later";
        AssertDescending([.. suffixes.Select(s => TextAnchor.Find(Solitude, new TextQuoteSelector(Quote, Suffix: s)).Score)]);
    }

    [Fact]
    public void Returns_null_if_there_is_no_acceptable_approximate_match() =>
        Assert.Equal(AnchorOutcome.NotFound, TextAnchor.Find(TwoCities, new TextQuoteSelector(Solitude)).Outcome);

    [Fact]
    public void Returns_null_if_quote_is_empty() =>
        Assert.Null(TextAnchor.Locate("foobar", new TextQuoteSelector("")));

    [Fact]
    public void Returns_null_if_text_is_empty() =>
        Assert.Null(TextAnchor.Locate("", new TextQuoteSelector("foobar")));

    [Theory]
    // Exact prefix matches.
    [InlineData("before us", "we had everything", null, "before us, we had nothing")]
    [InlineData("before us", "we had nothing", null, "before us, we were all going")]
    // Approximate prefix matches.
    [InlineData("before us", "we had every-thing", null, "before us, we had nothing")]
    [InlineData("before us", "we had nout", null, "before us, we were all going")]
    // Exact suffix matches.
    [InlineData("we had", null, "everything", "we had everything")]
    [InlineData("we had", null, "nothing", "we had nothing")]
    // Approximate suffix matches.
    [InlineData("we had", null, "ever ting", "we had everything")]
    [InlineData("we had", null, "nutting", "we had nothing")]
    public void Finds_match_with_best_context_match(string quote, string? prefix, string? suffix, string expected)
    {
        var result = TextAnchor.Find(TwoCities, new TextQuoteSelector(quote, prefix ?? "", suffix ?? ""));
        Assert.Equal(AnchorOutcome.Anchored, result.Outcome);
        Assert.Equal(quote, Slice(TwoCities, result));
        Assert.Equal(TwoCities.IndexOf(expected, StringComparison.Ordinal), result.Span!.Value.Start);
    }

    [Fact]
    public void Uses_hint_as_a_tie_breaker_to_choose_between_matches_with_close_scores()
    {
        var posA = TwoCities.IndexOf("everything before us", StringComparison.Ordinal) + "everything ".Length;
        var posB = TwoCities.IndexOf("nothing before us", StringComparison.Ordinal) + "nothing ".Length;
        var quote = new TextQuoteSelector("befor us");

        Assert.Equal(posA, TextAnchor.Find(TwoCities, quote, new TextPositionSelector(posA, posA)).Span?.Start);
        Assert.Equal(posB, TextAnchor.Find(TwoCities, quote, new TextPositionSelector(posB, posB)).Span?.Start);
        // Adapted: Hypothesis takes the first match when there is no hint; Annotate does not guess.
        Assert.Equal(AnchorOutcome.Ambiguous, TextAnchor.Find(TwoCities, quote).Outcome);
    }

    [Fact]
    public void Matches_when_prefix_length_is_greater_than_the_match_start_offset()
    {
        var quote = new TextQuoteSelector("years later", Prefix: "It used to be many");
        var result = TextAnchor.Find(Solitude, quote);

        Assert.True(quote.Prefix.Length > result.Span?.Start);
        Assert.Equal("years later", Slice(Solitude, result));
    }

    [Fact]
    public void Matches_when_match_ends_at_end_of_text_and_there_is_a_non_empty_suffix()
    {
        const string Text = "Some document text";
        Assert.Equal("text", Slice(Text, TextAnchor.Find(Text, new TextQuoteSelector("text", Suffix: "missing"))));
    }

    private static string? Slice(string text, AnchorResult result) => result.Span is { } s ? text[s.Start..s.End] : null;

    private static void AssertDescending(List<double> scores, string? note = null)
    {
        for (var i = 1; i < scores.Count; i++)
            Assert.True(scores[i] < scores[i - 1], $"scores {string.Join(", ", scores)} are not strictly falling at {i}. {note}");
    }
}
