using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackDueDatesAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PostFirst",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "AddresseeId",
                table: "Annotations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttributedTo",
                table: "Annotations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Exemplary",
                table: "Annotations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Annotations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "Annotations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedById",
                table: "Annotations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackReads",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AnnotationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackReads", x => new { x.UserId, x.AnnotationId });
                    table.ForeignKey(
                        name: "FK_FeedbackReads_Annotations_AnnotationId",
                        column: x => x.AnnotationId,
                        principalTable: "Annotations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_AddresseeId",
                table: "Annotations",
                column: "AddresseeId");

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_DocumentId_AuthorId_ImportKey",
                table: "Annotations",
                columns: new[] { "DocumentId", "AuthorId", "ImportKey" },
                unique: true,
                filter: "\"ImportKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReads_AnnotationId",
                table: "FeedbackReads",
                column: "AnnotationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackReads");

            migrationBuilder.DropIndex(
                name: "IX_Annotations_AddresseeId",
                table: "Annotations");

            migrationBuilder.DropIndex(
                name: "IX_Annotations_DocumentId_AuthorId_ImportKey",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "PostFirst",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "AddresseeId",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "AttributedTo",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "Exemplary",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "ResolvedById",
                table: "Annotations");
        }
    }
}
