using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring;

// Hostile or broken selectors and texts: Locate and Reanchor answer null / Orphan and never throw,
// the conversion functions throw ArgumentException (ArgumentOutOfRangeException) with a message, and
// nothing hangs - each call here simply has to come back.
public class BadInputTests
{
    private static readonly string Article = SampleArticle.Canonical;

    [Fact]
    public void An_empty_quote_is_an_orphan_everywhere()
    {
        Assert.Null(TextAnchor.Locate(Article, new TextQuoteSelector("", "the ", " class"), new TextPositionSelector(10, 10)));
        Assert.Equal(ReanchorHow.Orphan, RevisionMap.Build(Article, Article + "!").Reanchor(new TextQuoteSelector(""), new TextPositionSelector(0, 0)).How);
    }

    [Fact]
    public void A_position_past_the_end_is_a_clear_error_for_conversion_and_no_hint_for_locate()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchor.ToSpan(Article, new TextPositionSelector(Article.Length + 5, Article.Length + 9)));
        Assert.Contains("past the end", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchor.ToPosition(Article, new TextSpan(0, Article.Length + 1)));

        var at = Article.IndexOf("steely indictment", StringComparison.Ordinal);
        var (quote, _) = TextAnchor.Describe(Article, new TextSpan(at, at + 17));
        Assert.Equal(new TextSpan(at, at + 17), TextAnchor.Locate(Article, quote, new TextPositionSelector(int.MaxValue - 1, int.MaxValue)));
        Assert.Null(TextAnchor.Locate(Article, new TextQuoteSelector("no such words here at all"), new TextPositionSelector(Article.Length * 3, Article.Length * 3)));
    }

    [Fact]
    public void A_quote_of_20000_chars_is_found_verbatim_and_otherwise_is_an_orphan()
    {
        var text = Article + Article.ToUpperInvariant() + Article.ToLowerInvariant();
        var quote = text.Substring(10_000, 20_000);
        var edited = text.Remove(20_000, 1);

        Assert.Equal(new TextSpan(10_000, 30_000), TextAnchor.Locate(text, new TextQuoteSelector(quote), new TextPositionSelector(10_000, 30_000)));
        // Too long for fuzzy matching (FuzzyMatcher.MaxLength): exact or nothing.
        Assert.Null(TextAnchor.Locate(edited, new TextQuoteSelector(quote), new TextPositionSelector(10_000, 30_000)));
        Assert.Null(TextAnchor.Locate(edited, new TextQuoteSelector(quote)));
        Assert.Equal(ReanchorHow.Orphan, Reanchoring.Reanchor(text, edited, [(new TextQuoteSelector(quote), new TextPositionSelector(10_000, 30_000))])[0].How);
    }

    [Fact]
    public void A_long_quote_just_within_the_fuzzy_limit_survives_a_typo()
    {
        var quote = Article.Substring(3_000, FuzzyMatcher.MaxLength);
        var edited = Article.Remove(4_000, 1);

        Assert.Equal(new TextSpan(3_000, 3_000 + FuzzyMatcher.MaxLength - 1), TextAnchor.Locate(edited, new TextQuoteSelector(quote)));
    }

    [Fact]
    public void Lone_surrogates_in_text_and_selectors_never_throw_nor_split_a_character()
    {
        var random = new Random(99);
        const string Alphabet = "ab \n.\uD83D\uDE00\uD800\uDC00é";
        for (var i = 0; i < 400; i++)
        {
            var text = Random(random, Alphabet, random.Next(0, 300));
            var exact = random.Next(3) == 0 && text.Length > 10 ? text.Substring(random.Next(text.Length - 10), random.Next(1, 10)) : Random(random, Alphabet, random.Next(0, 30));
            var quote = new TextQuoteSelector(exact, Random(random, Alphabet, random.Next(0, 40)), Random(random, Alphabet, random.Next(0, 40)));
            var hint = new TextPositionSelector(random.Next(-5, 400), random.Next(-5, 400));

            foreach (var found in new[] { TextAnchor.Locate(text, quote, hint), TextAnchor.Locate(text, quote) })
            {
                if (found is not { } f) continue;
                Assert.InRange(f.Start, 0, text.Length);
                Assert.InRange(f.End, f.Start, text.Length);
                Assert.False(CodePoints.SplitsPair(text, f.Start) || CodePoints.SplitsPair(text, f.End));
                var k = Math.Max(1, exact.Length / 4);
                Assert.True(Levenshtein.Bounded(exact, text.AsSpan(f.Start, f.Length), k) <= k);
            }

            var other = Random(random, Alphabet, random.Next(0, 300));
            Reanchoring.Reanchor(text, other, [(quote, hint)]);
        }
    }

    [Fact]
    public void A_huge_text_without_a_hint_only_gets_a_bounded_search()
    {
        // 4 MB, and a quote that is nowhere verbatim: the fuzzy search stays within its work cap.
        var text = string.Concat(Enumerable.Repeat(Article, 200));
        var quote = new TextQuoteSelector(Article.Substring(5_000, 300).Replace('e', 'x'));

        Assert.Null(TextAnchor.Locate(text, quote));
        Assert.Null(TextAnchor.Locate(text, quote, new TextPositionSelector(2_000_000, 2_000_300)));
    }

    private static string Random(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
}
