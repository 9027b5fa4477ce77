using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerInterview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Anchors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AnchorsReviewed",
                table: "Questions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ListenFor",
                table: "Questions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "AnchorSourceSnapshot",
                table: "KitItems",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetencyAnchorExcellentSnapshot",
                table: "KitItems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetencyAnchorMeetsSnapshot",
                table: "KitItems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetencyAnchorPoorSnapshot",
                table: "KitItems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnchorExcellent",
                table: "Competencies",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnchorMeets",
                table: "Competencies",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnchorPoor",
                table: "Competencies",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            // Anchors that existed before this migration were written by a person: they count as reviewed, not starter.
            migrationBuilder.Sql("UPDATE \"Questions\" SET \"AnchorsReviewed\" = 1 WHERE COALESCE(TRIM(\"AnchorPoor\"), '') <> '' OR COALESCE(TRIM(\"AnchorMeets\"), '') <> '' OR COALESCE(TRIM(\"AnchorExcellent\"), '') <> ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnchorsReviewed",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "ListenFor",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "AnchorSourceSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "CompetencyAnchorExcellentSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "CompetencyAnchorMeetsSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "CompetencyAnchorPoorSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "AnchorExcellent",
                table: "Competencies");

            migrationBuilder.DropColumn(
                name: "AnchorMeets",
                table: "Competencies");

            migrationBuilder.DropColumn(
                name: "AnchorPoor",
                table: "Competencies");
        }
    }
}
