namespace Annotate.Shared.Search;

/// <summary>What <see cref="SearchSyntax.Parse"/> made of a search: the query, or what is wrong with it.</summary>
public sealed record SearchParse(SearchQuery? Query, Complaint? Problem)
{
    /// <summary>The problem in English (the app says it in the reader's language from <see cref="Problem"/>).</summary>
    public string? Error => Problem?.English;

    public static SearchParse Failed(Complaint problem) => new(null, problem);
}
