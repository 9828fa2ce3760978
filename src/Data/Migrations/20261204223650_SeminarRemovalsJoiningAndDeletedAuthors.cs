using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Migrations
{
    /// <inheritdoc />
    public partial class SeminarRemovalsJoiningAndDeletedAuthors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Annotations_AspNetUsers_AuthorId",
                table: "Annotations");

            migrationBuilder.AddColumn<bool>(
                name: "JoiningOpen",
                table: "Seminars",
                type: "INTEGER",
                nullable: false,
                // Seminars that exist already keep taking joins, as they did before joining could be closed.
                defaultValue: true);

            migrationBuilder.AlterColumn<string>(
                name: "AuthorId",
                table: "Annotations",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<int>(
                name: "FormerAuthorGroupId",
                table: "Annotations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SeminarRemovals",
                columns: table => new
                {
                    SeminarId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeminarRemovals", x => new { x.SeminarId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SeminarRemovals_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeminarRemovals_Seminars_SeminarId",
                        column: x => x.SeminarId,
                        principalTable: "Seminars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeminarRemovals_UserId",
                table: "SeminarRemovals",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Annotations_AspNetUsers_AuthorId",
                table: "Annotations",
                column: "AuthorId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Annotations_AspNetUsers_AuthorId",
                table: "Annotations");

            migrationBuilder.DropTable(
                name: "SeminarRemovals");

            migrationBuilder.DropColumn(
                name: "JoiningOpen",
                table: "Seminars");

            migrationBuilder.DropColumn(
                name: "FormerAuthorGroupId",
                table: "Annotations");

            migrationBuilder.AlterColumn<string>(
                name: "AuthorId",
                table: "Annotations",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Annotations_AspNetUsers_AuthorId",
                table: "Annotations",
                column: "AuthorId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
