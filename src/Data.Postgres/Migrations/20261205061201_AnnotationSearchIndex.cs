using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Postgres.Migrations
{
    /// <summary>
    /// The search index (issue 14), PostgreSQL's twin of SQLite's FTS5 table: per annotation a tsvector of its
    /// words (<c>SearchText</c>, its Markdown reduced to text), one of the quote of its passage where it stands
    /// now (its anchor on the document's current revision, else the quote it was written on) and one of its tags
    /// (<c>SearchTags</c>), with the 'simple' configuration (no stemming or stop words, so Vietnamese and English
    /// alike; case folded, diacritics kept), GIN-indexed, kept in step by triggers on every insert and change of an
    /// annotation or an anchor; a deleted annotation's row goes with it (foreign key, cascade). Two indexes serve
    /// search's fields over a seminar's documents (author, motivation).
    /// </summary>
    public partial class AnnotationSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchTags",
                table: "Annotations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Annotations",
                type: "text",
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
                CREATE TABLE "AnnotationSearch" (
                    "AnnotationId" uuid PRIMARY KEY REFERENCES "Annotations" ("Id") ON DELETE CASCADE,
                    "Body" tsvector NOT NULL,
                    "Quote" tsvector NOT NULL,
                    "Tags" tsvector NOT NULL);
                CREATE INDEX "IX_AnnotationSearch_Body" ON "AnnotationSearch" USING GIN ("Body");
                CREATE INDEX "IX_AnnotationSearch_Quote" ON "AnnotationSearch" USING GIN ("Quote");
                CREATE INDEX "IX_AnnotationSearch_Tags" ON "AnnotationSearch" USING GIN ("Tags");
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION annotation_search_quote(annotation "Annotations") RETURNS text LANGUAGE sql STABLE AS $$
                    SELECT COALESCE((SELECT x."Exact" FROM "AnnotationAnchors" x JOIN "Documents" d ON d."Id" = annotation."DocumentId"
                                     WHERE x."AnnotationId" = annotation."Id" AND x."Revision" = d."Revision"), annotation."Exact", '')
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION annotation_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "AnnotationSearch" ("AnnotationId", "Body", "Quote", "Tags")
                    VALUES (NEW."Id", to_tsvector('simple', COALESCE(NEW."SearchText", NEW."Body")), to_tsvector('simple', annotation_search_quote(NEW)),
                            to_tsvector('simple', COALESCE(NEW."SearchTags", NEW."Tags")))
                    ON CONFLICT ("AnnotationId") DO UPDATE SET "Body" = EXCLUDED."Body", "Quote" = EXCLUDED."Quote", "Tags" = EXCLUDED."Tags";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "AnnotationSearch_Write" AFTER INSERT OR UPDATE OF "SearchText", "Body", "Exact", "DocumentRevision", "SearchTags", "Tags" ON "Annotations"
                    FOR EACH ROW EXECUTE FUNCTION annotation_search_write();
                """);
            // Re-anchoring on a new revision (or attaching an orphan again) moves a thread's passage: its quote follows.
            migrationBuilder.Sql("""
                CREATE FUNCTION annotation_search_requote() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."AnnotationId" ELSE NEW."AnnotationId" END;
                BEGIN
                    UPDATE "AnnotationSearch" s SET "Quote" = to_tsvector('simple', annotation_search_quote(a))
                    FROM "Annotations" a WHERE a."Id" = id AND s."AnnotationId" = id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "AnnotationSearch_Anchor" AFTER INSERT OR UPDATE OR DELETE ON "AnnotationAnchors"
                    FOR EACH ROW EXECUTE FUNCTION annotation_search_requote();
                """);
            // What is there already; the start-up backfill then reduces its Markdown (SearchText is null until then).
            migrationBuilder.Sql("""
                INSERT INTO "AnnotationSearch" ("AnnotationId", "Body", "Quote", "Tags")
                SELECT a."Id", to_tsvector('simple', COALESCE(a."SearchText", a."Body")), to_tsvector('simple', annotation_search_quote(a)),
                       to_tsvector('simple', COALESCE(a."SearchTags", a."Tags"))
                FROM "Annotations" a;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "AnnotationSearch_Anchor" ON "AnnotationAnchors";
                DROP TRIGGER "AnnotationSearch_Write" ON "Annotations";
                DROP FUNCTION annotation_search_requote();
                DROP FUNCTION annotation_search_write();
                DROP TABLE "AnnotationSearch";
                DROP FUNCTION annotation_search_quote("Annotations");
                """);

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
