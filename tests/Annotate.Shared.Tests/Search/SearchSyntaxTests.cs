using Annotate.Shared.Search;

namespace Annotate.Shared.Tests.Search;

/// <summary>The search syntax (docs/api.md, "Search"): what each way of writing a search means, and what it refuses and why.</summary>
public class SearchSyntaxTests
{
    private static IReadOnlyList<SearchTerm> Terms(string text)
    {
        var parsed = SearchSyntax.Parse(text);
        Assert.Null(parsed.Error);
        return parsed.Query!.Terms;
    }

    private static string Error(string? text)
    {
        var parsed = SearchSyntax.Parse(text);
        Assert.Null(parsed.Query);
        return parsed.Error!;
    }

    [Fact]
    public void Words_are_terms_of_their_own()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "workers"), new SearchTerm(SearchField.Words, "unite")], Terms("  workers \t unite "));
    }

    [Fact]
    public void A_quoted_phrase_is_one_term_with_its_spaces()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "all countries", Quoted: true), new SearchTerm(SearchField.Words, "marx")],
            Terms("\"all   countries\" marx"));
    }

    [Fact]
    public void Curly_quotes_count_as_straight_ones()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "all countries", Quoted: true)], Terms("“all countries”"));
        Assert.Equal([new SearchTerm(SearchField.User, "Ana B", Quoted: true)], Terms("user:„Ana B“"));
    }

    [Fact]
    public void An_unclosed_quote_runs_to_the_end()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "marx"), new SearchTerm(SearchField.Words, "all countries", Quoted: true)],
            Terms("marx \"all countries"));
    }

    [Fact]
    public void An_empty_phrase_is_left_out()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "marx")], Terms("\"\" marx \"  \""));
    }

    [Theory]
    [InlineData("user:ana", SearchField.User, "ana")]
    [InlineData("tag:context", SearchField.Tag, "context")]
    [InlineData("quote:workers", SearchField.Quote, "workers")]
    [InlineData("group:one", SearchField.Group, "one")]
    [InlineData("doc:manifesto", SearchField.Document, "manifesto")]
    [InlineData("is:question", SearchField.Is, "question")]
    [InlineData("is:unanswered", SearchField.Is, "unanswered")]
    [InlineData("is:resolved", SearchField.Is, "resolved")]
    [InlineData("is:mine", SearchField.Is, "mine")]
    [InlineData("USER:ana", SearchField.User, "ana")]
    [InlineData("Is:Question", SearchField.Is, "question")]
    [InlineData("doc:Chapter:1", SearchField.Document, "Chapter:1")]
    public void Fields_take_the_value_after_their_colon(string text, SearchField field, string value)
    {
        Assert.Equal([new SearchTerm(field, value)], Terms(text));
    }

    [Fact]
    public void A_field_value_may_be_quoted_and_keeps_its_case()
    {
        Assert.Equal([new SearchTerm(SearchField.User, "Ana B", Quoted: true), new SearchTerm(SearchField.Group, "Group 1", Quoted: true)],
            Terms("user:\"Ana B\" group:\"Group 1\""));
    }

    [Fact]
    public void Quotes_inside_a_value_join_its_parts()
    {
        Assert.Equal([new SearchTerm(SearchField.Tag, "close reading", Quoted: true)], Terms("tag:close\" reading\""));
    }

    [Fact]
    public void A_minus_negates_words_phrases_and_fields()
    {
        Assert.Equal(
        [
            new SearchTerm(SearchField.Words, "marx", Negated: true),
            new SearchTerm(SearchField.Words, "all countries", Negated: true, Quoted: true),
            new SearchTerm(SearchField.Tag, "context", Negated: true),
            new SearchTerm(SearchField.User, "Ana B", Negated: true, Quoted: true),
            new SearchTerm(SearchField.Is, "resolved", Negated: true),
        ], Terms("-marx -\"all countries\" -tag:context -user:\"Ana B\" -is:resolved"));
    }

    [Fact]
    public void A_minus_inside_a_word_is_part_of_it()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "well-known")], Terms("well-known"));
    }

    [Fact]
    public void A_lone_minus_and_bare_punctuation_find_nothing_and_are_left_out()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "marx")], Terms("- marx ? -- \"!!\""));
    }

    [Fact]
    public void A_quoted_field_is_words()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "user:ana", Quoted: true)], Terms("\"user:ana\""));
    }

    [Fact]
    public void A_word_ending_in_a_colon_is_a_word()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "note:"), new SearchTerm(SearchField.Words, "this")], Terms("note: this"));
    }

    [Fact]
    public void Words_with_colons_and_digits_are_words()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "10:30")], Terms("10:30"));
    }

    [Fact]
    public void Vietnamese_words_are_words()
    {
        Assert.Equal([new SearchTerm(SearchField.Words, "giai cấp", Quoted: true), new SearchTerm(SearchField.User, "Nguyễn")],
            Terms("\"giai cấp\" user:Nguyễn"));
    }

    [Fact]
    public void An_unknown_field_is_an_error_that_lists_the_fields_and_offers_quotes()
    {
        var error = Error("marx foo:bar");

        Assert.Contains("\"foo:\"", error);
        Assert.Contains(SearchSyntax.FieldList, error);
        Assert.Contains("\"foo:bar\"", error);
    }

    [Theory]
    [InlineData("user:")]
    [InlineData("tag: context")]
    [InlineData("-quote:")]
    [InlineData("group:\"\"")]
    public void A_field_without_a_value_is_an_error_with_an_example(string text)
    {
        Assert.Contains("needs a value right after the colon, e.g.", Error(text));
    }

    [Fact]
    public void An_unknown_state_is_an_error_naming_the_known_ones()
    {
        var error = Error("is:closed");

        Assert.Contains("is:closed", error);
        Assert.Contains("is:question, is:unanswered, is:resolved or is:mine", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t")]
    [InlineData("? !")]
    [InlineData("-")]
    public void A_search_with_nothing_to_find_says_what_to_type(string? text)
    {
        Assert.Equal(SearchSyntax.NothingToSearch, Error(text));
    }

    [Fact]
    public void A_search_too_long_is_refused_with_its_length()
    {
        var error = Error(new string('a', SearchSyntax.MaxLength + 1));

        Assert.Contains($"at most {SearchSyntax.MaxLength} characters", error);
        Assert.Contains($"{SearchSyntax.MaxLength + 1}", error);
        Assert.Null(SearchSyntax.Parse(new string('a', SearchSyntax.MaxLength)).Error);
    }

    [Fact]
    public void A_search_with_too_many_terms_is_refused()
    {
        var text = string.Join(' ', Enumerable.Range(0, SearchSyntax.MaxTerms + 1).Select(i => $"w{i}"));

        Assert.Contains($"at most {SearchSyntax.MaxTerms} terms", Error(text));
    }

    [Fact]
    public void Terms_write_back_as_they_parse()
    {
        const string text = "marx -\"all countries\" user:\"Ana B\" -tag:context is:question";

        Assert.Equal(text, SearchSyntax.Parse(text).Query!.ToString());
    }

    [Fact]
    public void The_words_to_mark_are_the_positive_words_and_quotes()
    {
        var query = SearchSyntax.Parse("marx -engels quote:workers user:ana \"all countries\"").Query!;

        Assert.Equal(["marx", "all countries"], query.MarkedInBody);
        Assert.Equal(["marx", "workers", "all countries"], query.MarkedInQuote);
    }
}
