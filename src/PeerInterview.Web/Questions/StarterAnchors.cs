using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Web.Questions;

/// <summary>
/// The starter anchors and listen-for lists shipped for the seeded bank (<c>seed-data/starter-anchors.json</c>), keyed
/// by the source document's SHA-256 and the question's first line in it (with its original text as a second key), so
/// they find their question after any fresh import. Applied at first start to the documents just seeded; offered, never
/// forced, to an existing bank, and only ever to questions that have no anchors: nothing a person wrote is overwritten.
/// Applied sets are "starter" (<see cref="Question.AnchorsReviewed"/> false) until a hiring manager accepts or edits them.
/// </summary>
public sealed class StarterAnchors(AppDbContext db, AuditLog audit, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment)
{
    public const string FileName = "starter-anchors.json";

    public sealed record Entry(string Document, string? File, int Line, string Text, string Poor, string Meets, string Excellent, IReadOnlyList<string> ListenFor);

    private sealed record Shape(IReadOnlyList<Entry>? Questions);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Entry> Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<Shape>(File.ReadAllText(path), Json)?.Questions ?? [] : [];

    public IReadOnlyList<Entry> Load() =>
        SeedFolder.Find(configuration, environment) is { } folder ? Load(Path.Combine(folder, FileName)) : [];

    /// <summary>How many questions in the bank have no anchors and a starter set waiting for them.</summary>
    public async Task<int> OfferCountAsync(CancellationToken ct = default) => (await MatchAsync(Load(), null, ct)).Count;

    /// <summary>
    /// Fills anchors and listen-for points of every question without anchors that a starter set matches (only questions
    /// from <paramref name="documents"/> when given), in one transaction with one audit entry; returns how many.
    /// </summary>
    public async Task<int> ApplyAsync(string? userId, IReadOnlyCollection<string>? documents = null, CancellationToken ct = default)
    {
        var entries = Load();
        if (entries.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var matches = await MatchAsync(entries, documents, ct);
        if (matches.Count == 0)
        {
            return 0;
        }

        var ids = matches.Keys.ToList();
        var questions = await db.Questions.Where(q => ids.Contains(q.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var question in questions)
        {
            var entry = matches[question.Id];
            question.AnchorPoor = entry.Poor;
            question.AnchorMeets = entry.Meets;
            question.AnchorExcellent = entry.Excellent;
            if (question.ListenFor.Count == 0)
            {
                question.ListenFor = [.. entry.ListenFor];
            }

            question.AnchorsReviewed = false;
            question.UpdatedAt = now;
            question.Version++;
        }

        audit.Record(userId, "question.starter-anchors", "QuestionBank", "bank", after: new { questions = questions.Count, ids });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return questions.Count;
    }

    private async Task<Dictionary<int, Entry>> MatchAsync(IReadOnlyList<Entry> entries, IReadOnlyCollection<string>? documents, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var shas = entries.Select(e => e.Document).Distinct().Where(d => documents is null || documents.Contains(d)).ToList();
        var candidates = await db.QuestionSources.AsNoTracking()
            .Where(s => shas.Contains(s.SourceDocument!.Sha256))
            .Join(db.Questions.Where(q => q.Status != QuestionStatus.Archived
                    && (q.AnchorPoor == null || q.AnchorPoor == "") && (q.AnchorMeets == null || q.AnchorMeets == "") && (q.AnchorExcellent == null || q.AnchorExcellent == "")),
                s => s.QuestionId, q => q.Id, (s, q) => new { q.Id, s.SourceDocument!.Sha256, s.LineStart, s.OriginalText })
            .ToListAsync(ct);

        var byLine = entries.ToLookup(e => (e.Document, e.Line));
        var byText = entries.ToLookup(e => (e.Document, Normalise(e.Text)));
        var matches = new Dictionary<int, Entry>();
        foreach (var c in candidates.OrderBy(c => c.Id))
        {
            // The line is the key; the text must agree, so a re-parse that moved questions never attaches the wrong set.
            var entry = byLine[(c.Sha256, c.LineStart)].FirstOrDefault(e => Normalise(e.Text) == Normalise(c.OriginalText))
                ?? byText[(c.Sha256, Normalise(c.OriginalText))].FirstOrDefault();
            if (entry is not null)
            {
                matches.TryAdd(c.Id, entry);
            }
        }

        return matches;
    }

    /// <summary>Lower case, letters and digits only, curly quotes and spacing ignored.</summary>
    public static string Normalise(string text) =>
        string.Concat(text.ToLowerInvariant().Where(char.IsLetterOrDigit));
}
