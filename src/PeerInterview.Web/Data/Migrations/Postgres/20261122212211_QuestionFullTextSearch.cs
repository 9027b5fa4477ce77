using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerInterview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuestionFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The PostgreSQL twin of SQLite's FTS5 index (unicode61, remove_diacritics): words without stemming or stop
            // words, accents folded, in a GIN expression index over Questions.SearchText. PostgreSQL keeps an expression
            // index in step with every write by itself, so no triggers. QuestionBank queries the same expression.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION peerinterview_search (COPY = pg_catalog.simple);");
            migrationBuilder.Sql("ALTER TEXT SEARCH CONFIGURATION peerinterview_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;");
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Questions_SearchWords" ON "Questions" USING GIN (to_tsvector('peerinterview_search', "SearchText"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Questions_SearchWords";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS peerinterview_search;");
        }
    }
}
