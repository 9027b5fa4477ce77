using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerInterview.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
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
