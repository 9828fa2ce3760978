namespace Annotate.Web.Features.Search;

/// <summary>One annotation a search found, with its time: what the newest-first page is chosen by.</summary>
internal sealed record SearchMatch(Guid Id, DateTimeOffset Created);
