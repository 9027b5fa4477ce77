using PeerInterview.Web.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Scoring;

/// <summary>Autosaved writes: one rating, one red-flag check, the recommendation and summary, the interviewer's position.</summary>
public sealed partial class ScorecardService
{
    private static readonly Failure ReadOnly = Failure.Conflict(
        "Submitted scorecards are read-only",
        "This scorecard has been submitted, so it can no longer change. A hiring manager can reopen it with a reason.");

    private static readonly Failure Cancelled = Failure.Conflict("Interview cancelled", "This interview was cancelled, so its scorecards can no longer change.");

    /// <summary>What a write needs to know about the owner's scorecard, read without tracking.</summary>
    private sealed record OwnScorecard(int Id, ScorecardState State, DateTimeOffset? StartedAt, int CandidateId, int KitVersionId, bool IsCancelled, bool CandidateErased);

    private static readonly Failure Erased = CandidateErasure.Refusal;

    // Each public write re-runs as a whole when SQLite stays locked past the busy timeout (see SqliteRetry).
    public Task<ScorecardWrite<SavedRating>> SaveRatingAsync(int id, int kitItemId, RatingInput input, string userId, CancellationToken ct = default) =>
        SqliteRetry.RunAsync(db, () => SaveRatingOnceAsync(id, kitItemId, input, userId, ct), ct);

    public Task<ScorecardWrite<SavedRedFlag>> SaveRedFlagAsync(int id, string key, RedFlagInput input, string userId, CancellationToken ct = default) =>
        SqliteRetry.RunAsync(db, () => SaveRedFlagOnceAsync(id, key, input, userId, ct), ct);

    public Task<ScorecardWrite<SavedSummary>> SaveSummaryAsync(int id, SummaryInput input, string userId, CancellationToken ct = default) =>
        SqliteRetry.RunAsync(db, () => SaveSummaryOnceAsync(id, input, userId, ct), ct);

    /// <summary>Records which item the interviewer is on, for the hiring manager's panel progress. Ignored once submitted.</summary>
    public Task<Failure?> SetPositionAsync(int id, int? kitItemId, string userId, CancellationToken ct = default) =>
        SqliteRetry.RunAsync(db, () => SetPositionOnceAsync(id, kitItemId, userId, ct), ct);

    private async Task<ScorecardWrite<SavedRating>> SaveRatingOnceAsync(int id, int kitItemId, RatingInput input, string userId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Value is < RatingScale.Min or > RatingScale.Max)
        {
            errors["value"] = [$"A rating is a whole number from {RatingScale.Min} to {RatingScale.Max}."];
        }
        else if (input.Value is not null && input.NotObserved)
        {
            errors["value"] = ["Choose a rating or mark the question not observed, not both."];
        }

        if (input.Notes?.Length > MaxNotesLength)
        {
            errors["notes"] = [$"Notes must be {MaxNotesLength:N0} characters or fewer."];
        }

        AddVersionError(input.Version, errors);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var card = await OwnAsync(id, userId, ct);
        if (WriteRefusal(id, card) is { } refusal)
        {
            return refusal;
        }

        if (!await db.KitItems.AnyAsync(i => i.Id == kitItemId && i.KitVersionId == card!.KitVersionId, ct))
        {
            return Failure.NotFound("Question not in this kit", $"Kit item {kitItemId} is not part of the kit version this interview uses.");
        }

        var rating = await db.Ratings.FirstOrDefaultAsync(r => r.ScorecardId == id && r.KitItemId == kitItemId, ct);
        if ((rating?.Version ?? 0) != input.Version)
        {
            return ScorecardWrite<SavedRating>.Stale(Saved(rating, kitItemId), "This rating");
        }

        var now = clock.GetUtcNow();
        var before = rating is null ? null : RatingSnapshot(rating);
        if (rating is null)
        {
            rating = new Rating { ScorecardId = id, KitItemId = kitItemId };
            db.Ratings.Add(rating);
        }

