using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Migrations
{
    /// <summary>
    /// The search index (issue 14): an FTS5 table of each annotation's words (<c>SearchText</c>, its Markdown
    /// reduced to text), the quote of its passage where it stands now (its anchor on the document's current
    /// revision, else the quote it was written on) and its tags (<c>SearchTags</c>), kept in step by triggers on every
    /// insert, change and delete of an annotation or an anchor, cascades included. An annotation's id is text and its rowid may change with a
    /// VACUUM, so the index's rows are keyed by AnnotationSearchRows, whose integer key is its own. Two indexes serve
    /// search's fields over a seminar's documents (author, motivation).
    /// </summary>
    public partial class AnnotationSearchIndex : Migration
    {
        // The quote of annotation A's passage on its document's current revision.
        private const string QuoteOfNew = """
            COALESCE((SELECT x."Exact" FROM "AnnotationAnchors" x JOIN "Documents" d ON d."Id" = new."DocumentId"
                      WHERE x."AnnotationId" = new."Id" AND x."Revision" = d."Revision"), new."Exact", '')
            """;

        private const string QuoteOfA = """
            COALESCE((SELECT x."Exact" FROM "AnnotationAnchors" x JOIN "Documents" d ON d."Id" = a."DocumentId"
                      WHERE x."AnnotationId" = a."Id" AND x."Revision" = d."Revision"), a."Exact", '')
            """;

        private static string Requote(string annotationId) => $"""
            UPDATE "AnnotationSearch" SET "Quote" = (SELECT {QuoteOfA} FROM "Annotations" a WHERE a."Id" = {annotationId})
            WHERE rowid = (SELECT "Key" FROM "AnnotationSearchRows" WHERE "AnnotationId" = {annotationId});
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchTags",
                table: "Annotations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Annotations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_DocumentId_AuthorId",
                table: "Annotations",
                columns: new[] { "DocumentId", "AuthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_DocumentId_Motivation",
                table: "Annotations",
                columns: new[] { "DocumentId", "Motivation" });

            migrationBuilder.Sql("""
                CREATE TABLE "AnnotationSearchRows" ("Key" INTEGER PRIMARY KEY, "AnnotationId" TEXT NOT NULL UNIQUE);
                """);
            // Diacritics kept: in Vietnamese they tell words apart (ma, má, mà), and PostgreSQL's 'simple' keeps them too.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "AnnotationSearch" USING fts5("Body", "Quote", "Tags", tokenize = 'unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AnnotationSearch_Insert" AFTER INSERT ON "Annotations" BEGIN
                    INSERT INTO "AnnotationSearchRows" ("AnnotationId") VALUES (new."Id");
                    INSERT INTO "AnnotationSearch" (rowid, "Body", "Quote", "Tags")
                    VALUES (last_insert_rowid(), COALESCE(new."SearchText", new."Body"), {QuoteOfNew}, COALESCE(new."SearchTags", new."Tags"));
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AnnotationSearch_Update" AFTER UPDATE OF "SearchText", "Body", "Exact", "DocumentRevision", "SearchTags", "Tags" ON "Annotations" BEGIN
                    UPDATE "AnnotationSearch"
                    SET "Body" = COALESCE(new."SearchText", new."Body"), "Quote" = {QuoteOfNew}, "Tags" = COALESCE(new."SearchTags", new."Tags")
                    WHERE rowid = (SELECT "Key" FROM "AnnotationSearchRows" WHERE "AnnotationId" = new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AnnotationSearch_Delete" AFTER DELETE ON "Annotations" BEGIN
                    DELETE FROM "AnnotationSearch" WHERE rowid = (SELECT "Key" FROM "AnnotationSearchRows" WHERE "AnnotationId" = old."Id");
                    DELETE FROM "AnnotationSearchRows" WHERE "AnnotationId" = old."Id";
                END;
                """);
            // Re-anchoring on a new revision (or attaching an orphan again) moves a thread's passage: its quote follows.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AnnotationSearch_AnchorInsert" AFTER INSERT ON "AnnotationAnchors" BEGIN
                    {Requote("new.\"AnnotationId\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AnnotationSearch_AnchorUpdate" AFTER UPDATE ON "AnnotationAnchors" BEGIN
                    {Requote("new.\"AnnotationId\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AnnotationSearch_AnchorDelete" AFTER DELETE ON "AnnotationAnchors" BEGIN
                    {Requote("old.\"AnnotationId\"")}
                END;
                """);
            // What is there already; the start-up backfill then reduces its Markdown (SearchText is null until then).
            migrationBuilder.Sql("""
                INSERT INTO "AnnotationSearchRows" ("AnnotationId") SELECT "Id" FROM "Annotations";
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "AnnotationSearch" (rowid, "Body", "Quote", "Tags")
                SELECT r."Key", COALESCE(a."SearchText", a."Body"), {QuoteOfA}, COALESCE(a."SearchTags", a."Tags")
                FROM "AnnotationSearchRows" r JOIN "Annotations" a ON a."Id" = r."AnnotationId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Insert", "Update", "Delete", "AnchorInsert", "AnchorUpdate", "AnchorDelete" })
                migrationBuilder.Sql($"DROP TRIGGER \"AnnotationSearch_{trigger}\";");
            migrationBuilder.Sql("DROP TABLE \"AnnotationSearch\";");
            migrationBuilder.Sql("DROP TABLE \"AnnotationSearchRows\";");

            migrationBuilder.DropIndex(
                name: "IX_Annotations_DocumentId_AuthorId",
                table: "Annotations");

            migrationBuilder.DropIndex(
                name: "IX_Annotations_DocumentId_Motivation",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "SearchTags",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Annotations");
        }
    }
}
