using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Migrations
{
    /// <summary>
    /// Search at 100,000 annotations (issue 14), second step: each row of the search index (AnnotationSearchRows) carries
    /// what the visibility rule asks of its annotation, so that a search of words and quotes counts and pages what the
    /// reader may see by the index alone, with no annotation looked up by its text id. The SearchOpenFacts mark only
    /// answered for what every member sees; the rest went through the visibility filter row by row.
    /// <list type="bullet">
    /// <item><c>ThreadAuthorId</c>: the thread's author (the annotation's own for a thread), null when deleted or when
    /// the thread is not there;</item>
    /// <item><c>ThreadFormerGroupId</c>: a deleted author's group then (the thread's <c>FormerAuthorGroupId</c>);</item>
    /// <item><c>AddresseeId</c>: the feedback's addressee;</item>
    /// <item><c>Scope</c>: the narrower of the annotation's visibility and its thread's, 0 private, 1 teachers, 2 group,
    /// 3 seminar; 0 when the thread is not there (nobody but its author and the addressee's readers see it).</item>
    /// </list>
    /// A living author's group is not stored: the search asks the memberships as it runs, so a group move needs no
    /// write here. The triggers keep the facts on every insert and on every change of what they come from; a thread's
    /// change reaches its replies, and a thread that arrives after its replies (an import may write them so) gives them
    /// theirs. <c>Open</c> goes: it is <c>Scope = 3 AND AddresseeId IS NULL</c>. SQLite only: PostgreSQL searches its
    /// own index as before.
    /// </summary>
    public partial class SearchAudienceFacts : Migration
    {
        private const string Rank = """CASE {0}."Visibility" WHEN 'Seminar' THEN 3 WHEN 'Group' THEN 2 WHEN 'Teachers' THEN 1 ELSE 0 END""";

        /// <summary>The facts of annotation a whose thread is t (a itself for a thread; t is null when not there).</summary>
        private static readonly string Facts = $"""
            a."DocumentId", a."Created", t."AuthorId", CASE WHEN t."AuthorId" IS NULL THEN t."FormerAuthorGroupId" END, a."AddresseeId",
                CASE WHEN t."Id" IS NULL THEN 0 ELSE min({string.Format(Rank, "a")}, {string.Format(Rank, "t")}) END
            """;

        private const string Columns = """("DocumentId", "Created", "ThreadAuthorId", "ThreadFormerGroupId", "AddresseeId", "Scope")""";

        private const string FromAnnotation = """FROM "Annotations" a LEFT JOIN "Annotations" t ON t."Id" = COALESCE(a."ThreadId", a."Id")""";

        /// <summary>The rows of the annotations <paramref name="which"/> chooses (a condition on the row's "AnnotationId") worked out again.</summary>
        private static string Refresh(string which) => $"""
            UPDATE "AnnotationSearchRows" SET {Columns} = (SELECT {Facts} {FromAnnotation} WHERE a."Id" = "AnnotationSearchRows"."AnnotationId")
                WHERE {which};
            """;

        /// <summary>The replies of thread <paramref name="thread"/>, whose facts are partly their thread's.</summary>
        private static string RepliesOf(string thread) =>
            Refresh($"""
                "AnnotationId" IN (SELECT r."Id" FROM "Annotations" r WHERE r."ThreadId" = {thread}."Id")
                """);

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AnnotationSearch_Facts\";");
            migrationBuilder.Sql("DROP TRIGGER \"AnnotationSearch_Insert\";");
            migrationBuilder.Sql("""
                ALTER TABLE "AnnotationSearchRows" DROP COLUMN "Open";
                ALTER TABLE "AnnotationSearchRows" ADD COLUMN "ThreadAuthorId" TEXT NULL;
                ALTER TABLE "AnnotationSearchRows" ADD COLUMN "ThreadFormerGroupId" INTEGER NULL;
                ALTER TABLE "AnnotationSearchRows" ADD COLUMN "AddresseeId" TEXT NULL;
                ALTER TABLE "AnnotationSearchRows" ADD COLUMN "Scope" INTEGER NOT NULL DEFAULT 0;
                """);
            migrationBuilder.Sql(Refresh("1"));
            migrationBuilder.Sql($$"""
                CREATE TRIGGER "AnnotationSearch_Insert" AFTER INSERT ON "Annotations" BEGIN
                    INSERT INTO "AnnotationSearchRows" ("AnnotationId", {{Columns[1..^1]}}) SELECT new."Id", {{Facts}} {{FromAnnotation}} WHERE a."Id" = new."Id";
                    {{SearchOpenFacts.IndexEntry}}
                    {{RepliesOf("new")}}
                END;
                """);
            migrationBuilder.Sql($$"""
                CREATE TRIGGER "AnnotationSearch_Facts" AFTER UPDATE OF "Visibility", "AddresseeId", "ThreadId", "DocumentId", "Created", "AuthorId", "FormerAuthorGroupId"
                ON "Annotations" BEGIN
                    {{Refresh("\"AnnotationId\" = new.\"Id\"")}}
                    {{RepliesOf("new")}}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AnnotationSearch_Facts\";");
            migrationBuilder.Sql("DROP TRIGGER \"AnnotationSearch_Insert\";");
            migrationBuilder.Sql("""
                ALTER TABLE "AnnotationSearchRows" DROP COLUMN "Scope";
                ALTER TABLE "AnnotationSearchRows" DROP COLUMN "AddresseeId";
                ALTER TABLE "AnnotationSearchRows" DROP COLUMN "ThreadFormerGroupId";
                ALTER TABLE "AnnotationSearchRows" DROP COLUMN "ThreadAuthorId";
                ALTER TABLE "AnnotationSearchRows" ADD COLUMN "Open" INTEGER NOT NULL DEFAULT 0;
                """);
            migrationBuilder.Sql($"""
                UPDATE "AnnotationSearchRows" SET "Open" =
                    (SELECT {SearchOpenFacts.OpenOf("a")} FROM "Annotations" a WHERE a."Id" = "AnnotationSearchRows"."AnnotationId");
                """);
            migrationBuilder.Sql(SearchOpenFacts.Insert.Replace("{0}", SearchOpenFacts.OpenOf("new")).Replace("{1}", SearchOpenFacts.Replies("new")));
            migrationBuilder.Sql(SearchOpenFacts.FactsTrigger);
        }
    }
}
