using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Migrations
{
    /// <summary>
    /// Search at 100,000 annotations (issue 14): beside each row of the search index (AnnotationSearchRows, keyed by the
    /// FTS rowid) the annotation's document, its time and one fact, <c>Open</c>: it is seminar-wide, its thread is
    /// seminar-wide and it has no addressee, so that every member of the seminar may see it (unless they still have to
    /// post first on its document, which the search knows). Search counts and pages those matches by the index alone,
    /// without looking up each one's row by its text id, and sends only the rest through the visibility filter. The
    /// fact is kept by triggers on every insert and change of an annotation's visibility, addressee or thread (a thread's
    /// change reaches its replies), so no write path can miss it; a row whose thread is not there yet is not open
    /// (never wrongly open: a row that is not open is only checked the slow way). SQLite only: PostgreSQL searches
    /// its own index as before.
    /// </summary>
    public partial class SearchOpenFacts : Migration
    {
        /// <summary>
        /// The insert trigger's entry in the full-text index for the new annotation, keyed by the row just added to
        /// AnnotationSearchRows (as the AnnotationSearchIndex and SearchWithoutDiacritics migrations write it).
        /// </summary>
        internal const string IndexEntry = """
            INSERT INTO "AnnotationSearch" (rowid, "Body", "Quote", "Tags")
            VALUES (last_insert_rowid(), replace(replace(COALESCE(new."SearchText", new."Body"), 'đ', 'd'), 'Đ', 'D'), replace(replace(COALESCE((SELECT x."Exact" FROM "AnnotationAnchors" x JOIN "Documents" d ON d."Id" = new."DocumentId"
                  WHERE x."AnnotationId" = new."Id" AND x."Revision" = d."Revision"), new."Exact", ''), 'đ', 'd'), 'Đ', 'D'), replace(replace(COALESCE(new."SearchTags", new."Tags"), 'đ', 'd'), 'Đ', 'D'));
            """;

        internal const string Insert = """
            CREATE TRIGGER "AnnotationSearch_Insert" AFTER INSERT ON "Annotations" BEGIN
                INSERT INTO "AnnotationSearchRows" ("AnnotationId", "DocumentId", "Created", "Open") VALUES (new."Id", new."DocumentId", new."Created", {0});
            """ + "\n" + IndexEntry + "\n" + """
                {1}
            END;
            """;

        /// <summary>Whether annotation <paramref name="a"/> is open to every member (see the class).</summary>
        internal static string OpenOf(string a) => $"""
            ({a}."Visibility" = 'Seminar' AND {a}."AddresseeId" IS NULL
             AND ({a}."ThreadId" IS NULL OR (SELECT t."Visibility" FROM "Annotations" t WHERE t."Id" = {a}."ThreadId") = 'Seminar'))
            """;

        /// <summary>The replies of thread <paramref name="thread"/> worked out again (the thread's visibility is theirs too).</summary>
        internal static string Replies(string thread) => $"""
            UPDATE "AnnotationSearchRows" SET "Open" = (SELECT {OpenOf("a")} FROM "Annotations" a WHERE a."Id" = "AnnotationSearchRows"."AnnotationId")
                WHERE "AnnotationId" IN (SELECT r."Id" FROM "Annotations" r WHERE r."ThreadId" = {thread}."Id");
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "AnnotationSearchRows" ADD COLUMN "DocumentId" INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE "AnnotationSearchRows" ADD COLUMN "Created" INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE "AnnotationSearchRows" ADD COLUMN "Open" INTEGER NOT NULL DEFAULT 0;
                """);
            migrationBuilder.Sql($"""
                UPDATE "AnnotationSearchRows" SET ("DocumentId", "Created", "Open") =
                    (SELECT a."DocumentId", a."Created", {OpenOf("a")} FROM "Annotations" a WHERE a."Id" = "AnnotationSearchRows"."AnnotationId");
                """);
            migrationBuilder.Sql("DROP TRIGGER \"AnnotationSearch_Insert\";");
            // A thread that arrives after its replies (an import may write them so) makes them open too.
            migrationBuilder.Sql(Insert.Replace("{0}", OpenOf("new")).Replace("{1}", Replies("new")));
            migrationBuilder.Sql(FactsTrigger);
        }

        /// <summary>The trigger that writes the mark again when what it comes from changes.</summary>
        internal static string FactsTrigger => $"""
            CREATE TRIGGER "AnnotationSearch_Facts" AFTER UPDATE OF "Visibility", "AddresseeId", "ThreadId", "DocumentId", "Created" ON "Annotations" BEGIN
                UPDATE "AnnotationSearchRows" SET "DocumentId" = new."DocumentId", "Created" = new."Created", "Open" = {OpenOf("new")}
                    WHERE "AnnotationId" = new."Id";
                {Replies("new")}
            END;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AnnotationSearch_Facts\";");
            migrationBuilder.Sql("DROP TRIGGER \"AnnotationSearch_Insert\";");
            migrationBuilder.Sql($$"""
                CREATE TRIGGER "AnnotationSearch_Insert" AFTER INSERT ON "Annotations" BEGIN
                    INSERT INTO "AnnotationSearchRows" ("AnnotationId") VALUES (new."Id");
                    {{IndexEntry}}
                END;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "AnnotationSearchRows" DROP COLUMN "Open";
                ALTER TABLE "AnnotationSearchRows" DROP COLUMN "Created";
                ALTER TABLE "AnnotationSearchRows" DROP COLUMN "DocumentId";
                """);
        }
    }
}
