using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Postgres.Migrations
{
    /// <summary>
    /// Search without diacritics (issue 16), PostgreSQL's twin of SQLite's <c>remove_diacritics 2</c>: every text goes
    /// through <c>annotation_search_fold</c> before it becomes a tsvector, and every searched term before it becomes a
    /// tsquery, so "thao luan" finds "thảo luận" and "duong" finds "đường". The fold composes the text (NFC, so a
    /// pasted decomposed word reads as the typed one) and takes the marks off with the <c>unaccent</c> extension,
    /// which knows every Latin letter; where the extension cannot be had (not installed, or no right to create it),
    /// with <c>translate</c> over the Vietnamese letters, which the language needs. The rows are written again.
    /// </summary>
    public partial class SearchWithoutDiacritics : Migration
    {
        private const string Vietnamese = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
        private const string Plain = "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The fold is made in a DO block: whether unaccent is there is known only on the server it runs on.
            migrationBuilder.Sql($$"""
                DO $do$
                DECLARE
                    schema text;
                BEGIN
                    BEGIN
                        CREATE EXTENSION IF NOT EXISTS unaccent;
                        SELECT quote_ident(n.nspname) INTO schema
                        FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent';
                        EXECUTE format('CREATE FUNCTION annotation_search_fold(value text) RETURNS text LANGUAGE sql STABLE AS '
                            '$body$ SELECT %1$s.unaccent(%2$L::regdictionary, normalize(value, NFC)) $body$', schema, schema || '.unaccent');
                    EXCEPTION WHEN OTHERS THEN
                        CREATE FUNCTION annotation_search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $body$
                            SELECT translate(normalize(value, NFC), '{{Vietnamese}}{{Vietnamese.ToUpperInvariant()}}', '{{Plain}}{{Plain.ToUpperInvariant()}}')
                        $body$;
                    END;
                END
                $do$;
                """);
            Rebuild(migrationBuilder, "annotation_search_fold");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "");
            // The extension stays: other things on the server may use it.
            migrationBuilder.Sql("DROP FUNCTION annotation_search_fold(text);");
        }

        /// <summary>The triggers' functions of AnnotationSearchIndex, with <paramref name="fold"/> around each text, and every row again.</summary>
        private static void Rebuild(MigrationBuilder migrationBuilder, string fold)
        {
            string Vector(string text) => $"to_tsvector('simple', {fold}({text}))";
            migrationBuilder.Sql($"""
                CREATE OR REPLACE FUNCTION annotation_search_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "AnnotationSearch" ("AnnotationId", "Body", "Quote", "Tags")
                    VALUES (NEW."Id", {Vector("COALESCE(NEW.\"SearchText\", NEW.\"Body\")")}, {Vector("annotation_search_quote(NEW)")},
                            {Vector("COALESCE(NEW.\"SearchTags\", NEW.\"Tags\")")})
                    ON CONFLICT ("AnnotationId") DO UPDATE SET "Body" = EXCLUDED."Body", "Quote" = EXCLUDED."Quote", "Tags" = EXCLUDED."Tags";
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql($"""
                CREATE OR REPLACE FUNCTION annotation_search_requote() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    id uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."AnnotationId" ELSE NEW."AnnotationId" END;
                BEGIN
                    UPDATE "AnnotationSearch" s SET "Quote" = {Vector("annotation_search_quote(a)")}
                    FROM "Annotations" a WHERE a."Id" = id AND s."AnnotationId" = id;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql($"""
                UPDATE "AnnotationSearch" s
                SET "Body" = {Vector("COALESCE(a.\"SearchText\", a.\"Body\")")}, "Quote" = {Vector("annotation_search_quote(a)")},
                    "Tags" = {Vector("COALESCE(a.\"SearchTags\", a.\"Tags\")")}
                FROM "Annotations" a WHERE a."Id" = s."AnnotationId";
                """);
        }
    }
}
