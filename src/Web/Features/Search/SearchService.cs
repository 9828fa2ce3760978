using System.Globalization;
using Annotate.Data;
using Annotate.Shared.Anchoring;
using Annotate.Shared.Search;
using Annotate.Shared.Text;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Search;

/// <summary>
/// Search across a seminar's documents (the search page and <c>GET /api/search</c>). The database does the work in
/// one query: the search's filters (<see cref="SearchFilters"/>, the full-text part on the engine's index), then the
/// visibility filter every read path uses, per document (<see cref="VisibilityFilter.ForSeminar"/>), so that neither
/// the page nor <see cref="SearchResults.Total"/> holds anything the reader may not see; the rule itself has the last
/// word on the page. Newest first. On SQLite, a search of words and quotes is counted and paged by the index's own rows,
/// which carry what the visibility rule asks (<see cref="SearchIndex.CountsVisibleMatches"/>).
/// </summary>
internal sealed class SearchService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    /// <summary>Paging deeper than this costs the database more than it helps a person: narrow the search instead.</summary>
    public const int MaxOffset = 10_000;

    public async Task<ServiceResult<SearchResults>> SearchAsync(string userId, int seminarId, string? text, int limit = DefaultLimit, int offset = 0,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxLimit)
            return ServiceProblem.Invalid(string.Create(CultureInfo.InvariantCulture, $"limit must be between 1 and {MaxLimit}; it was {limit}."));
        if (offset is < 0 or > MaxOffset)
            return ServiceProblem.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"offset must be between 0 and {MaxOffset:N0}; it was {offset}. To reach older results, narrow the search."));
        var parsed = SearchSyntax.Parse(text);
        if (parsed.Query is not { } query) return ServiceProblem.Invalid(Words.For(parsed.Problem!));
        if (await access.ForSeminarDocumentsAsync(userId, seminarId, cancellationToken) is not { } reader)
            return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, seminarId, query, cancellationToken);
        var filter = VisibilityFilter.ForSeminar(reader.Viewer, reader.AwaitingOwnPost);
        int total;
        List<Guid> pageIds;
        if (SearchIndex.CountsVisibleMatches(db, query))
        {
            // Counted and paged by the index's rows alone, which carry what the visibility rule asks.
            var (visible, newest) = await SearchIndex.VisibleAsync(db, query, seminarId, scope.Documents.Select(d => d.Id).ToList(),
                reader.Viewer, reader.AwaitingOwnPost, offset + limit, cancellationToken);
            total = visible;
            pageIds = newest.Skip(offset).Select(m => m.Id).ToList();
        }
        else
        {
            // One pass over what matches: how many, and when each was written; the page is the newest of them, read whole.
            var matches = await AnnotationViews.Rows(db, SearchFilters.Narrow(db, query, scope, userId)).Where(filter)
                .Select(r => new SearchMatch(r.Id, r.Created)).AsNoTracking().ToListAsync(cancellationToken);
            total = matches.Count;
            pageIds = matches.OrderByDescending(m => m.Created).ThenByDescending(m => m.Id).Skip(offset).Take(limit).Select(m => m.Id).ToList();
        }
        var found = pageIds.Count == 0 ? [] : await AnnotationViews.Rows(db, db.Annotations.Where(a => pageIds.Contains(a.Id))).Where(filter)
            .AsNoTracking().ToListAsync(cancellationToken);
        var views = (await AnnotationViews.ToViewsAsync(db, found, cancellationToken))
            .Where(v => v.CanBeSeenBy(reader.On(v.DocumentId)))
            .OrderBy(v => pageIds.IndexOf(v.Id)).Select(v => v.For(reader.Viewer)).ToList();
        var hits = await HitsAsync(db, reader, scope, views, cancellationToken);
        return new SearchResults(query, total, offset, limit, hits);
    }

    /// <summary>The seminar's documents, and its groups and people when the search names any.</summary>
    private static async Task<SearchScope> ScopeAsync(AnnotateDb db, int seminarId, SearchQuery query, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.Where(d => d.SeminarId == seminarId)
            .Select(d => new SearchScope.DocumentEntry(d.Id, d.Title, d.Language)).ToListAsync(cancellationToken);
        var namesGroups = query.Of(SearchField.Group).Any();
        var groups = namesGroups
            ? await db.Groups.Where(g => g.SeminarId == seminarId).Select(g => new SearchScope.GroupEntry(g.Id, g.Name)).ToListAsync(cancellationToken)
            : [];
        List<SearchScope.PersonEntry> people = [];
        if (namesGroups || query.Of(SearchField.User).Any())
        {
            people = await db.Memberships.Where(m => m.SeminarId == seminarId)
                .Select(m => new SearchScope.PersonEntry(m.UserId, m.User!.DisplayName, m.GroupId)).ToListAsync(cancellationToken);
            // Removed members' annotations stay in the seminar, and so can be searched by their author.
            people.AddRange(await db.SeminarRemovals.Where(r => r.SeminarId == seminarId)
                .Select(r => new SearchScope.PersonEntry(r.UserId, r.User!.DisplayName, null)).ToListAsync(cancellationToken));
        }
        return new SearchScope(documents, groups, people);
    }

    /// <summary>Each result with its document and its thread's passage in context.</summary>
    private static async Task<List<SearchHit>> HitsAsync(AnnotateDb db, ReaderAccess.SeminarAccess reader, SearchScope scope,
        List<AnnotationView> views, CancellationToken cancellationToken)
    {
        if (views.Count == 0) return [];
        // A reply's passage is its thread's, shown only when the reader may see the thread.
        var threadIds = views.Where(v => v.IsReply).Select(v => v.ThreadRootId).Distinct().ToList();
        var threads = threadIds.Count == 0 ? [] : (await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => threadIds.Contains(a.Id)),
                cancellationToken: cancellationToken))
            .Where(t => t.CanBeSeenBy(reader.On(t.DocumentId))).ToDictionary(t => t.Id);
        var documentIds = views.Select(v => v.DocumentId).Distinct().ToList();
        var texts = await db.Documents.Where(d => documentIds.Contains(d.Id)).Select(d => new { d.Id, d.Text })
            .ToDictionaryAsync(d => d.Id, d => d.Text, cancellationToken);
        var blocks = texts.ToDictionary(t => t.Key, t => TextBlocks.Parse(t.Value));
        var documents = scope.Documents.ToDictionary(d => d.Id);

        return views.Select(view =>
        {
            var thread = view.IsReply ? threads.GetValueOrDefault(view.ThreadRootId) : view;
            var (context, paragraph) = thread is { Orphan: false, Position: { } position } && texts.TryGetValue(view.DocumentId, out var text)
                ? PassageContext.Of(text, blocks[view.DocumentId], TextAnchor.ToSpan(text, position))
                : (PassageContext.None, (int?)null);
            var document = documents.GetValueOrDefault(view.DocumentId);
            return new SearchHit(view, view.DocumentId, document?.Title ?? "", paragraph,
                thread?.Quote?.Exact, context, thread?.Orphan ?? false, document?.Language);
        }).ToList();
    }
}
