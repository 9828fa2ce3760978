namespace Annotate.Shared.Search;

/// <summary>What <see cref="SearchSyntax.Parse"/> made of a search: the query, or the sentence that says what is wrong with it.</summary>
public sealed record SearchParse(SearchQuery? Query, string? Error)
{
    public static SearchParse Failed(string error) => new(null, error);
}
