using Annotate.Shared.Search;

namespace Annotate.Web.Features.Search;

/// <summary>A page of results, newest first, and how many there are in all that the reader may see.</summary>
public sealed record SearchResults(SearchQuery Query, int Total, int Offset, int Limit, IReadOnlyList<SearchHit> Items)
{
    public bool HasMore => Offset + Items.Count < Total;
}
