using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Kits;

namespace PeerInterview.Web.Scoring;

/// <summary>Submitting (which locks the scorecard and opens the panel to its owner) and a manager's reopen-with-reason.</summary>
public sealed partial class ScorecardService
{
    public const string RateOrNotObserved = "Rate this question or mark it not observed.";
    public const string ExtremeNeedsEvidence = "A rating of 1 or 5 needs evidence in the notes.";
    public const string FlagNeedsEvidence = "A checked red flag needs evidence.";
    public const string ChooseRecommendation = "Choose an overall recommendation.";

    /// <summary>Submits the owner's scorecard, or lists everything missing keyed so the page can jump to it.</summary>
    public Task<Outcome<ScorecardView>> SubmitAsync(int id, string userId, CancellationToken ct = default) =>
        SqliteRetry.RunAsync(db, () => SubmitOnceAsync(id, userId, ct), ct);

    private async Task<Outcome<ScorecardView>> SubmitOnceAsync(int id, string userId, CancellationToken ct)
    {
        // Validation reads and the state change share one transaction, so no autosave lands between them.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var row = await db.Scorecards
                .Where(s => s.Id == id && s.InterviewerId == userId)
                .Select(s => new { Card = s, s.Interview!.CandidateId, s.Interview.KitVersionId, s.Interview.IsCancelled, Erased = s.Interview.Candidate!.ErasedAt != null })
                .FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return NotFound(id);
            }

            if (row.Erased)
            {
                return Erased;
            }

            var card = row.Card;
            if (card.State == ScorecardState.Submitted)
            {
                return Failure.Conflict("Already submitted", "This scorecard is already submitted.");
            }

            if (row.IsCancelled)
            {
                return Cancelled;
            }

            var guide = (await guides.BuildAsync(row.KitVersionId, ct))!;
            var errors = await MissingForSubmitAsync(card, guide, ct);
            if (errors.Count > 0)
            {
                return Failure.Invalid(errors);
            }

            var now = clock.GetUtcNow();
            var before = new { State = card.State.ToString() };
            if (card.StartedAt is null)
            {
                card.StartedAt = now;
                await MoveCandidateToInterviewingAsync(row.CandidateId, userId, ct);
            }

            card.State = ScorecardState.Submitted;
            card.SubmittedAt = now;
            card.UpdatedAt = now;
            card.Revision++;
            db.ScorecardEvents.Add(new ScorecardEvent { ScorecardId = id, At = now, UserId = userId, Kind = "submit", Recommendation = card.Recommendation });
            audit.Record(userId, "scorecard.submit", nameof(Scorecard), id, before, new
            {
                State = card.State.ToString(),
                Recommendation = card.Recommendation?.ToString(),
                card.InterviewId,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Failure.Conflict("Changed elsewhere", "The scorecard changed in another tab while submitting. Reload it and submit again.");
            }

            await tx.CommitAsync(ct);
        }

        return (await BuildViewAsync(id, withPanel: true, ct))!;
    }

    /// <summary>A hiring manager or admin reopens a submitted scorecard so its owner can correct it; audited with the reason.</summary>
    public async Task<Outcome<ReopenedScorecard>> ReopenAsync(int id, string? reason, string userId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Invalid("reason", "Say why the scorecard is being reopened.");
        }

        if (reason.Trim().Length > MaxReasonLength)
        {
            return Failure.Invalid("reason", $"The reason must be {MaxReasonLength:N0} characters or fewer.");
        }

        var card = await db.Scorecards.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (card is null)
        {
            return Failure.NotFound("Scorecard not found", $"There is no scorecard {id}.");
        }

        if (await db.Interviews.AnyAsync(i => i.Id == card.InterviewId && i.Candidate!.ErasedAt != null, ct))
        {
            return Erased;
        }

        if (card.State != ScorecardState.Submitted)
        {
            return Failure.Conflict("Not submitted", "Only a submitted scorecard can be reopened; this one is still open for its interviewer.");
        }

        // Reopening lets its owner change ratings after seeing the panel's: never on their own say.
        if (card.InterviewerId == userId)
        {
            return Failure.Conflict("Your own scorecard",
                "You cannot reopen your own scorecard: another hiring manager or an admin must reopen it, with the reason.");
        }

        var now = clock.GetUtcNow();
        var before = new { State = card.State.ToString(), card.SubmittedAt };
        card.State = ScorecardState.Reopened;
        card.ReopenReason = reason.Trim();
        card.SubmittedAt = null;
        card.UpdatedAt = now;
        card.Revision++;
        db.ScorecardEvents.Add(new ScorecardEvent { ScorecardId = id, At = now, UserId = userId, Kind = "reopen", Text = card.ReopenReason });
        audit.Record(userId, "scorecard.reopen", nameof(Scorecard), id, before, new { State = card.State.ToString(), ReasonLength = card.ReopenReason.Length, card.InterviewerId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Changed elsewhere", "The scorecard changed while reopening. Reload and try again.");
        }

        return new ReopenedScorecard(card.Id, card.State, card.ReopenReason, card.Revision);
    }

    private async Task<Dictionary<string, string[]>> MissingForSubmitAsync(Scorecard card, InterviewGuide guide, CancellationToken ct)
    {
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.ScorecardId == card.Id).ToDictionaryAsync(r => r.KitItemId, ct);
        var checks = ChecksByKey(await db.RedFlagChecks.AsNoTracking().Where(c => c.ScorecardId == card.Id).OrderBy(c => c.Id).ToListAsync(ct));
        var errors = new Dictionary<string, string[]>();
        var items = guide.Sections.SelectMany(s => s.Items).ToList();
        foreach (var item in items)
        {
            var rating = ratings.GetValueOrDefault(item.KitItemId);
            if (rating is null || (rating.Value is null && !rating.NotObserved))
            {
                errors[$"items.{item.KitItemId}"] = [RateOrNotObserved];
            }
            else if (rating.Value is RatingScale.Min or RatingScale.Max && string.IsNullOrWhiteSpace(rating.Evidence))
            {
                errors[$"items.{item.KitItemId}.notes"] = [ExtremeNeedsEvidence];
            }
        }

        // Only the version's flags (in kit order, then global) can block.
        var applicable = items.SelectMany(i => i.RedFlags).Select(f => f.Key).Concat(guide.GlobalFlags.Select(f => f.Key));
        foreach (var key in applicable)
        {
            if (checks.TryGetValue(key, out var check) && check.Checked && string.IsNullOrWhiteSpace(check.Evidence))
            {
                errors[$"redFlags.{key}.evidence"] = [FlagNeedsEvidence];
            }
        }

        if (card.Recommendation is null)
        {
            errors["recommendation"] = [ChooseRecommendation];
        }

        return errors;
    }
}

public sealed record ReopenedScorecard(int Id, ScorecardState State, string ReopenReason, int Version);
