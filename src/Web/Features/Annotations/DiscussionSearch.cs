using Annotate.Data;
using Annotate.Shared;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// Search of a document's discussion (<c>?q=</c>, <c>?tag=</c>, <c>?creator=</c> on the collection): it only ever
/// narrows what the reader may see. On a large discussion most annotations do not match, so the database first
/// hands over only the parts searched, of what the visibility filter lets through; only the matches are then
/// read whole, through the filter and the rule again. A thread written on an older revision is always read
/// whole (the quote searched is where it now is), and so is everything when most of it matches.
/// </summary>
internal sealed class DiscussionSearch(IDbContextFactory<AnnotateDb> dbFactory, AnnotationService annotations)
{
    public sealed record Terms(string? Words, string? Tag, string? CreatorId)
    {
        public bool Narrows => Words is not null || Tag is not null || CreatorId is not null;
    }

    /// <summary>Above this many candidates, reading the discussion whole is as quick as reading the candidates again.</summary>
    private const int MostOfIt = 1000;

    public async Task<List<AnnotationView>> FindAsync(ReaderAccess.DocumentAccess reader, Terms terms, CancellationToken cancellationToken = default)
    {
        if (!terms.Narrows) return await annotations.ListVisibleAsync(reader, cancellationToken);
        List<Guid> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var creatorId = terms.CreatorId;
            var parts = await AnnotationViews.Rows(db, db.Annotations.Where(a => a.DocumentId == reader.DocumentId))
                .Where(VisibilityFilter.For(reader.Viewer))
                .Where(r => creatorId == null || r.AuthorId == creatorId)
                .Select(r => new { r.Id, r.Body, r.Exact, r.AuthorName, r.Tags, Moved = r.Exact != null && r.DocumentRevision != r.CurrentRevision })
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            candidates = parts.Where(p => p.Moved || Matches(p.Body, p.Exact, p.AuthorName, AnnotationViews.TagsOf(p.Tags), terms))
                .Select(p => p.Id).ToList();
        }
        var found = candidates.Count > MostOfIt
            ? await annotations.ListVisibleAsync(reader, cancellationToken)
            : await annotations.ListVisibleAsync(reader, a => candidates.Contains(a.Id), cancellationToken);
        return found.Where(a => Matches(a.Body, a.Quote?.Exact, a.AuthorName, a.Tags, terms) && (terms.CreatorId is null || a.AuthorId == terms.CreatorId)).ToList();
    }

    private static bool Matches(string body, string? quote, string authorName, IReadOnlyList<string> tags, Terms terms) =>
        AnnotationSearch.Matches(body, quote, authorName, tags, terms.Words)
        && (terms.Tag is null || tags.Contains(terms.Tag, StringComparer.OrdinalIgnoreCase));
}
