using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring;

// Locate after the text was edited, on the sample article: the passage is found with its edits, and
// a passage that is gone is an orphan even where its words occur elsewhere.
public class FuzzyLocateTests
{
    private static readonly string Article = SampleArticle.Canonical;

    [Fact]
    public void A_typo_fixed_inside_the_quote_is_survived()
    {
        var (quote, position, at) = Select("the first revoluti onary\nprogram".Replace("\n", " ", StringComparison.Ordinal), occurrence: 0, orOriginal: "the first revoluti onary");
        var edited = Article.Replace("revoluti onary", "revolutionary", StringComparison.Ordinal);

        var span = TextAnchor.Locate(edited, quote, position);

        Assert.NotNull(span);
        Assert.Equal(at, span.Value.Start);
        Assert.StartsWith("the first revolutionary", edited[span.Value.Start..span.Value.End], StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_quote_survives_an_inserted_word_and_a_deleted_word()
    {
        // Over 64 chars: the blocked matcher.
        const string Passage = "the basic content and the leading principle of proletarian internationalism is the solidarity and unity of the will";
        var (quote, position, at) = Select(Passage);
        var edited = Article.Replace(Passage, "the basic content and the main leading principle of proletarian internationalism is the solidarity and unity of will", StringComparison.Ordinal);

        var span = TextAnchor.Locate(edited, quote, position);

        Assert.Equal(new TextSpan(at, at + Passage.Length + 5 - 4), span);
    }

    [Fact]
    public void A_whole_paragraph_with_several_edits_is_found_without_a_hint()
    {
        var paragraph = Article.Split("\n\n").Single(p => p.StartsWith("Unification on the goal of struggle", StringComparison.Ordinal));
        var (quote, _, _) = Select(paragraph);
        var revised = "Unity" + paragraph["Unification".Length..].Replace("struggle", "fight", StringComparison.Ordinal).Replace(" the ", " a ", StringComparison.Ordinal);
        var edited = Article.Replace(paragraph, revised, StringComparison.Ordinal);

        var span = TextAnchor.Locate(edited, quote);

        var at = edited.IndexOf(revised, StringComparison.Ordinal);
        Assert.Equal(new TextSpan(at, at + revised.Length), span);
    }

    [Fact]
    public void An_edited_word_is_found_by_its_context_although_the_word_itself_occurs_elsewhere()
    {
        // "proletariat" occurs fourteen times verbatim; the selected one gets a typo.
        var at = Article.IndexOf("Therefore, the proletariat soon", StringComparison.Ordinal) + "Therefore, the ".Length;
        var (quote, position) = TextAnchor.Describe(Article, new TextSpan(at, at + "proletariat".Length));
        var edited = Article[..at] + "proletarait" + Article[(at + 11)..];

        Assert.Equal(new TextSpan(at, at + 11), TextAnchor.Locate(edited, quote, position));
        Assert.Equal(new TextSpan(at, at + 11), TextAnchor.Locate(edited, quote));
        // A hint 9,000 chars off is stale, not evidence against: the context says where the word is.
        Assert.Equal(new TextSpan(at, at + 11), TextAnchor.Locate(edited, quote, new TextPositionSelector(15_000, 15_011)));
    }

    [Fact]
    public void An_edited_word_whose_passage_is_repeated_nearly_verbatim_needs_the_hint()
    {
        // The article repeats its introduction, with small differences, under "Results": the word
        // edited in the introduction still stands verbatim, in almost the same context, in the copy.
        var at = Article.IndexOf("world proletariat, a torch", StringComparison.Ordinal) + "world ".Length;
        var (quote, position) = TextAnchor.Describe(Article, new TextSpan(at, at + "proletariat".Length));
        var edited = Article[..at] + "proletarait" + Article[(at + 11)..];

        Assert.Equal(new TextSpan(at, at + 11), TextAnchor.Locate(edited, quote, position));
        Assert.Null(TextAnchor.Locate(edited, quote));
        Assert.Null(TextAnchor.Locate(edited, quote, new TextPositionSelector(15_000, 15_011)));
    }

    [Fact]
    public void A_typo_on_the_first_letter_keeps_the_start_where_the_reader_put_it()
    {
        const string Passage = "steely indictment of capitalism";
        var (quote, position, at) = Select(Passage);
        var edited = Article.Replace(Passage, "Steely indictment of capitalism", StringComparison.Ordinal);

        Assert.Equal(new TextSpan(at, at + Passage.Length), TextAnchor.Locate(edited, quote, position));
    }

    [Fact]
    public void A_deleted_sentence_is_an_orphan_through_the_diff_although_its_words_occur_elsewhere()
    {
        const string Sentence = " The slogan \"Proletarians of all countries, unite!\" is considered the clearest reflection of Marx's and Engels' views on proletarian internationalism.";
        var start = Article.IndexOf(Sentence, StringComparison.Ordinal);
        Assert.True(start > 0);
        var edited = Article.Remove(start, Sentence.Length);
        var map = RevisionMap.Build(Article, edited);

        foreach (var piece in new[] { "Proletarians of all countries, unite!", "proletarian internationalism", "views", "the clearest reflection" })
        {
            var at = start + Sentence.IndexOf(piece, StringComparison.Ordinal);
            var (quote, position) = TextAnchor.Describe(Article, new TextSpan(at, at + piece.Length));
            var result = map.Reanchor(quote, position);
            Assert.True(result.Span is null, $"'{piece}' anchored at {result.Span}");
        }
    }

    [Fact]
    public void Without_the_diff_a_deleted_sentence_leaves_its_words_to_their_copies()
    {
        // The introduction says the same as the deleted sentence, in the same words and surroundings:
        // without the old text nothing says that the copy is not the passage, so Locate takes it (the
        // house rule: a quote found once in its surroundings is evidence, not a guess). Only the diff
        // knows that the copy was there before.
        const string Sentence = " The slogan \"Proletarians of all countries, unite!\" is considered the clearest reflection of Marx's and Engels' views on proletarian internationalism.";
        var start = Article.IndexOf(Sentence, StringComparison.Ordinal);
        var edited = Article.Remove(start, Sentence.Length);

        foreach (var (piece, copy) in new[] { ("Proletarians of all countries, unite!", "Proletarians of all countries unite!"), ("the clearest reflection", "the clearest reflection"), ("proletarian internationalism", "proletarian internationalism"), ("views", "views") })
        {
            var at = start + Sentence.IndexOf(piece, StringComparison.Ordinal);
            var (quote, position) = TextAnchor.Describe(Article, new TextSpan(at, at + piece.Length));
            var span = TextAnchor.Locate(edited, quote, position);
            Assert.Equal(copy, span is { } s ? edited[s.Start..s.End] : null);
        }
    }

    [Fact]
    public void More_edits_than_the_bound_allows_is_an_orphan()
    {
        const string Passage = "unity of interests, unity of ideology"; // 36 chars: at most 9 edits
        var (quote, position, _) = Select(Passage);

        var nine = Article.Replace(Passage, "UNITy of INTERests, unity of ideology", StringComparison.Ordinal);
        var ten = Article.Replace(Passage, "UNITY of INTERests, unity of ideology", StringComparison.Ordinal);

        Assert.NotNull(TextAnchor.Locate(nine, quote, position));
        Assert.Null(TextAnchor.Locate(ten, quote, position));
    }

    [Fact]
    public void Two_equally_good_edited_places_are_an_orphan_unless_the_hint_tells_them_apart()
    {
        const string Text = "Intro.\n\nWorkers of the world unite and fight together.\n\nMiddle part.\n\nWorkers of the world unite and fight together.\n\nEnd.";
        var quote = new TextQuoteSelector("Workers of the world unite", "", "");
        var edited = Text.Replace("world unite", "world, unite", StringComparison.Ordinal);

        Assert.Null(TextAnchor.Locate(edited, quote));
        Assert.Equal(new TextSpan(8, 35), TextAnchor.Locate(edited, quote, new TextPositionSelector(8, 34)));
        Assert.Equal(new TextSpan(71, 98), TextAnchor.Locate(edited, quote, new TextPositionSelector(70, 96)));
    }

    [Fact]
    public void A_fuzzy_answer_never_exceeds_the_error_bound()
    {
        var random = new Random(4242);
        for (var i = 0; i < 300; i++)
        {
            var start = random.Next(0, Article.Length - 200);
            var span = new TextSpan(start, start + random.Next(3, 180));
            var (quote, position) = TextAnchor.Describe(Article, span);

            // Scramble up to half of the quote's letters in place: often past the bound.
            var chars = Article.ToCharArray();
            var edits = random.Next(0, span.Length / 2 + 1);
            for (var e = 0; e < edits; e++) chars[random.Next(span.Start, span.End)] = (char)('a' + random.Next(26));
            var edited = new string(chars);

            if (TextAnchor.Locate(edited, quote, position) is { } found)
            {
                var k = Math.Max(1, quote.Exact.Length / 4);
                Assert.True(Levenshtein.Bounded(quote.Exact, edited.AsSpan(found.Start, found.Length), k) <= k);
            }
        }
    }

    private static (TextQuoteSelector Quote, TextPositionSelector Position, int At) Select(string passage, int occurrence = 0, string? orOriginal = null)
    {
        var at = Article.IndexOf(passage, StringComparison.Ordinal);
        var length = passage.Length;
        if (at < 0 && orOriginal is not null)
        {
            at = Article.IndexOf(orOriginal, StringComparison.Ordinal);
            length = orOriginal.Length;
        }
        for (var i = 0; i < occurrence; i++) at = Article.IndexOf(passage, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{passage}' is not in the article");
        var (quote, position) = TextAnchor.Describe(Article, new TextSpan(at, at + length));
        return (quote, position, at);
    }
}
