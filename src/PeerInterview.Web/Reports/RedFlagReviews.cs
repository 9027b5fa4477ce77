using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Reports;

/// <summary>
/// A hiring manager confirms or dismisses a knock-out that one rater checked (two raters confirm it by themselves).
/// The decision is a row of its own with a reason, audited; the latest decision counts, earlier ones stay as history.
/// </summary>
public sealed class RedFlagReviews(AppDbContext db, ReportBuilder reports, AuditLog audit, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public async Task<Outcome<ReviewedFlag>> DecideAsync(int candidateId, string flagKey, RedFlagDecision decision, string? reason, string userId, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Failure.Invalid("reason", decision == RedFlagDecision.Confirmed
                ? "Say why you confirm this knock-out: it decides the band."
                : "Say why you dismiss this knock-out: the report shows your reason.");
        }

        if (reason.Length > MaxReasonLength)
        {
            return Failure.Invalid("reason", $"Keep the reason under {MaxReasonLength} characters.");
        }

        var report = await reports.ForCandidateAsync(candidateId, ct);
        if (report is null)
        {
            return Failure.NotFound("Candidate not found", $"There is no candidate {candidateId}.");
        }

        if (report.IsErased)
        {
            return Failure.Conflict("Candidate erased", "This candidate's personal data was erased; their report can no longer be changed.");
        }

        // Checked before the flag is looked up, so a blind reviewer learns nothing of what the panel checked.
        if (report.Interview is { } interview && await BlindRule.HiddenInterviews(db, userId).ContainsAsync(interview.InterviewId, ct))
        {
            return Failure.Conflict("Submit your scorecard first",
                $"{BlindRule.Message} Until then another hiring manager or an admin can review this candidate's knock-outs.");
        }

        var key = await NormaliseKeyAsync(flagKey, ct);
        var flag = report.Result.Flags.FirstOrDefault(f => f.Key == key);
        if (flag is null)
        {
            return Failure.NotFound("Red flag not raised", $"No submitted scorecard for this candidate checked red flag {flagKey}.");
        }

        if (flag.Severity != RedFlagSeverity.KnockOut)
        {
            return Failure.Invalid("redFlagId", "Only knock-outs are confirmed or dismissed; a concern counts as it is.");
        }

        // A reviewer never turns their own check into a confirmed knock-out, nor withdraws it on their own say.
        if (flag.CheckedBy.Any(c => c.RaterId == userId))
        {
            return Failure.Conflict("You checked this knock-out yourself",
                $"You cannot {(decision == RedFlagDecision.Confirmed ? "confirm" : "dismiss")} a knock-out you checked yourself: another hiring manager or an admin must review it.");
        }

        if (flag.CheckedBy.Count >= 2)
        {
            return Failure.Conflict("Already confirmed", $"{flag.CheckedBy.Count} raters checked this knock-out, which confirms it; a dismissal cannot override the panel.");
        }

        if (flag.Review?.Decision == decision)
        {
            return Failure.Conflict("Already decided", $"This knock-out is already {(decision == RedFlagDecision.Confirmed ? "confirmed" : "dismissed")}.");
        }

        var review = new RedFlagReview
        {
            CandidateId = candidateId,
            RedFlagId = key[0] is 'g' or 'q' ? int.Parse(key[1..], System.Globalization.CultureInfo.InvariantCulture) : null,
            KitItemRedFlagId = key[0] == 'k' ? int.Parse(key[1..], System.Globalization.CultureInfo.InvariantCulture) : null,
            Decision = decision,
            Reason = reason,
            ReviewedById = userId,
            ReviewedAt = clock.GetUtcNow(),
        };
        db.RedFlagReviews.Add(review);
        audit.Record(userId, decision == RedFlagDecision.Confirmed ? "red-flag.confirm" : "red-flag.dismiss", nameof(Candidate), candidateId,
            new { Key = key, Status = flag.Status.ToString(), Band = report.Result.Band.ToString() },
            new { Key = key, Decision = decision.ToString(), ReasonLength = reason.Length });
        await db.SaveChangesAsync(ct);

        var after = await reports.ForCandidateAsync(candidateId, ct);
        var outcome = after!.Result.Flags.Single(f => f.Key == key);
        return new ReviewedFlag(key, outcome.Text, outcome.Status, after.Result.Band, after.Result.Band.Text(), after.Result.Reason, after.Result.NeedsReview);
    }

    /// <summary>Accepts the scorecard's keys (g12, q34, k5) or a bare red-flag id (a global or question flag).</summary>
    private async Task<string> NormaliseKeyAsync(string flagKey, CancellationToken ct)
    {
        flagKey = flagKey.Trim().ToLowerInvariant();
        if (!int.TryParse(flagKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return flagKey;
        }

        var questionId = await db.RedFlags.Where(f => f.Id == id).Select(f => (int?)f.QuestionId ?? 0).FirstOrDefaultAsync(ct);
        return questionId > 0 ? $"q{id}" : $"g{id}";
    }
}

public sealed record ReviewedFlag(string Key, string Text, FlagStatus Status, Band Band, string BandText, string Reason, bool NeedsReview);
