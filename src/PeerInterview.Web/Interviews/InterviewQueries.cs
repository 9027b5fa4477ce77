using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Interviews;

/// <summary>
/// Reads interviews for the pages and the API. Who may see an interview is decided here, once: admins, hiring
/// managers and HR see every interview; anyone else only the interviews they sit on (others do not exist for them).
/// </summary>
public sealed class InterviewQueries(AppDbContext db, TimeProvider clock)
{
    public const string OnePersonPanelWarning =
        "Only one interviewer is assigned. The scoring model needs two submitted scorecards, so the candidate's report will stay Incomplete until a second interviewer is added.";

    /// <summary>Admins, hiring managers and HR see every interview.</summary>
    public static bool SeesAllInterviews(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.HiringManager) || user.IsInRole(Roles.HR);

    /// <summary>The interviews <paramref name="viewer"/> may see: every one for admins, managers and HR, otherwise those they sit on.</summary>
    public static IQueryable<Interview> VisibleTo(IQueryable<Interview> interviews, ClaimsPrincipal viewer) =>
        SeesAllInterviews(viewer) ? interviews : OnPanelOf(interviews, viewer.UserId() ?? "");

    private static IQueryable<Interview> OnPanelOf(IQueryable<Interview> interviews, string interviewerId) =>
        interviews.Where(i => i.Scorecards.Any(s => s.InterviewerId == interviewerId));

    /// <summary>The interview, or null when it does not exist or <paramref name="viewer"/> may not see it.</summary>
    public Task<InterviewDetail?> GetForAsync(int id, ClaimsPrincipal viewer, CancellationToken ct = default) =>
        GetAsync(id, SeesAllInterviews(viewer) ? null : viewer.UserId() ?? "", ct);

    /// <summary>The interview; when <paramref name="onlyForInterviewerId"/> is set, only if that user is on its panel.</summary>
    public async Task<InterviewDetail?> GetAsync(int id, string? onlyForInterviewerId = null, CancellationToken ct = default)
    {
        var query = db.Interviews.AsNoTracking().Where(i => i.Id == id);
        if (onlyForInterviewerId is not null)
        {
            query = OnPanelOf(query, onlyForInterviewerId);
        }

        var interview = await query
            .Select(i => new InterviewDetail
            {
                Id = i.Id,
                CandidateId = i.CandidateId,
                CandidateName = i.Candidate!.Name,
                PositionId = i.Candidate.PositionId,
                PositionTitle = i.Candidate.Position!.Title,
                KitId = i.KitVersion!.KitId,
                KitName = i.KitVersion.Kit!.Name,
                KitVersionId = i.KitVersionId,
                KitVersionNumber = i.KitVersion.Number,
                TargetMinutes = i.KitVersion.TargetMinutes,
                ScheduledAt = i.ScheduledAt,
                Location = i.Location,
                IsCancelled = i.IsCancelled,
                CreatedAt = i.CreatedAt,
                Scorecards = i.Scorecards
                    .OrderBy(s => s.Interviewer!.DisplayName ?? s.Interviewer.Email)
                    .Select(s => new PanelScorecard(
                        s.Id,
                        s.InterviewerId,
                        s.Interviewer!.DisplayName ?? s.Interviewer.Email ?? s.InterviewerId,
                        s.State,
                        s.SubmittedAt,
                        s.State == ScorecardState.Draft && s.Ratings.Count == 0 && s.RedFlagChecks.Count == 0))
                    .ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return interview is null ? null : interview with { Warnings = WarningsFor(interview) };
    }

    private List<string> WarningsFor(InterviewDetail interview)
    {
        if (interview.IsCancelled)
        {
            return [];
        }

        var warnings = new List<string>();
        if (interview.Scorecards.Count < 2)
        {
            warnings.Add(OnePersonPanelWarning);
        }

        if (interview.ScheduledAt < clock.GetUtcNow() && interview.Scorecards.Any(s => s.State != ScorecardState.Submitted))
        {
            warnings.Add("The interview time has passed and not every scorecard is submitted yet.");
        }

        return warnings;
    }

    /// <summary>The interviews <paramref name="interviewerId"/> sits on, split into next, upcoming, past and cancelled.</summary>
    public async Task<MyInterviews> MineAsync(string interviewerId, CancellationToken ct = default)
    {
        var all = await db.Scorecards.AsNoTracking()
            .Where(s => s.InterviewerId == interviewerId)
            .Select(s => new MyInterview(
                s.InterviewId,
                s.Interview!.ScheduledAt,
                s.Interview.KitVersion!.TargetMinutes,
                s.Interview.Location,
                s.Interview.Candidate!.Name,
                s.Interview.Candidate.Position!.Title,
                s.Interview.KitVersion.Kit!.Name,
                s.Interview.KitVersion.Number,
                s.Id,
                s.State,
                s.Interview.IsCancelled,
                s.Interview.Scorecards.Count,
                s.Interview.Scorecards.Count(x => x.State == ScorecardState.Submitted)))
            .ToListAsync(ct);

        // An interview stays "upcoming" until its planned length has run, so one under way is still what is next.
        var now = clock.GetUtcNow();
        var upcoming = all.Where(i => !i.IsCancelled && i.EndsAt > now).OrderBy(i => i.ScheduledAt).ThenBy(i => i.InterviewId).ToList();
        var past = all.Where(i => !i.IsCancelled && i.EndsAt <= now).OrderByDescending(i => i.ScheduledAt).ToList();
        var cancelled = all.Where(i => i.IsCancelled).OrderByDescending(i => i.ScheduledAt).ToList();
        return new MyInterviews(upcoming.FirstOrDefault(), upcoming, past, cancelled);
    }

    /// <summary>Published versions of kits still in use, newest first within each kit.</summary>
    public async Task<IReadOnlyList<KitVersionOption>> PublishedKitVersionsAsync(CancellationToken ct = default) =>
        await db.KitVersions.AsNoTracking()
            .Where(v => v.Status == KitStatus.Published && !v.Kit!.IsRetired)
            .OrderBy(v => v.Kit!.Name).ThenByDescending(v => v.Number)
            .Select(v => new KitVersionOption(v.Id, v.KitId, v.Kit!.Name, v.Number, v.PublishedAt))
            .ToListAsync(ct);

    /// <summary>Candidates who can still be interviewed, each with their position's kit's latest published version.</summary>
    public async Task<IReadOnlyList<SchedulableCandidate>> SchedulableCandidatesAsync(CancellationToken ct = default) =>
        await db.Candidates.AsNoTracking()
            .Where(c => c.ErasedAt == null && c.Stage != CandidateStage.Hired && c.Stage != CandidateStage.NotHired && c.Stage != CandidateStage.Withdrawn)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new SchedulableCandidate(
                c.Id,
                c.Name,
                c.Position!.Title,
                c.Position.Kit == null || c.Position.Kit.IsRetired ? null
                    : c.Position.Kit.Versions.Where(v => v.Status == KitStatus.Published).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefault()))
            .ToListAsync(ct);

    /// <summary>The default kit version for a candidate: the latest published version of their position's kit.</summary>
    public Task<int?> DefaultKitVersionIdAsync(int candidateId, CancellationToken ct = default) =>
        db.Candidates.AsNoTracking()
            .Where(c => c.Id == candidateId && c.Position!.Kit != null && !c.Position.Kit.IsRetired)
            .Select(c => c.Position!.Kit!.Versions.Where(v => v.Status == KitStatus.Published).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
}
