using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.People;

/// <summary>What erasing a candidate needs: an explicit confirmation and a reason (e.g. the request's reference).</summary>
public sealed record ErasureRequest(bool? Confirm, string? Reason);

/// <summary>The erased record: the label that replaces the name, and how many free-text fields were cleared.</summary>
public sealed record ErasureResult(int CandidateId, string PseudonymId, string Label, DateTimeOffset ErasedAt, ErasedCounts Cleared);

public sealed record ErasedCounts(int RatingEvidence, int RedFlagEvidence, int ScorecardSummaries, int SaveHistoryTexts, int RedFlagReviewReasons, int InterviewLocations, int AuditEntries);

/// <summary>
/// Erasure on request (HR, or an admin): removes the candidate's personal data — name, contact details and every free
/// text written about them — in one transaction, and keeps the scores under the pseudonymous id for programme analytics.
/// </summary>
public sealed class CandidateErasure(AppDbContext db, AuditLog audit, TimeProvider clock, ILogger<CandidateErasure> logger)
{
    public const int MaxReasonLength = 500;

    /// <summary>What an erased candidate's text fields say instead of what was written.</summary>
    public const string ErasedText = "(erased)";

    /// <summary>Free-text properties of audit snapshots about the candidate's record, cleared on erasure.</summary>
    private static readonly string[] FreeTextProperties = ["Reason", "Notes", "Evidence", "Summary", "Text", "Location", "Name", "Email", "Phone"];

    /// <summary>The answer (409) to every write that touches an erased candidate's interviews, scorecards or red flags.</summary>
    public static readonly Failure Refusal = Failure.Conflict(
        "Candidate erased",
        "This candidate's personal data was erased on request, so their interviews, scorecards and red flags can no longer change.");

    public static string Label(string pseudonymId) => $"Erased candidate {pseudonymId}";

    /// <summary>HR erases candidates on request (DESIGN.md); admins may too.</summary>
    public static bool MayErase(ClaimsPrincipal user) => user.IsInRole(Roles.HR) || user.IsInRole(Roles.Admin);

