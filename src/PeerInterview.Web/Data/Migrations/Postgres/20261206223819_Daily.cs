using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerInterview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Daily : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "KeyboardShortcutsOff",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeyboardShortcutsOff",
                table: "AspNetUsers");
        }
    }
}
