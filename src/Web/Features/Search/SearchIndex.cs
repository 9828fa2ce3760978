using System.Globalization;
using System.Runtime.CompilerServices;
using Annotate.Data;
using Annotate.Shared.Search;
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
    /// <remarks>
    /// With <paramref name="openOn"/> (SQLite only, see <see cref="CountsOpenMatches"/>): less the matches open to every
    /// member on those documents, which <see cref="CountOpenAsync"/> and <see cref="NewestOpenAsync"/> answer for.
    /// </remarks>
    public static IQueryable<Guid> Matching(AnnotateDb db, IReadOnlyList<SearchTerm> wanted, IReadOnlyList<SearchTerm> unwanted,
        IReadOnlyCollection<int>? openOn = null) =>
        db.Database.IsNpgsql()
            ? Postgres(db, conditions => $"{string.Join(" AND ", wanted.Select(conditions))}" +
                (unwanted.Count == 0 ? "" : $" AND NOT ({string.Join(" OR ", unwanted.Select(conditions))})"))
            : Sqlite(db, SqliteMatch(wanted, unwanted), openOn is { Count: > 0 } ? $"AND NOT ({Open("r", openOn)})" : "");

    /// <summary>
    /// Whether a search can count and page the matches open to every member by the index alone: on SQLite, whose index
    /// rows carry that fact (the SearchOpenFacts migration's triggers keep it), when every term is words or a quote, so
    /// that nothing but the index and the reader's visibility decides what is found.
    /// </summary>
    public static bool CountsOpenMatches(AnnotateDb db, SearchQuery query) =>
        !db.Database.IsNpgsql() && query.Terms.Any(t => !t.Negated) && query.Terms.All(t => t.Field is SearchField.Words or SearchField.Quote);

    /// <summary>How many matches on <paramref name="openOn"/> are open to every member of the seminar.</summary>
    public static Task<int> CountOpenAsync(AnnotateDb db, SearchQuery query, IReadOnlyCollection<int> openOn, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>(OpenMatches(query, $$"""
            SELECT count(*) AS "Value" FROM "AnnotationSearch" JOIN "AnnotationSearchRows" r ON r."Key" = "AnnotationSearch".rowid
            WHERE "AnnotationSearch" MATCH {0} AND {{Open("r", openOn)}}
            """)).SingleAsync(cancellationToken);

    /// <summary>
    /// The newest <paramref name="count"/> matches on <paramref name="openOn"/> open to every member, and any as old as
    /// the last of them (so that the caller's order among results of the same time is kept whole).
    /// </summary>
    public static async Task<List<SearchMatch>> NewestOpenAsync(AnnotateDb db, SearchQuery query, IReadOnlyCollection<int> openOn, int count,
        CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<OpenRow>(OpenMatches(query, $$"""
            SELECT r."AnnotationId", r."Created" FROM "AnnotationSearch" JOIN "AnnotationSearchRows" r ON r."Key" = "AnnotationSearch".rowid
            WHERE "AnnotationSearch" MATCH {0} AND {{Open("r", openOn)}} AND r."Created" >= COALESCE((
                SELECT n."Created" FROM "AnnotationSearch" JOIN "AnnotationSearchRows" n ON n."Key" = "AnnotationSearch".rowid
                WHERE "AnnotationSearch" MATCH {0} AND {{Open("n", openOn)}}
                ORDER BY n."Created" DESC LIMIT 1 OFFSET {{count - 1}}), -9223372036854775808)
            """)).ToListAsync(cancellationToken);
        return rows.Select(r => new SearchMatch(r.AnnotationId, (DateTimeOffset)Created.ConvertFromProvider(r.Created)!)).ToList();
    }

    // The column holds what the model's conversion writes for Annotation.Created (AnnotateDb).
    private static readonly DateTimeOffsetToBinaryConverter Created = new();

    private sealed class OpenRow
    {
        public Guid AnnotationId { get; init; }
        public long Created { get; init; }
    }

    /// <summary><paramref name="sql"/> with the search's FTS5 query as its one parameter ({0}).</summary>
    private static FormattableString OpenMatches(SearchQuery query, string sql)
    {
        var (wanted, unwanted) = SearchFilters.Indexed(query);
        return FormattableStringFactory.Create(sql, SqliteMatch(wanted, unwanted));
    }

    /// <summary>Index row <paramref name="row"/> is open to every member and on one of <paramref name="openOn"/> (ids, written in).</summary>
    private static string Open(string row, IReadOnlyCollection<int> openOn) => $"""{row}."Open" AND {row}."DocumentId" IN ({InList(openOn)})""";

    private static string InList(IReadOnlyCollection<int> ids) => string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    private static string SqliteMatch(IReadOnlyList<SearchTerm> wanted, IReadOnlyList<SearchTerm> unwanted) =>
        $"({string.Join(" AND ", wanted.Select(SqlitePhrase))})" +
        (unwanted.Count == 0 ? "" : $" NOT ({string.Join(" OR ", unwanted.Select(SqlitePhrase))})");

    /// <summary>The ids of the annotations that match any one of <paramref name="terms"/>.</summary>
    public static IQueryable<Guid> MatchingAny(AnnotateDb db, IReadOnlyList<SearchTerm> terms) =>
        db.Database.IsNpgsql()
            ? Postgres(db, conditions => string.Join(" OR ", terms.Select(conditions)))
            : Sqlite(db, string.Join(" OR ", terms.Select(SqlitePhrase)));

    /// <summary>The index's matches of <paramref name="match"/>; <paramref name="where"/> narrows them by their row (r), whose values it holds.</summary>
    private static IQueryable<Guid> Sqlite(AnnotateDb db, string match, string where = "") => db.Database.SqlQuery<Guid>(FormattableStringFactory.Create($$"""
        SELECT r."AnnotationId" AS "Value" FROM "AnnotationSearch" JOIN "AnnotationSearchRows" r ON r."Key" = "AnnotationSearch".rowid
        WHERE "AnnotationSearch" MATCH {0} {{where}}
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
