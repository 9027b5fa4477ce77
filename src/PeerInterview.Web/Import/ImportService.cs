using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Import;

/// <summary>Runs the importer and, unless it is a dry run, saves the document, questions, red flags and duplicate groups in one transaction.</summary>
public sealed class ImportService(AppDbContext db, QuestionDocumentImporter importer, AuditLog audit, TimeProvider clock)
{
    public async Task<ImportOutcome> ImportAsync(byte[] content, string fileName, bool dryRun, string? userId, CancellationToken ct = default)
    {
        var competencies = await db.Competencies.AsNoTracking()
            .Where(c => !c.IsRetired)
            .OrderBy(c => c.SortOrder)
            .Select(c => new { c.Id, c.Code, c.Name })
            .ToListAsync(ct);
        var parsed = importer.Parse(content, fileName, competencies.Select(c => new CompetencyRef(c.Code, c.Name)).ToList());

        var existing = await db.SourceDocuments.AsNoTracking()
            .Where(d => d.Sha256 == parsed.Sha256)
            .Select(d => new { d.Id, d.FileName })
            .FirstOrDefaultAsync(ct);

        if (dryRun || existing is not null)
        {
            return new ImportOutcome(parsed, existing?.Id, AlreadyImported: existing is not null);
        }

        var idByCode = competencies.ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var fallbackCompetency = competencies[0].Id;
        var now = clock.GetUtcNow();

        // Everything saved is new entities added once: scanning them for changes before each save only costs time.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveAsync(parsed, fileName, userId, idByCode, fallbackCompetency, now, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task<ImportOutcome> SaveAsync(ParsedDocument parsed, string fileName, string? userId, Dictionary<string, int> idByCode, int fallbackCompetency, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var document = new SourceDocument
        {
            FileName = Truncate(Path.GetFileName(fileName), TextLimits.FileName),
            Sha256 = parsed.Sha256,
            Format = parsed.Format,
            Encoding = parsed.Encoding,
            Title = Truncate(parsed.Title, TextLimits.DocumentTitle),
            ImportedAt = now,
            ImportedById = userId,
            QuestionCount = parsed.Questions.Count,
            RedFlagCount = parsed.GlobalRedFlags.Count + parsed.Questions.Sum(q => q.RedFlags.Count),
            Warnings = [.. parsed.Warnings],
        };
        db.SourceDocuments.Add(document);
        await db.SaveChangesAsync(ct);

        var questions = parsed.Questions.Select(p => ToQuestion(p, document.Id, idByCode.GetValueOrDefault(p.Competency, fallbackCompetency), now)).ToList();
        db.Questions.AddRange(questions);
        db.RedFlags.AddRange(parsed.GlobalRedFlags.Select(f => new RedFlag { Text = Truncate(f.Text, TextLimits.RedFlagText), Severity = f.Severity, SourceDocumentId = document.Id }));
        await db.SaveChangesAsync(ct);
        await BulkInsert.QuestionSourcesAsync(db, questions.Zip(parsed.Questions, (q, p) => new QuestionSource
        {
            QuestionId = q.Id,
            SourceDocumentId = document.Id,
            LineStart = p.LineStart,
            LineEnd = p.LineEnd,
            OriginalText = Truncate(p.Text, TextLimits.QuestionText),
        }).ToList(), ct);

        await GroupNearDuplicatesAsync(questions, now, ct);
        audit.Record(userId, "import", nameof(SourceDocument), document.Id, after: new { document.FileName, document.Sha256, document.QuestionCount });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        return new ImportOutcome(parsed, document.Id, AlreadyImported: false);
    }

    private static Question ToQuestion(ParsedQuestion p, int documentId, int competencyId, DateTimeOffset now)
    {
        var question = new Question
        {
            Text = Truncate(p.Text, TextLimits.QuestionText),
            TitleInferred = p.TitleInferred,
            Purpose = p.Purpose,
            Guidance = p.Guidance,
            GuidanceTips = [.. p.GuidanceTips],
            SampleAnswer = p.SampleAnswer,
            Type = p.Type,
            Topic = p.Topic is null ? null : Truncate(p.Topic, TextLimits.Topic),
            Section = p.Section is null ? null : Truncate(p.Section, TextLimits.Section),
            CompetencyId = competencyId,
            CompetencyReason = Truncate(p.CompetencyReason, TextLimits.CompetencyReason),
            Status = p.TitleInferred ? QuestionStatus.NeedsReview : QuestionStatus.Active,
            LintWarnings = [.. p.LintWarnings.Select(w => w.Reason)],
            HasLintWarning = p.LintWarnings.Count > 0,
            CreatedAt = now,
            UpdatedAt = now,
            RedFlags = [.. p.RedFlags.Select(f => new RedFlag { Text = Truncate(f.Text, TextLimits.RedFlagText), Severity = f.Severity, SourceDocumentId = documentId })],
        };
        question.RefreshSearchText();
        return question;
    }

    /// <summary>Groups the new questions with near-duplicates already in the bank (or among themselves), joining existing groups.</summary>
    private async Task GroupNearDuplicatesAsync(List<Question> added, DateTimeOffset now, CancellationToken ct)
    {
        var bank = await db.Questions.AsNoTracking()
            .Where(q => q.Status != QuestionStatus.Archived)
            .Select(q => new { q.Id, q.Text, q.DuplicateGroupId })
            .ToListAsync(ct);
        var addedIds = added.Select(q => q.Id).ToHashSet();
        var groups = NearDuplicateFinder.FindGroups(bank.Select(q => (q.Id, q.Text)).ToList());

        var groupOf = bank.ToDictionary(q => q.Id, q => q.DuplicateGroupId);
        foreach (var members in groups.Where(g => g.Any(addedIds.Contains)))
        {
            var groupId = members.Select(id => groupOf[id]).FirstOrDefault(g => g is not null);
            if (groupId is null)
            {
                var group = new DuplicateGroup { CreatedAt = now };
                db.DuplicateGroups.Add(group);
                await db.SaveChangesAsync(ct);
                groupId = group.Id;
            }

            var ids = members.ToList();
            await db.Questions.Where(q => ids.Contains(q.Id)).ExecuteUpdateAsync(s => s.SetProperty(q => q.DuplicateGroupId, groupId), ct);
        }
    }

    /// <summary>Cut to the column's length, never through a surrogate pair (the parser has already warned about it).</summary>
    private static string Truncate(string s, int max) =>
        s.Length <= max ? s : s[..(char.IsHighSurrogate(s[max - 1]) ? max - 1 : max)];
}

/// <summary>What an import produced; <see cref="DocumentId"/> is set when saved (or already present).</summary>
public sealed record ImportOutcome(ParsedDocument Document, int? DocumentId, bool AlreadyImported);
