using System.Globalization;
using System.Runtime.CompilerServices;
using Annotate.Data;
using Annotate.Shared;
using Annotate.Shared.Search;
using Annotate.Web.Features.Annotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Annotate.Web.Features.Search;

/// <summary>
/// The full-text part of a search, on the engine's own index (made by the AnnotationSearchIndex migration, kept in
/// step by its triggers): SQLite's FTS5 table, or PostgreSQL's tsvectors with the 'simple' configuration. Each word
/// or phrase must occur, its words one after the other, in the comment or in the quote (<c>quote:</c>: the quote
/// only; <c>tag:</c>: the tags, whose exact match the caller checks); case and diacritics are ignored ("thao luan" finds
/// "thảo luận", see the SearchWithoutDiacritics migration), whichever Unicode form the text or the term came in.
/// </summary>
internal static class SearchIndex
{
    /// <summary>
    /// The ids of the annotations that match every one of <paramref name="wanted"/> (at least one) and none of
    /// <paramref name="unwanted"/> (words, quote and tag terms), in one query of the index.
    /// </summary>
    public static IQueryable<Guid> Matching(AnnotateDb db, IReadOnlyList<SearchTerm> wanted, IReadOnlyList<SearchTerm> unwanted) =>
        db.Database.IsNpgsql()
            ? Postgres(db, conditions => $"{string.Join(" AND ", wanted.Select(conditions))}" +
                (unwanted.Count == 0 ? "" : $" AND NOT ({string.Join(" OR ", unwanted.Select(conditions))})"))
            : Sqlite(db, SqliteMatch(wanted, unwanted));

    /// <summary>
    /// Whether a search can be counted and paged by the index alone: on SQLite, whose index rows carry what the visibility
    /// rule asks (the SearchAudienceFacts migration's triggers keep it), when every term is words or a quote, so that
    /// nothing but the index and the reader's visibility decides what is found.
    /// </summary>
    public static bool CountsVisibleMatches(AnnotateDb db, SearchQuery query) =>
        !db.Database.IsNpgsql() && query.Terms.Any(t => !t.Negated) && query.Terms.All(t => t.Field is SearchField.Words or SearchField.Quote);

    /// <summary>
    /// How many matches on <paramref name="documents"/> <paramref name="viewer"/> may see, and the newest
    /// <paramref name="count"/> of them, newest first and then by id, descending (the order the search pages in:
    /// the rows' ids are written as <see cref="Guid"/>'s upper-case text, whose order is <see cref="Guid.CompareTo(Guid)"/>'s).
    /// One pass over the index's rows, with no annotation looked up.
    /// </summary>
    public static async Task<(int Total, List<SearchMatch> Newest)> VisibleAsync(AnnotateDb db, SearchQuery query, int seminarId,
        IReadOnlyCollection<int> documents, Viewer viewer, IReadOnlyCollection<int> awaitingOwnPost, int count, CancellationToken cancellationToken)
    {
        var (wanted, unwanted) = SearchFilters.Indexed(query);
        var rows = await db.Database.SqlQuery<VisibleRow>(FormattableStringFactory.Create($$"""
            SELECT r."AnnotationId", r."Created", count(*) OVER () AS "Total"
            FROM "AnnotationSearch" JOIN "AnnotationSearchRows" r ON r."Key" = "AnnotationSearch".rowid
            WHERE "AnnotationSearch" MATCH {0} AND r."DocumentId" IN ({{InList(documents)}}) AND ({{VisibleTo(viewer, seminarId, awaitingOwnPost)}})
            ORDER BY r."Created" DESC, r."AnnotationId" DESC LIMIT {{count}}
            """, SqliteMatch(wanted, unwanted), viewer.UserId ?? "")).ToListAsync(cancellationToken);
        return (rows.FirstOrDefault()?.Total ?? 0,
            rows.Select(r => new SearchMatch(r.AnnotationId, (DateTimeOffset)Created.ConvertFromProvider(r.Created)!)).ToList());
    }

    /// <summary>
    /// <see cref="VisibilityFilter.ForSeminar"/> as a condition on an index row (r) of one of seminar
    /// <paramref name="seminarId"/>'s documents, the viewer's id being the query's parameter {1}. It must keep exactly
    /// the rows the filter keeps; VisibilityFilterEquivalenceTests compares the two for every kind of viewer. The thread
    /// author's group is asked of the memberships as the search runs (a deleted author's is the row's own).
    /// </summary>
    internal static string VisibleTo(Viewer viewer, int seminarId, IReadOnlyCollection<int> awaitingOwnPost)
    {
        var open = VisibleTo(viewer with { AwaitingOwnPost = false }, seminarId);
        return awaitingOwnPost.Count == 0
            ? open
            : $"""CASE WHEN r."DocumentId" IN ({InList(awaitingOwnPost)}) THEN {VisibleTo(viewer with { AwaitingOwnPost = true }, seminarId)} ELSE {open} END""";
    }