        rating.Value = input.Value;
        rating.NotObserved = input.NotObserved;
        rating.Evidence = string.IsNullOrEmpty(input.Notes) ? null : input.Notes;
        rating.UpdatedAt = now;
        rating.Version++;
        db.ScorecardEvents.Add(new ScorecardEvent
        {
            ScorecardId = id,
            At = now,
            UserId = userId,
            Kind = "rating",
            KitItemId = kitItemId,
            Value = rating.Value,
            NotObserved = rating.NotObserved,
            Text = rating.Evidence,
        });
        if (card!.State == ScorecardState.Reopened)
        {
            audit.Record(userId, "scorecard.rating", nameof(Scorecard), id, before, RatingSnapshot(rating));
        }

        try
        {
            if (await CommitAsync(card, userId, now, ct) is { } failure)
            {
                return failure;
            }
        }
        catch (DbUpdateException e) when (!SqliteRetry.IsTransient(e))
        {
            // Another tab saved this rating between our read and our write (the version token or the unique index noticed).
            db.ChangeTracker.Clear();
            var current = await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.ScorecardId == id && r.KitItemId == kitItemId, ct);
            return ScorecardWrite<SavedRating>.Stale(Saved(current, kitItemId), "This rating");
        }

        return Saved(rating, kitItemId);
    }

    private async Task<ScorecardWrite<SavedRedFlag>> SaveRedFlagOnceAsync(int id, string key, RedFlagInput input, string userId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Evidence?.Length > MaxEvidenceLength)
        {
            errors["evidence"] = [$"Evidence must be {MaxEvidenceLength:N0} characters or fewer."];
        }

        AddVersionError(input.Version, errors);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var card = await OwnAsync(id, userId, ct);
        if (WriteRefusal(id, card) is { } refusal)
        {
            return refusal;
        }

        if (await ResolveFlagAsync(key, card!.KitVersionId, ct) is not { } flag)
        {
            return Failure.NotFound("Red flag not on this scorecard", $"'{key}' is not a red flag of this interview's kit or a global red flag.");
        }

        var now = clock.GetUtcNow();

        // Read and write inside one transaction: red-flag checks have no unique index, and SQLite's write lock keeps
        // two first checks of the same flag from both inserting.
        await using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await WriteGate.LockScorecardAsync(db, id, ct);
        var check = await FindCheck(id, flag).FirstOrDefaultAsync(ct);
        if ((check?.Version ?? 0) != input.Version)
        {
            return ScorecardWrite<SavedRedFlag>.Stale(Saved(check, flag.Key), "This red flag");
        }

        var before = check is null ? null : RedFlagSnapshot(check, flag.Key);
        if (check is null)
        {
            check = new RedFlagCheck { ScorecardId = id, RedFlagId = flag.RedFlagId, KitItemRedFlagId = flag.KitItemRedFlagId, KitItemId = flag.KitItemId };
            db.RedFlagChecks.Add(check);
        }

        check.Checked = input.Checked;
        check.Evidence = string.IsNullOrEmpty(input.Evidence) ? null : input.Evidence;
        check.CheckedAt = now;
        check.Version++;
        db.ScorecardEvents.Add(new ScorecardEvent
        {
            ScorecardId = id,
            At = now,
            UserId = userId,
            Kind = "red-flag",
            KitItemId = flag.KitItemId,
            RedFlagId = flag.RedFlagId,
            KitItemRedFlagId = flag.KitItemRedFlagId,
            Checked = check.Checked,
            Text = check.Evidence,
        });
        if (card.State == ScorecardState.Reopened)
        {
            audit.Record(userId, "scorecard.red-flag", nameof(Scorecard), id, before, RedFlagSnapshot(check, flag.Key));
        }

        try
        {
            if (await TouchAsync(card, userId, now, ct) is { } failure)
            {
                return failure;
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (!SqliteRetry.IsTransient(e))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await FindCheck(id, flag).AsNoTracking().FirstOrDefaultAsync(ct);
            return ScorecardWrite<SavedRedFlag>.Stale(Saved(current, flag.Key), "This red flag");
        }

        return Saved(check, flag.Key);
    }

    private async Task<ScorecardWrite<SavedSummary>> SaveSummaryOnceAsync(int id, SummaryInput input, string userId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Recommendation? recommendation = null;
        if (!string.IsNullOrWhiteSpace(input.Recommendation))
        {
            if (EnumText.TryParse<Recommendation>(input.Recommendation, out var parsed))
            {
                recommendation = parsed;
            }
            else
            {
                errors["recommendation"] = ["Choose StrongNo, No, Yes or StrongYes (or null to clear it)."];
            }
        }

        if (input.Summary?.Length > MaxNotesLength)
        {
            errors["summary"] = [$"The summary must be {MaxNotesLength:N0} characters or fewer."];
        }

        AddVersionError(input.Version, errors);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var row = await db.Scorecards
            .Where(s => s.Id == id && s.InterviewerId == userId)
            .Select(s => new { Card = s, s.Interview!.CandidateId, s.Interview.KitVersionId, s.Interview.IsCancelled, Erased = s.Interview.Candidate!.ErasedAt != null })
            .FirstOrDefaultAsync(ct);
        var own = row is null ? null : new OwnScorecard(row.Card.Id, row.Card.State, row.Card.StartedAt, row.CandidateId, row.KitVersionId, row.IsCancelled, row.Erased);
        if (WriteRefusal(id, own) is { } refusal)
        {
            return refusal;
        }

        var card = row!.Card;
        if (card.Revision != input.Version)
        {
            return ScorecardWrite<SavedSummary>.Stale(new SavedSummary(card.Recommendation, card.Notes, card.Revision), "The recommendation and summary");
        }

        var now = clock.GetUtcNow();
        var before = SummarySnapshot(card);
        card.Recommendation = recommendation;
        card.Notes = string.IsNullOrEmpty(input.Summary) ? null : input.Summary;
        card.Revision++;
        card.UpdatedAt = now;
        card.StartedAt ??= now;
        db.ScorecardEvents.Add(new ScorecardEvent
        {
            ScorecardId = id,
            At = now,
            UserId = userId,
            Kind = "summary",
            Recommendation = card.Recommendation,
            Text = card.Notes,
        });
        if (card.State == ScorecardState.Reopened)
        {
            audit.Record(userId, "scorecard.summary", nameof(Scorecard), id, before, SummarySnapshot(card));
        }

        try
        {
            await using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (own!.StartedAt is null)
            {
                await MoveCandidateToInterviewingAsync(own.CandidateId, userId, ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Scorecards.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.State, s.Recommendation, s.Notes, s.Revision }).FirstAsync(ct);
            return current.State == ScorecardState.Submitted
                ? ReadOnly
                : ScorecardWrite<SavedSummary>.Stale(new SavedSummary(current.Recommendation, current.Notes, current.Revision), "The recommendation and summary");
        }

        return new SavedSummary(card.Recommendation, card.Notes, card.Revision);
    }

    private async Task<Failure?> SetPositionOnceAsync(int id, int? kitItemId, string userId, CancellationToken ct)
    {
        if (kitItemId is null)
        {
            return Failure.Invalid("kitItemId", "Say which kit item the interviewer is on.");
        }

        var card = await OwnAsync(id, userId, ct);
        if (card is null)
        {
            return NotFound(id);
        }

        if (card.CandidateErased)
        {
            return Erased;
        }

        if (!await db.KitItems.AnyAsync(i => i.Id == kitItemId && i.KitVersionId == card.KitVersionId, ct))
        {
            return Failure.NotFound("Question not in this kit", $"Kit item {kitItemId} is not part of the kit version this interview uses.");
        }

        await db.Scorecards
            .Where(s => s.Id == id && s.State != ScorecardState.Submitted)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CurrentKitItemId, kitItemId), ct);
        return null;
    }

    private Task<OwnScorecard?> OwnAsync(int id, string userId, CancellationToken ct) =>
        db.Scorecards.AsNoTracking()
            .Where(s => s.Id == id && s.InterviewerId == userId)
            .Select(s => new OwnScorecard(s.Id, s.State, s.StartedAt, s.Interview!.CandidateId, s.Interview.KitVersionId, s.Interview.IsCancelled, s.Interview.Candidate!.ErasedAt != null))
            .FirstOrDefaultAsync(ct);

    /// <summary>Only the owner writes, never about an erased candidate, never after submit, never on a cancelled interview.</summary>
    private static Failure? WriteRefusal(int id, OwnScorecard? card) =>
        card is null ? NotFound(id)
        : card.CandidateErased ? Erased
        : card.State == ScorecardState.Submitted ? ReadOnly
        : card.IsCancelled ? Cancelled
        : null;

    private static void AddVersionError(int? version, Dictionary<string, string[]> errors)
    {
        if (version is null or < 0)
        {
            errors["version"] = ["Send the version you last loaded (0 for something not saved yet)."];
        }
    }

    /// <summary>Saves a rating or red-flag change in one transaction with the scorecard's touch.</summary>
    private async Task<Failure?> CommitAsync(OwnScorecard card, string userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await TouchAsync(card, userId, now, ct) is { } failure)
        {
            return failure;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Bumps the scorecard's UpdatedAt (and StartedAt on the first write) set-based, so a rating save never conflicts
    /// with a summary save; refuses when the scorecard was submitted a moment ago.
    /// </summary>
    private async Task<Failure?> TouchAsync(OwnScorecard card, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var touched = await db.Scorecards
            .Where(s => s.Id == card.Id && s.State != ScorecardState.Submitted)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, now).SetProperty(s => s.StartedAt, s => s.StartedAt ?? now), ct);
        if (touched == 0)
        {
            return ReadOnly;
        }

        if (card.StartedAt is null)
        {
            await MoveCandidateToInterviewingAsync(card.CandidateId, userId, ct);
        }

        return null;
    }

    /// <summary>The first touch of a scorecard moves an applied candidate to interviewing (set-based, so only once).</summary>
    private async Task MoveCandidateToInterviewingAsync(int candidateId, string userId, CancellationToken ct)
    {
        var moved = await db.Candidates
            .Where(c => c.Id == candidateId && c.Stage == CandidateStage.Applied)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Stage, CandidateStage.Interviewing), ct);
        if (moved > 0)
        {
            audit.Record(userId, "candidate.stage", nameof(Candidate), candidateId,
                new { Stage = nameof(CandidateStage.Applied) }, new { Stage = nameof(CandidateStage.Interviewing) });
        }
    }

    private sealed record FlagTarget(string Key, int? RedFlagId, int? KitItemRedFlagId, int? KitItemId);

    /// <summary>The flag <paramref name="key"/> names, if the kit version froze it (an item's overrides replace its question's flags).</summary>
    private async Task<FlagTarget?> ResolveFlagAsync(string key, int versionId, CancellationToken ct)
    {
        if (key.Length < 2 || key[0] is not ('g' or 'q' or 'k') || !int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || key != $"{key[0]}{n}")
        {
            return null;
        }

        return await db.FrozenRedFlags.AsNoTracking()
            .Where(f => f.KitVersionId == versionId && f.Key == key)
            .Select(f => new FlagTarget(f.Key, f.RedFlagId, f.KitItemRedFlagId, f.KitItemId))
            .FirstOrDefaultAsync(ct);
    }

    private IQueryable<RedFlagCheck> FindCheck(int scorecardId, FlagTarget flag) =>
        flag.KitItemRedFlagId is { } k
            ? db.RedFlagChecks.Where(c => c.ScorecardId == scorecardId && c.KitItemRedFlagId == k).OrderBy(c => c.Id)
            : db.RedFlagChecks.Where(c => c.ScorecardId == scorecardId && c.RedFlagId == flag.RedFlagId && c.KitItemRedFlagId == null).OrderBy(c => c.Id);

    private static SavedRating Saved(Rating? rating, int kitItemId) =>
        rating is null ? new SavedRating(kitItemId, null, false, null, 0) : new SavedRating(kitItemId, rating.Value, rating.NotObserved, rating.Evidence, rating.Version);

    private static SavedRedFlag Saved(RedFlagCheck? check, string key) =>
        check is null ? new SavedRedFlag(key, false, null, 0) : new SavedRedFlag(key, check.Checked, check.Evidence, check.Version);

    // Audit snapshots carry ids and values; note text only as its length, never the words.
    private static object RatingSnapshot(Rating r) => new { r.KitItemId, r.Value, r.NotObserved, NotesLength = r.Evidence?.Length ?? 0, r.Version };

    private static object RedFlagSnapshot(RedFlagCheck c, string key) => new { Key = key, c.Checked, EvidenceLength = c.Evidence?.Length ?? 0, c.Version };

    private static object SummarySnapshot(Scorecard s) => new { Recommendation = s.Recommendation?.ToString(), SummaryLength = s.Notes?.Length ?? 0, s.Revision };
}
