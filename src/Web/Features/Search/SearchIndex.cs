using System.Runtime.CompilerServices;
using Annotate.Data;
using Annotate.Shared.Search;
using Microsoft.EntityFrameworkCore;

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
            : Sqlite(db, $"({string.Join(" AND ", wanted.Select(SqlitePhrase))})" +
                (unwanted.Count == 0 ? "" : $" NOT ({string.Join(" OR ", unwanted.Select(SqlitePhrase))})"));

    /// <summary>The ids of the annotations that match any one of <paramref name="terms"/>.</summary>
    public static IQueryable<Guid> MatchingAny(AnnotateDb db, IReadOnlyList<SearchTerm> terms) =>
        db.Database.IsNpgsql()
            ? Postgres(db, conditions => string.Join(" OR ", terms.Select(conditions)))
            : Sqlite(db, string.Join(" OR ", terms.Select(SqlitePhrase)));

    private static IQueryable<Guid> Sqlite(AnnotateDb db, string match) => db.Database.SqlQuery<Guid>($"""
        SELECT r."AnnotationId" AS "Value" FROM "AnnotationSearch" JOIN "AnnotationSearchRows" r ON r."Key" = "AnnotationSearch".rowid
        WHERE "AnnotationSearch" MATCH {match}
        """);

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
