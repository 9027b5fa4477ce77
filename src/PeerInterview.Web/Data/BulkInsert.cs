using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Data;

/// <summary>
/// Multi-row INSERTs for the one hot path that writes thousands of plain rows (a large import's provenance rows).
/// EF Core sends one command per row on SQLite; this sends one per chunk. Table and column names come from the EF
/// model and identifiers are quoted by the provider, so the SQL is the same on every provider.
/// </summary>
public static class BulkInsert
{
    private const int RowsPerCommand = 200;

    public static async Task QuestionSourcesAsync(AppDbContext db, IReadOnlyList<QuestionSource> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(QuestionSource))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var columns = string.Join(", ", new[]
        {
            nameof(QuestionSource.QuestionId), nameof(QuestionSource.SourceDocumentId), nameof(QuestionSource.LineStart),
            nameof(QuestionSource.LineEnd), nameof(QuestionSource.OriginalText),
        }.Select(Column));

        foreach (var chunk in rows.Chunk(RowsPerCommand))
        {
            var text = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
            var parameters = new List<object>(chunk.Length * 5);
            for (var i = 0; i < chunk.Length; i++)
            {
                var p = parameters.Count;
                text.Append(i == 0 ? "" : ", ").Append($"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}})");
                parameters.AddRange([chunk[i].QuestionId, chunk[i].SourceDocumentId, chunk[i].LineStart, chunk[i].LineEnd, (object?)SavedText.Clean(chunk[i].OriginalText) ?? DBNull.Value]);
            }

            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct);
        }
    }
}
