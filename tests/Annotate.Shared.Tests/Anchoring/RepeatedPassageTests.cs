using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Tests.Anchoring;

// Locate alone (no old text) on the sample article, which says its introduction again, reworded here
// and there, under "Results": a passage deleted from one copy has a twin within the edit bound, and
// one edited beside it may fit the selector worse than its twin. What tells them apart is where the
// passage's surroundings stand, how the copy is worded, and the hint.
public class RepeatedPassageTests
{
    private static readonly string Article = SampleArticle.Canonical;

    private const string RiseAndFight = "for the proletariat and the oppressed peoples to rise and fight to break the chains and all oppression and injustice in the capitalist society.";
    private const string Slogan = "With the slogan \"Proletarians of all countries, unite!\" Marx and Engels openly declared their international character and called for the solidarity of the proletarian revolution.";

    [Theory]
    [InlineData(RiseAndFight)]
    [InlineData(Slogan)]
    public void A_deleted_long_passage_is_not_anchored_to_a_reworded_copy_while_its_surroundings_stand_together(string sentence)
    {
        var (quote, position, at) = Select(sentence);
        var edited = Article.Remove(at, sentence.Length + 1);

        Assert.Null(TextAnchor.Locate(edited, quote, position));
    }

    // The same signs - surroundings standing together, the quote found elsewhere - are left by a passage
    // that moved: it keeps its words, a typo or one word's edit aside, and is found.
    [Theory]
    [InlineData("national", "natinal")]
    [InlineData("solid union", "solid lasting union")]
    public void A_long_passage_moved_away_from_its_surroundings_is_found_with_an_edit_of_its_own(string word, string edit)
    {
        const string Sentence = "Communist Party in each country must become the center of the national unity bloc based on a solid union of workers - farmers - intellectuals.";
        var (quote, position, at) = Select(Sentence);
        var moved = Sentence.Replace(word, edit, StringComparison.Ordinal);
        var edited = Article.Remove(at, Sentence.Length + 1) + "\n\n" + moved;

        Assert.Equal(new TextSpan(edited.Length - moved.Length, edited.Length), TextAnchor.Locate(edited, quote, position));
    }

    [Fact]
    public void A_word_deleted_from_a_repeat_is_not_anchored_to_the_word_left_beside_its_place()
    {
        // "day by day" edited to "day by": the selector's surroundings stand together right after the
        // "day" that is left, which is not the passage.
        var (quote, position, at) = Select("day", after: "increasing day by ");
        var edited = Article.Remove(at - 1, 4);

        Assert.Null(TextAnchor.Locate(edited, quote, position));
    }

    [Fact]
    public void A_short_word_is_found_after_a_word_inserted_before_it()
    {
        // The prefix read without the inserted word ends before it, the suffix read short starts after
        // the quote: their surroundings do not stand together with the quote gone.
        var (quote, position, at) = Select("the", after: "oppression and enslavement of ");
        var edited = Article.Insert(at - 3, "revolution ");

        Assert.Equal(new TextSpan(at + 11, at + 14), TextAnchor.Locate(edited, quote, position));
    }

    [Fact]
    public void A_long_word_inserted_beside_a_repeated_phrase_leaves_the_hint_to_choose_it_over_its_verbatim_twin()
    {
        // Both copies say "all oppression and injustice in the capitalist society. With the slogan";
        // one long word inserted beside the second puts it far behind its twin in chars, but only one
        // word behind: the hint, right at it, decides.
        const string Before = "all oppression and ";
        var first = Article.IndexOf(Before + "injustice in", StringComparison.Ordinal);
        var at = Article.IndexOf(Before + "injustice in", first + 1, StringComparison.Ordinal) + Before.Length;
        var (quote, position) = TextAnchor.Describe(Article, new TextSpan(at, at + "injustice in".Length));
        var edited = Article.Insert(at - 5, " Considering");

        Assert.Equal(new TextSpan(at + 12, at + 24), TextAnchor.Locate(edited, quote, position));
    }

    // A word of a sentence deleted from one copy: its twin in the other copy is within the bound and
    // one side of its surroundings agrees, but the hint points into the copy it was deleted from, among
    // the same surroundings as the twin's - either copy could have held it.
    [Theory]
    [InlineData("Engels")]
    [InlineData("their")]
    public void A_word_of_a_sentence_deleted_from_one_copy_is_ambiguous_when_the_hint_points_into_that_copy(string word)
    {
        var sentence = Article.IndexOf(Slogan, StringComparison.Ordinal);
        var at = Article.IndexOf(word, sentence, StringComparison.Ordinal);
        var (quote, position) = TextAnchor.Describe(Article, new TextSpan(at, at + word.Length));
        var edited = Article.Remove(sentence, Slogan.Length + 1);

        var found = TextAnchor.Find(edited, quote, position);

        Assert.Null(found.Span);
        Assert.Equal(AnchorOutcome.Ambiguous, found.Outcome);
    }

    private static (TextQuoteSelector Quote, TextPositionSelector Position, int At) Select(string passage, string after = "")
    {
        var at = Article.IndexOf(after + passage, StringComparison.Ordinal);
        if (at >= 0) at += after.Length;
        Assert.True(at >= 0, $"'{passage}' is not in the article");
        var (quote, position) = TextAnchor.Describe(Article, new TextSpan(at, at + passage.Length));
        return (quote, position, at);
    }
}
