using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerInterview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuestionFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An FTS5 index over Questions.SearchText (external content: the text lives once, in Questions), kept in
            // step by triggers so every write path, EF or set-based SQL, updates it.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "QuestionSearch" USING fts5("SearchText", content='Questions', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Questions_SearchInsert" AFTER INSERT ON "Questions" BEGIN
                    INSERT INTO "QuestionSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Questions_SearchDelete" AFTER DELETE ON "Questions" BEGIN
                    INSERT INTO "QuestionSearch"("QuestionSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Questions_SearchUpdate" AFTER UPDATE OF "SearchText" ON "Questions" BEGIN
                    INSERT INTO "QuestionSearch"("QuestionSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                    INSERT INTO "QuestionSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "QuestionSearch"("QuestionSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Questions_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Questions_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Questions_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "QuestionSearch";""");
        }
    }
}