    public async Task<Outcome<ErasureResult>> EraseAsync(int id, ErasureRequest request, string? userId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Confirm != true)
        {
            errors["confirm"] = ["Confirm the erasure: the candidate's name, contact details and notes are removed for good."];
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors["reason"] = ["Say why the data is erased, for example the request's date or reference."];
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"The reason must be {MaxReasonLength:N0} characters or fewer."];
        }

        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Failure.NotFound("Candidate not found", $"There is no candidate {id}.");
        }

        if (candidate.ErasedAt is { } erasedAt)
        {
            return Failure.Conflict(
                "Already erased",
                $"This candidate's personal data was already erased on {erasedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}; there is nothing more to erase.");
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var personal = new[] { candidate.Name, candidate.Email, candidate.Phone }.OfType<string>().Where(v => v.Trim().Length >= 3).ToList();
        var label = Label(candidate.PseudonymId);
        var now = clock.GetUtcNow();

        // The scorecard write gate too, so no autosave interleaves with the erasure on SQLite.
        await using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Overwrite the old values on disk instead of leaving them in free pages of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete=ON;", ct);
        }

        candidate.Name = label;
        candidate.Email = null;
        candidate.Phone = null;
        candidate.ErasedAt = now;
        await db.SaveChangesAsync(ct);

        var interviews = db.Interviews.Where(i => i.CandidateId == id);
        var cards = db.Scorecards.Where(s => s.Interview!.CandidateId == id);
        var cleared = new ErasedCounts(
            RatingEvidence: await db.Ratings
                .Where(r => r.Evidence != null && cards.Any(s => s.Id == r.ScorecardId))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Evidence, (string?)null), ct),
            RedFlagEvidence: await db.RedFlagChecks
                .Where(c => c.Evidence != null && cards.Any(s => s.Id == c.ScorecardId))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Evidence, (string?)null), ct),
            ScorecardSummaries: await cards
                .Where(s => s.Notes != null || s.ReopenReason != null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Notes, (string?)null).SetProperty(s => s.ReopenReason, s => s.ReopenReason == null ? null : ErasedText), ct),
            SaveHistoryTexts: await db.ScorecardEvents
                .Where(e => e.Text != null && cards.Any(s => s.Id == e.ScorecardId))
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Text, (string?)null), ct),
            RedFlagReviewReasons: await db.RedFlagReviews
                .Where(r => r.CandidateId == id && r.Reason != ErasedText)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Reason, ErasedText), ct),
            InterviewLocations: await interviews
                .Where(i => i.Location != null)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Location, (string?)null), ct),
            AuditEntries: await ScrubAuditAsync(id, personal, label, ct));

        audit.Record(userId, "candidate.erase", nameof(Candidate), id, after: new
        {
            candidate.PseudonymId,
            Reason = Scrub(reason!, personal, label),
            Cleared = cleared,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await tx.DisposeAsync();
        await RemoveOldCopiesAsync(ct);
        return new ErasureResult(id, candidate.PseudonymId, label, now, cleared);
    }

    /// <summary>PostgreSQL: the tables whose rows the erasure rewrites, whose old row versions still hold the erased text.</summary>
    private static readonly string[] VacuumTouchedTables =
    [
        "VACUUM (FULL) \"Candidates\";", "VACUUM (FULL) \"Interviews\";", "VACUUM (FULL) \"Scorecards\";", "VACUUM (FULL) \"Ratings\";",
        "VACUUM (FULL) \"RedFlagChecks\";", "VACUUM (FULL) \"ScorecardEvents\";", "VACUUM (FULL) \"RedFlagReviews\";", "VACUUM (FULL) \"AuditEntries\";",
    ];

    /// <summary>
    /// After the erasure commits, removes the copies of the old values that the database keeps outside the live rows.
    /// SQLite: earlier autosaves leave old versions of a note in the free space of its page, and the WAL holds old page
    /// images, so VACUUM rewrites the file from the live rows only and a TRUNCATE checkpoint folds the WAL in and empties
    /// it (still inside the write gate, so no autosave lands in between). PostgreSQL: VACUUM FULL rewrites each touched
    /// table (and its TOAST data) without the dead row versions; what it cannot reach is in the README ("Personal data").
    /// A failure here is logged, not returned: the erasure itself has committed.
    /// </summary>
    private async Task RemoveOldCopiesAsync(CancellationToken ct)
    {
        try
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync(ct);
                try
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete=OFF;", ct);
                    await db.Database.ExecuteSqlRawAsync("VACUUM;", ct);
                    await using var checkpoint = db.Database.GetDbConnection().CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    await using var reader = await checkpoint.ExecuteReaderAsync(ct);
                    if (await reader.ReadAsync(ct) && reader.GetInt32(0) != 0)
                    {
                        logger.LogWarning("After an erasure the WAL could not be emptied: a reader held it past the busy timeout; the next checkpoint folds it in");
                    }
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            else
            {
                // One table at a time, so each exclusive lock lasts only as long as copying that table.
                foreach (var vacuum in VacuumTouchedTables)
                {
                    await db.Database.ExecuteSqlRawAsync(vacuum, ct);
                }
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "After an erasure the database could not remove old copies of the erased rows; run VACUUM when the database is quiet");
        }
    }

    /// <summary>
    /// Audit snapshots hold ids and values by design; still, clear free text in the entries about this candidate's record
    /// (a reopen reason, say) and replace their name or contact details wherever an entry quotes them.
    /// </summary>
    private async Task<int> ScrubAuditAsync(int candidateId, List<string> personal, string label, CancellationToken ct)
    {
        var candidateKey = candidateId.ToString(CultureInfo.InvariantCulture);
        var interviewKeys = (await db.Interviews.Where(i => i.CandidateId == candidateId).Select(i => i.Id).ToListAsync(ct))
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var cardKeys = (await db.Scorecards.Where(s => s.Interview!.CandidateId == candidateId).Select(s => s.Id).ToListAsync(ct))
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var reviewKeys = (await db.RedFlagReviews.Where(r => r.CandidateId == candidateId).Select(r => r.Id).ToListAsync(ct))
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var encoded = personal.Select(Encoded).ToList();

        var query = db.AuditEntries.Where(a =>
            (a.EntityType == nameof(Candidate) && a.EntityId == candidateKey)
            || (a.EntityType == nameof(Interview) && interviewKeys.Contains(a.EntityId))
            || (a.EntityType == nameof(Scorecard) && cardKeys.Contains(a.EntityId))
            || (a.EntityType == nameof(RedFlagReview) && reviewKeys.Contains(a.EntityId)));
        foreach (var value in encoded)
        {
            query = query.Union(db.AuditEntries.Where(a => (a.Before != null && a.Before.Contains(value)) || (a.After != null && a.After.Contains(value))));
        }

        var changed = 0;
        foreach (var entry in await query.ToListAsync(ct))
        {
            var ours = entry.EntityType switch
            {
                nameof(Candidate) => entry.EntityId == candidateKey,
                nameof(Interview) => interviewKeys.Contains(entry.EntityId),
                nameof(Scorecard) => cardKeys.Contains(entry.EntityId),
                nameof(RedFlagReview) => reviewKeys.Contains(entry.EntityId),
                _ => false,
            };
            var before = ScrubJson(entry.Before, ours, encoded, Encoded(label));
            var after = ScrubJson(entry.After, ours, encoded, Encoded(label));
            if (before != entry.Before || after != entry.After)
            {
                entry.Before = before;
                entry.After = after;
                changed++;
            }
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }

    private static string? ScrubJson(string? json, bool clearFreeText, List<string> encodedPersonal, string encodedLabel)
    {
        if (json is null)
        {
            return null;
        }

        var text = json;
        if (clearFreeText && JsonNode.Parse(json) is JsonObject snapshot)
        {
            var any = false;
            foreach (var property in FreeTextProperties)
            {
                if (snapshot.TryGetPropertyValue(property, out var value) && value is not null)
                {
                    snapshot[property] = ErasedText;
                    any = true;
                }
            }

            if (any)
            {
                text = snapshot.ToJsonString();
            }
        }

        foreach (var value in encodedPersonal)
        {
            text = text.Replace(value, encodedLabel, StringComparison.Ordinal);
        }

        return text == json ? json : text;
    }

    private static string Scrub(string text, List<string> personal, string label) =>
        personal.Aggregate(text, (current, value) => current.Replace(value, label, StringComparison.OrdinalIgnoreCase));

    /// <summary>A value as <see cref="AuditLog"/> writes it inside a JSON string (same escaping), without the quotes.</summary>
    private static string Encoded(string value) => JsonSerializer.Serialize(value)[1..^1];
}