    private static string VisibleTo(Viewer viewer, int seminarId)
    {
        if (!viewer.IsMember) return "0";
        const string mine = """r."ThreadAuthorId" = {1}""", toMe = """r."AddresseeId" = {1}""";
        if (viewer.IsTeacher) return $"""({mine} OR r."AddresseeId" IS NOT NULL OR r."Scope" >= {TeachersScope})""";
        if (viewer.AwaitingOwnPost) return $"""({mine} OR {toMe})""";
        var group = viewer.GroupId is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"""
                 OR (r."Scope" = {GroupScope} AND (r."ThreadAuthorId" IN (SELECT m."UserId" FROM "Memberships" m WHERE m."SeminarId" = {seminarId} AND m."GroupId" = {id})
                                         OR r."ThreadFormerGroupId" = {id}))
                """)
            : "";
        return $"""({mine} OR CASE WHEN r."AddresseeId" IS NOT NULL THEN {toMe} ELSE r."Scope" = {SeminarScope}{group} END)""";
    }

    // The row's Scope: the narrower of the annotation's visibility and its thread's (SearchAudienceFacts).
    private const int TeachersScope = 1, GroupScope = 2, SeminarScope = 3;

    // The column holds what the model's conversion writes for Annotation.Created (AnnotateDb).
    private static readonly DateTimeOffsetToBinaryConverter Created = new();

    private sealed class VisibleRow
    {
        public Guid AnnotationId { get; init; }
        public long Created { get; init; }
        public int Total { get; init; }
    }

    private static string InList(IReadOnlyCollection<int> ids) => string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    private static string SqliteMatch(IReadOnlyList<SearchTerm> wanted, IReadOnlyList<SearchTerm> unwanted) =>
        $"({string.Join(" AND ", wanted.Select(SqlitePhrase))})" +
        (unwanted.Count == 0 ? "" : $" NOT ({string.Join(" OR ", unwanted.Select(SqlitePhrase))})");

    /// <summary>The ids of the annotations that match any one of <paramref name="terms"/>.</summary>
    public static IQueryable<Guid> MatchingAny(AnnotateDb db, IReadOnlyList<SearchTerm> terms) =>
        db.Database.IsNpgsql()
            ? Postgres(db, conditions => string.Join(" OR ", terms.Select(conditions)))
            : Sqlite(db, string.Join(" OR ", terms.Select(SqlitePhrase)));

    /// <summary>The index's matches of <paramref name="match"/>.</summary>
    private static IQueryable<Guid> Sqlite(AnnotateDb db, string match) => db.Database.SqlQuery<Guid>(FormattableStringFactory.Create("""
        SELECT r."AnnotationId" AS "Value" FROM "AnnotationSearch" JOIN "AnnotationSearchRows" r ON r."Key" = "AnnotationSearch".rowid
        WHERE "AnnotationSearch" MATCH {0}
        """, match));

    /// <summary>A term as an FTS5 phrase in its columns; the value goes in double quotes (the parser leaves none inside one).</summary>
    private static string SqlitePhrase(SearchTerm term)
    {
        // The tokenizer folds the other marks, composed or not; "đ" is folded here as the triggers fold it.
        var phrase = $"\"{SearchFold.WithoutStrokedD(term.Value).Replace("\"", "\"\"")}\"";
        return term.Field switch
        {
            SearchField.Quote => $"\"Quote\" : {phrase}",
            SearchField.Tag => $"\"Tags\" : {phrase}",
            _ => $"{{\"Body\" \"Quote\"}} : {phrase}",
        };
    }

    /// <summary>The WHERE clause <paramref name="where"/> makes of each term's condition, its values as parameters.</summary>
    private static IQueryable<Guid> Postgres(AnnotateDb db, Func<Func<SearchTerm, string>, string> where)
    {
        var values = new List<object>();
        string Condition(SearchTerm term)
        {
            values.Add(term.Value);
            var query = $"phraseto_tsquery('simple', annotation_search_fold({{{values.Count - 1}}}))";
            return term.Field switch
            {
                SearchField.Quote => $"\"Quote\" @@ {query}",
                SearchField.Tag => $"\"Tags\" @@ {query}",
                _ => $"(\"Body\" @@ {query} OR \"Quote\" @@ {query})",
            };
        }
        var sql = $"""SELECT "AnnotationId" AS "Value" FROM "AnnotationSearch" WHERE {where(Condition)}""";
        return db.Database.SqlQuery<Guid>(FormattableStringFactory.Create(sql, values.ToArray()));
    }
}
