using System.Runtime.CompilerServices;
using System.Text;
using Annotate.Data;
using Annotate.Shared.Search;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Search;

/// <summary>
/// The full-text part of a search, on the engine's own index (made by the AnnotationSearchIndex migration, kept in
/// step by its triggers): SQLite's FTS5 table, or PostgreSQL's tsvectors with the 'simple' configuration. Each word
/// or phrase must occur, its words one after the other, in the comment or in the quote (<c>quote:</c>: the quote
/// only); case is ignored, diacritics are not. A term is looked for in both Unicode forms (composed and decomposed),
/// since a text pasted from elsewhere may be in either.
/// </summary>
internal static class SearchIndex
{
    /// <summary>The ids of the annotations that match every one of <paramref name="terms"/> (words and quote terms).</summary>
    public static IQueryable<Guid> MatchingAll(AnnotateDb db, IReadOnlyList<SearchTerm> terms) =>
        db.Database.IsNpgsql() ? Postgres(db, terms, " AND ") : Sqlite(db, terms, " AND ");

    /// <summary>The ids of the annotations that match any one of <paramref name="terms"/>.</summary>
    public static IQueryable<Guid> MatchingAny(AnnotateDb db, IReadOnlyList<SearchTerm> terms) =>
        db.Database.IsNpgsql() ? Postgres(db, terms, " OR ") : Sqlite(db, terms, " OR ");

    private static IQueryable<Guid> Sqlite(AnnotateDb db, IReadOnlyList<SearchTerm> terms, string join)
    {
        // One FTS5 query; the values are phrases in double quotes (the parser leaves none inside a value).
        var match = string.Join(join, terms.Select(t =>
        {
            var forms = Forms(t.Value).Select(f => $"\"{f.Replace("\"", "\"\"")}\"");
            var phrase = $"({string.Join(" OR ", forms)})";
            return t.Field == SearchField.Quote ? $"\"Quote\" : {phrase}" : phrase;
        }));
        return db.Database.SqlQuery<Guid>($"""
            SELECT r."AnnotationId" AS "Value" FROM "AnnotationSearch" JOIN "AnnotationSearchRows" r ON r."Key" = "AnnotationSearch".rowid
            WHERE "AnnotationSearch" MATCH {match}
            """);
    }

    private static IQueryable<Guid> Postgres(AnnotateDb db, IReadOnlyList<SearchTerm> terms, string join)
    {
        var sql = new StringBuilder("""SELECT "AnnotationId" AS "Value" FROM "AnnotationSearch" WHERE """);
        var values = new List<object>();
        sql.Append(string.Join(join, terms.Select(t =>
        {
            var forms = Forms(t.Value).Select(f =>
            {
                values.Add(f);
                return $"phraseto_tsquery('simple', {{{values.Count - 1}}})";
            });
            var query = $"({string.Join(" || ", forms)})";
            return t.Field == SearchField.Quote ? $"(\"Quote\" @@ {query})" : $"(\"Body\" @@ {query} OR \"Quote\" @@ {query})";
        })));
        return db.Database.SqlQuery<Guid>(FormattableStringFactory.Create(sql.ToString(), values.ToArray()));
    }

    /// <summary>The value as written, composed, and decomposed, once each.</summary>
    private static IEnumerable<string> Forms(string value) =>
        new[] { value.Normalize(NormalizationForm.FormC), value.Normalize(NormalizationForm.FormD) }.Distinct();
}
