using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Migrations
{
    /// <summary>
    /// Search without diacritics (issue 16): "thao luan" finds "thảo luận". The FTS5 table is made again with
    /// <c>remove_diacritics 2</c>, which folds every Latin letter with marks to its base letter, composed or decomposed
    /// alike; "đ" is a letter of its own to Unicode (no decomposition), so the triggers write it as "d" and the query
    /// side does the same (<c>SearchIndex</c>). A word typed without marks then matches one written with them, and
    /// back. The rows are written again from the annotations, the triggers are those of AnnotationSearchIndex
    /// with the fold around each text.
    /// </summary>
    public partial class SearchWithoutDiacritics : Migration
    {
        private static readonly string[] Triggers = ["Insert", "Update", "Delete", "AnchorInsert", "AnchorUpdate", "AnchorDelete"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, folded: true);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, folded: false);

        private static void Rebuild(MigrationBuilder migrationBuilder, bool folded)
        {
            string Fold(string text) => folded ? $"replace(replace({text}, 'đ', 'd'), 'Đ', 'D')" : text;
            string QuoteOf(string a) => Fold($"""
                COALESCE((SELECT x."Exact" FROM "AnnotationAnchors" x JOIN "Documents" d ON d."Id" = {a}."DocumentId"
                          WHERE x."AnnotationId" = {a}."Id" AND x."Revision" = d."Revision"), {a}."Exact", '')
                """);
            string Body(string a) => Fold($"COALESCE({a}.\"SearchText\", {a}.\"Body\")");
            string Tags(string a) => Fold($"COALESCE({a}.\"SearchTags\", {a}.\"Tags\")");
            string Requote(string annotationId) => $"""
                UPDATE "AnnotationSearch" SET "Quote" = (SELECT {QuoteOf("a")} FROM "Annotations" a WHERE a."Id" = {annotationId})
                WHERE rowid = (SELECT "Key" FROM "AnnotationSearchRows" WHERE "AnnotationId" = {annotationId});
                """;

            foreach (var trigger in Triggers)
                migrationBuilder.Sql($"DROP TRIGGER \"AnnotationSearch_{trigger}\";");
            migrationBuilder.Sql("DROP TABLE \"AnnotationSearch\";");
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE "AnnotationSearch" USING fts5("Body", "Quote", "Tags", tokenize = 'unicode61 remove_diacritics {(folded ? 2 : 0)}');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AnnotationSearch_Insert" AFTER INSERT ON "Annotations" BEGIN
                    INSERT INTO "AnnotationSearchRows" ("AnnotationId") VALUES (new."Id");
                    INSERT INTO "AnnotationSearch" (rowid, "Body", "Quote", "Tags")
                    VALUES (last_insert_rowid(), {Body("new")}, {QuoteOf("new")}, {Tags("new")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AnnotationSearch_Update" AFTER UPDATE OF "SearchText", "Body", "Exact", "DocumentRevision", "SearchTags", "Tags" ON "Annotations" BEGIN
                    UPDATE "AnnotationSearch"
                    SET "Body" = {Body("new")}, "Quote" = {QuoteOf("new")}, "Tags" = {Tags("new")}
                    WHERE rowid = (SELECT "Key" FROM "AnnotationSearchRows" WHERE "AnnotationId" = new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AnnotationSearch_Delete" AFTER DELETE ON "Annotations" BEGIN
                    DELETE FROM "AnnotationSearch" WHERE rowid = (SELECT "Key" FROM "AnnotationSearchRows" WHERE "AnnotationId" = old."Id");
                    DELETE FROM "AnnotationSearchRows" WHERE "AnnotationId" = old."Id";
                END;
                """);
            foreach (var (name, row) in new[] { ("AnchorInsert", "new"), ("AnchorUpdate", "new"), ("AnchorDelete", "old") })
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "AnnotationSearch_{name}" AFTER {name["Anchor".Length..].ToUpperInvariant()} ON "AnnotationAnchors" BEGIN
                        {Requote($"{row}.\"AnnotationId\"")}
                    END;
                    """);
            // The rows keep their keys (AnnotationSearchRows stays): only their words are written again.
            migrationBuilder.Sql($"""
                INSERT INTO "AnnotationSearch" (rowid, "Body", "Quote", "Tags")
                SELECT r."Key", {Body("a")}, {QuoteOf("a")}, {Tags("a")}
                FROM "AnnotationSearchRows" r JOIN "Annotations" a ON a."Id" = r."AnnotationId";
                """);
        }
    }
}
