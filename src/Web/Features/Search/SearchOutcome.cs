namespace Annotate.Web.Features.Search;

internal enum SearchFailure { None, Invalid, NotFound }

/// <summary>What a search answers: a page, or why there is none (a sentence for the person).</summary>
internal sealed record SearchOutcome(SearchResults? Page, SearchFailure Failure = SearchFailure.None, string? Message = null)
{
    public static SearchOutcome Invalid(string message) => new(null, SearchFailure.Invalid, message);
    public static SearchOutcome NotFound(string message) => new(null, SearchFailure.NotFound, message);
}
