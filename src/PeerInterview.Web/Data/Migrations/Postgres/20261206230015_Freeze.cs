using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PeerInterview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Freeze : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FrozenAt",
                table: "KitVersions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnchorExcellentSnapshot",
                table: "KitItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnchorMeetsSnapshot",
                table: "KitItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnchorPoorSnapshot",
                table: "KitItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GuidanceSnapshot",
                table: "KitItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "ListenForSnapshot",
                table: "KitItems",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PurposeSnapshot",
                table: "KitItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SecondaryCompetencyIdSnapshot",
                table: "KitItems",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FrozenCompetencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KitVersionId = table.Column<int>(type: "integer", nullable: false),
                    CompetencyId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    IsHurdle = table.Column<bool>(type: "boolean", nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrozenCompetencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrozenCompetencies_Competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "Competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FrozenCompetencies_KitVersions_KitVersionId",
                        column: x => x.KitVersionId,
                        principalTable: "KitVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrozenRedFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KitVersionId = table.Column<int>(type: "integer", nullable: false),
                    KitItemId = table.Column<int>(type: "integer", nullable: true),
                    Key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RedFlagId = table.Column<int>(type: "integer", nullable: true),
                    KitItemRedFlagId = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrozenRedFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrozenRedFlags_KitItems_KitItemId",
                        column: x => x.KitItemId,
                        principalTable: "KitItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FrozenRedFlags_KitVersions_KitVersionId",
                        column: x => x.KitVersionId,
                        principalTable: "KitVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KitItems_SecondaryCompetencyIdSnapshot",
                table: "KitItems",
                column: "SecondaryCompetencyIdSnapshot");

            migrationBuilder.CreateIndex(
                name: "IX_FrozenCompetencies_CompetencyId",
                table: "FrozenCompetencies",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_FrozenCompetencies_KitVersionId_CompetencyId",
                table: "FrozenCompetencies",
                columns: new[] { "KitVersionId", "CompetencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrozenRedFlags_KitItemId",
                table: "FrozenRedFlags",
                column: "KitItemId");

            migrationBuilder.CreateIndex(
                name: "IX_FrozenRedFlags_KitVersionId_Key",
                table: "FrozenRedFlags",
                columns: new[] { "KitVersionId", "Key" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_KitItems_Competencies_SecondaryCompetencyIdSnapshot",
                table: "KitItems",
                column: "SecondaryCompetencyIdSnapshot",
                principalTable: "Competencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_KitItems_Competencies_SecondaryCompetencyIdSnapshot",
                table: "KitItems");

            migrationBuilder.DropTable(
                name: "FrozenCompetencies");

            migrationBuilder.DropTable(
                name: "FrozenRedFlags");

            migrationBuilder.DropIndex(
                name: "IX_KitItems_SecondaryCompetencyIdSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "FrozenAt",
                table: "KitVersions");

            migrationBuilder.DropColumn(
                name: "AnchorExcellentSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "AnchorMeetsSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "AnchorPoorSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "GuidanceSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "ListenForSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "PurposeSnapshot",
                table: "KitItems");

            migrationBuilder.DropColumn(
                name: "SecondaryCompetencyIdSnapshot",
                table: "KitItems");
        }
    }
}
