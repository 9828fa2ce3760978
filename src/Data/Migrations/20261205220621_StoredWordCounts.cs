using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Annotate.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredWordCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WordCount",
                table: "Annotations",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WordCount",
                table: "Annotations");
        }
    }
}
