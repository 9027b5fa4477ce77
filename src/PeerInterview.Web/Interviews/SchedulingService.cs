using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Interviews;

/// <summary>
/// Schedules interviews and changes their panels. Each action's writes and its audit entries commit in one
/// transaction; validation messages are the same for the pages and the API.
/// </summary>
public sealed class SchedulingService(AppDbContext db, InterviewQueries queries, StaffDirectory staff, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<InterviewDetail>> ScheduleAsync(ScheduleCommand command, string? userId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        RequestLimits.CheckList(command.InterviewerIds, "interviewerIds", errors);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors); // before any database work
        }

        var candidate = await ValidateCandidateAsync(command.CandidateId, errors, ct);
        var version = await ValidateKitVersionAsync(command.KitVersionId, errors, ct);
        if (command.ScheduledAt is null)
        {
            errors["scheduledAt"] = ["Choose the date and time of the interview."];
        }
        else if (RequestLimits.DateOutsideWindow(command.ScheduledAt.Value, clock.GetUtcNow()) is { } outside)
        {
            errors["scheduledAt"] = [outside];
        }

        if (command.Location?.Trim().Length > 200)
        {
            errors["location"] = ["The location must be 200 characters or fewer."];
        }

        var interviewerIds = await ValidateInterviewersAsync(command.InterviewerIds, "interviewerIds", errors, ct);
        if (candidate?.ErasedAt is not null)
        {
            // A conflict, not a field error: no change to the request can make it right.
            return CandidateErasure.Refusal;
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var interview = new Interview
        {
            CandidateId = candidate!.Id,
            KitVersionId = version!.Id,
            ScheduledAt = command.ScheduledAt!.Value.ToUniversalTime(),
            Location = PositionService.Blank(command.Location),
            CreatedAt = clock.GetUtcNow(),
            CreatedById = userId,
            Scorecards = [.. interviewerIds.Select(id => NewScorecard(id))],
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Interviews.Add(interview);
        await db.SaveChangesAsync(ct);
        audit.Record(userId, "interview.schedule", nameof(Interview), interview.Id, after: new
        {
            interview.CandidateId,
            interview.KitVersionId,
            interview.ScheduledAt,
            InterviewerIds = interviewerIds,
        });

        // Set-based so two interviews scheduled at once move the candidate (and audit it) only once.
        var moved = await db.Candidates
            .Where(c => c.Id == candidate.Id && c.Stage == CandidateStage.Applied)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Stage, CandidateStage.Interviewing), ct);
        if (moved > 0)
        {
            audit.Record(userId, "candidate.stage", nameof(Candidate), candidate.Id, new { Stage = nameof(CandidateStage.Applied) }, new { Stage = nameof(CandidateStage.Interviewing) });
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var created = (await queries.GetAsync(interview.Id, ct: ct))!;
        var clashes = await ClashesAsync(interview, version.TargetMinutes, ct);
        return created with { Warnings = [.. created.Warnings, .. clashes] };
    }

    public async Task<Outcome<InterviewDetail>> AddInterviewerAsync(int interviewId, string? interviewerId, string? userId, CancellationToken ct = default)
    {
        var interview = await db.Interviews.Include(i => i.Scorecards).FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
        {
            return NotFound(interviewId);
        }

        if (await IsErasedAsync(interview.CandidateId, ct))
        {
            return CandidateErasure.Refusal;
        }

        if (interview.IsCancelled)
        {
            return Failure.Conflict("Interview cancelled", "This interview was cancelled; its panel can no longer change.");
        }

        // Someone joining after a scorecard is in could read the panel's ratings before rating; a replacement is a new round.
        if (interview.Scorecards.Any(s => s.State is ScorecardState.Submitted or ScorecardState.Reopened))
        {
            return Failure.Conflict("Panel closed",
                "A scorecard of this interview has been submitted, so nobody can join its panel now. Schedule a replacement interviewer as a new round.");
        }

        var errors = new Dictionary<string, string[]>();
        var ids = await ValidateInterviewersAsync(interviewerId is null ? null : [interviewerId], "interviewerId", errors, ct);
        if (errors.Count == 0 && interview.Scorecards.Any(s => s.InterviewerId == ids[0]))
        {
            errors["interviewerId"] = ["This interviewer is already on the panel."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var before = interview.Scorecards.Select(s => s.InterviewerId).Order(StringComparer.Ordinal).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        interview.Scorecards.Add(NewScorecard(ids[0]));
        audit.Record(userId, "interview.interviewer.add", nameof(Interview), interview.Id,
            new { InterviewerIds = before }, new { InterviewerIds = before.Append(ids[0]).Order(StringComparer.Ordinal).ToList(), Added = ids[0] });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (interview, interviewer) index: someone added the same person a moment ago.
            return Failure.Conflict("Already on the panel", "This interviewer was just added by someone else. Reload the interview.");
        }

        await tx.CommitAsync(ct);
        return (await queries.GetAsync(interviewId, ct: ct))!;
    }

    public async Task<Outcome<InterviewDetail>> RemoveInterviewerAsync(int interviewId, string interviewerId, string? userId, CancellationToken ct = default)
    {
        var interview = await queries.GetAsync(interviewId, ct: ct);
        if (interview is null)
        {
            return NotFound(interviewId);
        }

        if (await IsErasedAsync(interview.CandidateId, ct))
        {
            return CandidateErasure.Refusal;
        }

        var scorecard = interview.Scorecards.FirstOrDefault(s => s.InterviewerId == interviewerId);
        if (scorecard is null)
        {
            return Failure.NotFound("Not on the panel", "That interviewer is not on this interview's panel.");
        }

        if (interview.IsCancelled)
        {
            return Failure.Conflict("Interview cancelled", "This interview was cancelled; its panel can no longer change.");
        }

        if (!scorecard.Removable)
        {
            return Failure.Conflict(
                "Scoring has started",
                $"{scorecard.InterviewerName} has already recorded ratings or red flags (scorecard {EnumText.Words(scorecard.State)}), so they cannot be removed from the panel.");
        }

        if (interview.Scorecards.Count == 1)
        {
            return Failure.Conflict("Last interviewer", "An interview needs at least one interviewer. Add someone else first, or cancel the interview.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Re-checked in the delete itself, so a rating saved a moment ago is never thrown away.
        var deleted = await db.Scorecards
            .Where(s => s.Id == scorecard.Id && s.State == ScorecardState.Draft && s.Ratings.Count == 0 && s.RedFlagChecks.Count == 0)
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return Failure.Conflict("Scoring has started", $"{scorecard.InterviewerName} started scoring just now, so they cannot be removed from the panel.");
        }

        var before = interview.Scorecards.Select(s => s.InterviewerId).Order(StringComparer.Ordinal).ToList();
        audit.Record(userId, "interview.interviewer.remove", nameof(Interview), interviewId,
            new { InterviewerIds = before }, new { InterviewerIds = before.Where(id => id != interviewerId).ToList(), Removed = interviewerId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await queries.GetAsync(interviewId, ct: ct))!;
    }

    public async Task<Outcome<InterviewDetail>> CancelAsync(int interviewId, string? userId, CancellationToken ct = default)
    {
        var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
        {
            return NotFound(interviewId);
        }

        if (await IsErasedAsync(interview.CandidateId, ct))
        {
            return CandidateErasure.Refusal;
        }

        if (!interview.IsCancelled)
        {
            if (await db.Scorecards.AnyAsync(s => s.InterviewId == interviewId && s.State != ScorecardState.Draft, ct))
            {
                return Failure.Conflict("Interview already scored", "At least one scorecard has been submitted, so this interview took place and cannot be cancelled.");
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            interview.IsCancelled = true;
            audit.Record(userId, "interview.cancel", nameof(Interview), interviewId, new { IsCancelled = false }, new { IsCancelled = true });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return (await queries.GetAsync(interviewId, ct: ct))!;
    }

    private static Failure NotFound(int id) => Failure.NotFound("Interview not found", $"There is no interview {id}.");

    private Task<bool> IsErasedAsync(int candidateId, CancellationToken ct) =>
        db.Candidates.AnyAsync(c => c.Id == candidateId && c.ErasedAt != null, ct);

    private Scorecard NewScorecard(string interviewerId) =>
        new() { InterviewerId = interviewerId, State = ScorecardState.Draft, UpdatedAt = clock.GetUtcNow() };

    private async Task<Candidate?> ValidateCandidateAsync(int? candidateId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (candidateId is not { } id)
        {
            errors["candidateId"] = ["Choose the candidate to interview."];
            return null;
        }

        var candidate = await db.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            errors["candidateId"] = [$"There is no candidate {id}."];
        }
        else if (candidate.ErasedAt is null && StageText.IsClosed(candidate.Stage))
        {
            errors["candidateId"] = [$"The candidate's stage is {StageText.Label(candidate.Stage)}. Move them back to an open stage before scheduling another interview."];
        }

        return candidate;
    }

    private async Task<KitVersion?> ValidateKitVersionAsync(int? kitVersionId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (kitVersionId is not { } id)
        {
            errors["kitVersionId"] = ["Choose the published kit version to interview with."];
            return null;
        }

        var version = await db.KitVersions.AsNoTracking().Include(v => v.Kit).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (version is null)
        {
            errors["kitVersionId"] = [$"There is no kit version {id}."];
        }
        else if (version.Status != KitStatus.Published)
        {
            errors["kitVersionId"] = [$"Version {version.Number} of “{version.Kit!.Name}” is {EnumText.Words(version.Status)}. Interviews use published kit versions only."];
        }
        else if (version.Kit!.IsRetired)
        {
            errors["kitVersionId"] = [$"The kit “{version.Kit.Name}” is retired. Choose a kit that is in use."];
        }

        return version;
    }

    /// <summary>Checks ids are present, distinct, and belong to users who may interview; returns them trimmed.</summary>
    private async Task<List<string>> ValidateInterviewersAsync(IReadOnlyList<string>? ids, string key, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var trimmed = (ids ?? []).Select(id => id?.Trim() ?? "").ToList();
        if (trimmed.Count == 0)
        {
            errors[key] = ["Choose at least one interviewer; two or more are needed for a complete report."];
            return trimmed;
        }

        if (trimmed.Any(id => id.Length == 0))
        {
            errors[key] = ["Interviewer ids cannot be blank."];
            return trimmed;
        }

        var duplicates = trimmed.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            var names = await staff.NamesAsync(duplicates, ct);
            errors[key] = [$"Each interviewer can be on the panel only once; listed twice: {string.Join(", ", duplicates.Select(d => names.GetValueOrDefault(d, d)))}."];
            return trimmed;
        }

        var eligible = (await staff.InRolesAsync(StaffDirectory.InterviewerRoles, trimmed, ct)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var rejected = trimmed.Where(id => !eligible.Contains(id)).ToList();
        if (rejected.Count > 0)
        {
            var known = await staff.NamesAsync(rejected, ct);
            var unknown = rejected.Where(id => !known.ContainsKey(id)).ToList();
            var messages = new List<string>();
            if (unknown.Count > 0)
            {
                messages.Add($"No user has the id {string.Join(", ", unknown)}.");
            }

            if (known.Count > 0)
            {
                messages.Add($"{string.Join(", ", known.Values)} cannot interview: only users with the Interviewer or Hiring manager role can sit on a panel.");
            }

            errors[key] = [.. messages];
        }

        return trimmed;
    }

    /// <summary>Warnings for panel members who already have another interview overlapping this one.</summary>
    private async Task<List<string>> ClashesAsync(Interview interview, int minutes, CancellationToken ct)
    {
        var span = TimeSpan.FromMinutes(minutes);
        var from = interview.ScheduledAt - DateTimeOffset.MinValue > span ? interview.ScheduledAt - span : DateTimeOffset.MinValue;
        var to = DateTimeOffset.MaxValue - interview.ScheduledAt > span ? interview.ScheduledAt + span : DateTimeOffset.MaxValue;
        var ids = interview.Scorecards.Select(s => s.InterviewerId).ToArray();
        var clashes = await db.Scorecards.AsNoTracking()
            .Where(s => ids.Contains(s.InterviewerId) && s.InterviewId != interview.Id && !s.Interview!.IsCancelled
                && s.Interview.ScheduledAt > from && s.Interview.ScheduledAt < to)
            .Select(s => new { Name = s.Interviewer!.DisplayName ?? s.Interviewer.Email, s.Interview!.ScheduledAt })
            .ToListAsync(ct);
        return [.. clashes.Select(c => $"{c.Name} has another interview at {TimeText.Utc(c.ScheduledAt)}, which overlaps this one.")];
    }
}
