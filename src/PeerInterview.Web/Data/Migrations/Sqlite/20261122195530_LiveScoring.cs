using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerInterview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CurrentKitItemId",
                table: "Scorecards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenReason",
                table: "Scorecards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartedAt",
                table: "Scorecards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Checked",
                table: "RedFlagChecks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RedFlagChecks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Ratings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ScorecardEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScorecardId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KitItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    RedFlagId = table.Column<int>(type: "INTEGER", nullable: true),
                    KitItemRedFlagId = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<int>(type: "INTEGER", nullable: true),
                    NotObserved = table.Column<bool>(type: "INTEGER", nullable: true),
                    Checked = table.Column<bool>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScorecardEvents_Scorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "Scorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardEvents_ScorecardId_Id",
                table: "ScorecardEvents",
                columns: new[] { "ScorecardId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScorecardEvents");

            migrationBuilder.DropColumn(
                name: "CurrentKitItemId",
                table: "Scorecards");

            migrationBuilder.DropColumn(
                name: "ReopenReason",
                table: "Scorecards");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "Scorecards");

            migrationBuilder.DropColumn(
                name: "Checked",
                table: "RedFlagChecks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RedFlagChecks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Ratings");
        }
    }
}
