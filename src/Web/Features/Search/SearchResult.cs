namespace Annotate.Web.Features.Search;

internal enum SearchFailure { None, Invalid, NotFound }

/// <summary>What a search answers: a page, or why there is none (a sentence for the person).</summary>
internal sealed record SearchResult(SearchPage? Page, SearchFailure Failure = SearchFailure.None, string? Message = null)
{
    public static SearchResult Invalid(string message) => new(null, SearchFailure.Invalid, message);
    public static SearchResult NotFound(string message) => new(null, SearchFailure.NotFound, message);
}
