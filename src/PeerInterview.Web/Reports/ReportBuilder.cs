using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Kits;
using PeerInterview.Web.Scoring;

namespace PeerInterview.Web.Reports;

/// <summary>
/// Loads what the scoring service needs for a set of candidates in a fixed number of queries (no N+1: the count does
/// not grow with candidates, raters or items) and builds one <see cref="CandidateReport"/> each. A candidate's report
/// is about their latest interview that was not cancelled; only submitted scorecards are read for scores.
/// </summary>
public sealed class ReportBuilder(AppDbContext db, TimeProvider clock)
{
    public async Task<CandidateReport?> ForCandidateAsync(int candidateId, CancellationToken ct = default) =>
        (await ForCandidatesAsync(db.Candidates.Where(c => c.Id == candidateId), ct)).SingleOrDefault();

    /// <summary>
    /// The report on one particular interview of the candidate (an earlier round, say); null when the candidate does
    /// not exist or the interview is not theirs or was cancelled.
    /// </summary>
    public async Task<CandidateReport?> ForInterviewAsync(int candidateId, int interviewId, CancellationToken ct = default) =>
        (await BuildAsync(db.Candidates.Where(c => c.Id == candidateId), withText: true, ct, interviewId)).SingleOrDefault() is { Interview: not null } report
            ? report
            : null;

    /// <summary>The candidate's interviews that were not cancelled, latest first: the rounds a report can be about.</summary>
    public async Task<IReadOnlyList<ReportRound>> RoundsAsync(int candidateId, CancellationToken ct = default)
    {
        var rounds = await db.Interviews.AsNoTracking()
            .Where(i => i.CandidateId == candidateId && !i.IsCancelled)
            .Select(i => new
            {
                i.Id,
                i.ScheduledAt,
                KitName = i.KitVersion!.Kit!.Name,
                Submitted = i.Scorecards.Count(s => s.State == ScorecardState.Submitted),
                Panel = i.Scorecards.Count,
            })
            .ToListAsync(ct);
        return [.. rounds.OrderByDescending(r => r.ScheduledAt).ThenByDescending(r => r.Id).Select(r => new ReportRound(r.Id, r.ScheduledAt, r.KitName, r.Submitted, r.Panel))];
    }

    /// <summary>A position's title and its candidates' reports for side-by-side views and exports; null when the position does not exist.</summary>
    public async Task<(string Title, IReadOnlyList<CandidateReport> Reports)?> ForPositionAsync(int positionId, CancellationToken ct = default)
    {
        var title = await db.Positions.AsNoTracking().Where(p => p.Id == positionId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        return title is null ? null : (title, await ForComparisonAsync(db.Candidates.Where(c => c.PositionId == positionId), ct));
    }

    public Task<IReadOnlyList<CandidateReport>> ForCandidatesAsync(IQueryable<Candidate> candidates, CancellationToken ct = default) =>
        BuildAsync(candidates, withText: true, ct);

    /// <summary>
    /// Reports for side-by-side views and exports (the position view, CSV, XLSX): the same scores, bands and flags, but
    /// without the raters' rating evidence and summaries, which those never show. Reading 12,000 evidence notes was
    /// half the database time of a 200-candidate position export (docs/PERFORMANCE.md, "Reports and exports").
    /// </summary>
    public Task<IReadOnlyList<CandidateReport>> ForComparisonAsync(IQueryable<Candidate> candidates, CancellationToken ct = default) =>
        BuildAsync(candidates, withText: false, ct);

    private async Task<IReadOnlyList<CandidateReport>> BuildAsync(IQueryable<Candidate> candidates, bool withText, CancellationToken ct, int? interviewId = null)
    {
        var people = await candidates.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.PseudonymId, c.ErasedAt, c.PositionId, PositionTitle = c.Position!.Title, c.Stage })
            .ToListAsync(ct);
        if (people.Count == 0)
        {
            return [];
        }

        var candidateIds = people.Select(p => p.Id).ToList();

        // The latest interview that was not cancelled, per candidate (or the one asked for).
        var interviews = (await db.Interviews.AsNoTracking()
                .Where(i => candidateIds.Contains(i.CandidateId) && !i.IsCancelled && (interviewId == null || i.Id == interviewId))
                .Select(i => new { i.Id, i.CandidateId, i.ScheduledAt, i.KitVersionId, KitName = i.KitVersion!.Kit!.Name, i.KitVersion.Number })
                .ToListAsync(ct))
            .GroupBy(i => i.CandidateId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.ScheduledAt).ThenByDescending(i => i.Id).First());
        var interviewIds = interviews.Values.Select(i => i.Id).ToList();
        var versionIds = interviews.Values.Select(i => i.KitVersionId).Distinct().ToList();

        var cards = await db.Scorecards.AsNoTracking()
            .Where(s => interviewIds.Contains(s.InterviewId))
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.InterviewId,
                s.InterviewerId,
                Name = s.Interviewer!.DisplayName ?? s.Interviewer.Email ?? "Interviewer",
                s.State,
                s.SubmittedAt,
                s.Recommendation,
                Notes = withText ? s.Notes : null,
            })
            .ToListAsync(ct);
        var submittedIds = cards.Where(c => c.State == ScorecardState.Submitted).Select(c => c.Id).ToList();

        var submittedRatings = db.Ratings.AsNoTracking().Where(r => submittedIds.Contains(r.ScorecardId));
        var ratings = (withText
                ? await submittedRatings.Select(r => new RatingRow(r.ScorecardId, r.KitItemId, r.Value, r.NotObserved, r.Evidence)).ToListAsync(ct)
                : await submittedRatings.Select(r => new RatingRow(r.ScorecardId, r.KitItemId, r.Value, r.NotObserved, null)).ToListAsync(ct))
            .ToLookup(r => r.ScorecardId);
        var changedAfterPanel = withText ? await ChangedAfterPanelVisibleAsync(cards.Select(c => (c.Id, c.InterviewId)).ToList(), ct) : [];
        var checks = (await db.RedFlagChecks.AsNoTracking()
                .Where(c => submittedIds.Contains(c.ScorecardId) && c.Checked)
                .OrderBy(c => c.Id)
                .ToListAsync(ct))
            .ToLookup(c => c.ScorecardId);

        // What each version froze at publish: item texts and competencies, red flags, competency names, hurdles, weights.
        var contents = await KitContent.LoadAsync(db, versionIds, ct);
        var reviews = await db.RedFlagReviews.AsNoTracking()
            .Where(r => candidateIds.Contains(r.CandidateId))
            .Select(r => new { r.CandidateId, r.RedFlagId, r.KitItemRedFlagId, r.Decision, r.Reason, r.ReviewedAt, r.ReviewedById })
            .ToListAsync(ct);
        var reviewerIds = reviews.Select(r => r.ReviewedById).Distinct().ToList();
        var reviewers = await db.Users.AsNoTracking()
            .Where(u => reviewerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? "Hiring manager", ct);

        // Checks and reviews keyed the way scorecards key flags (g global, q question, k kit item).
        static string KeyOfReview(KitContent? content, int? redFlagId, int? overrideId) =>
            overrideId is { } k ? $"k{k}" : content?.AllFlags.FirstOrDefault(f => f.RedFlagId == redFlagId)?.Key ?? $"g{redFlagId}";

        var now = clock.GetUtcNow();

        return [.. people.Select(person =>
        {
            interviews.TryGetValue(person.Id, out var interview);
            var panel = interview is null ? [] : cards.Where(c => c.InterviewId == interview.Id).ToList();
            var content = interview is null ? null : contents[interview.KitVersionId];
            var versionItems = content is null ? [] : content.InOrder.ToList();
            var input = new ScoringInput(
                [.. versionItems.Select(i => i.CompetencyId).Distinct().Select(id => content!.CompetencyOf(id)!).Select(c => new ScoringCompetency(
                    c.Id, c.Code, c.Name, c.IsHurdle, c.Weight, c.SortOrder))],
                [.. versionItems.Select((i, n) => new ScoringItem(i.KitItemId, i.CompetencyId, i.Text, n))],
                [.. panel.Select(c => new RaterScorecard(
                    c.Id,
                    c.InterviewerId,
                    c.Name,
                    c.State,
                    c.SubmittedAt,
                    c.Recommendation,
                    [.. ratings[c.Id].Select(r => new RaterRating(r.KitItemId, r.Value, r.NotObserved, r.Evidence, changedAfterPanel.Contains((c.Id, r.KitItemId))))],
                    [.. checks[c.Id].Select(x => new RaterFlagCheck(ScorecardService.KeyOf(x), x.Evidence))],
                    c.Notes))],
                content is null ? [] : [.. content.AllFlags.Select(f => new ScoringFlag(f.Key, f.Text, f.Severity, f.KitItemRedFlagId is null ? null : f.KitItemId))],
                [.. reviews.Where(r => r.CandidateId == person.Id).Select(r => new FlagReview(
                    KeyOfReview(content, r.RedFlagId, r.KitItemRedFlagId), r.Decision, r.Reason, reviewers.GetValueOrDefault(r.ReviewedById, "Hiring manager"), r.ReviewedAt))]);

            return new CandidateReport(
                person.Id,
                person.Name,
                person.PseudonymId,
                person.ErasedAt is not null,
                person.PositionId,
                person.PositionTitle,
                person.Stage,
                interview is null ? null : new ReportInterview(interview.Id, interview.ScheduledAt, interview.KitVersionId, interview.KitName, interview.Number),
                [.. panel.Select(c => new PanelMember(
                    c.InterviewerId, c.Name, c.State, c.State == ScorecardState.Submitted ? c.SubmittedAt : null,
                    c.State == ScorecardState.Submitted ? c.Recommendation : null))],
                ScoringService.Score(input),
                now);
        })];
    }

    /// <summary>
    /// (scorecard, kit item) pairs whose rating or evidence was saved after its rater could read the panel: after both
    /// their own first submit and another member's first submit. Only reopened scorecards can have such saves, so only
    /// their rating events are read.
    /// </summary>
    private async Task<HashSet<(int ScorecardId, int KitItemId)>> ChangedAfterPanelVisibleAsync(
        IReadOnlyList<(int Id, int InterviewId)> cards, CancellationToken ct)
    {
        var cardIds = cards.Select(c => c.Id).ToList();
        var milestones = await db.ScorecardEvents.AsNoTracking()
            .Where(e => cardIds.Contains(e.ScorecardId) && (e.Kind == "submit" || e.Kind == "reopen"))
            .Select(e => new { e.ScorecardId, e.Kind, e.At })
            .ToListAsync(ct);
        var reopened = milestones.Where(m => m.Kind == "reopen").Select(m => m.ScorecardId).ToHashSet();
        if (reopened.Count == 0)
        {
            return [];
        }

        var interviewOf = cards.ToDictionary(c => c.Id, c => c.InterviewId);
        var firstSubmit = milestones.Where(m => m.Kind == "submit")
            .GroupBy(m => m.ScorecardId)
            .ToDictionary(g => g.Key, g => g.Min(m => m.At));
        var visibleFrom = new Dictionary<int, DateTimeOffset>();
        foreach (var id in reopened.Where(firstSubmit.ContainsKey))
        {
            var others = firstSubmit.Where(f => f.Key != id && interviewOf[f.Key] == interviewOf[id]).Select(f => f.Value).ToList();
            if (others.Count > 0)
            {
                visibleFrom[id] = firstSubmit[id] > others.Min() ? firstSubmit[id] : others.Min();
            }
        }

        if (visibleFrom.Count == 0)
        {
            return [];
        }

        var candidates = visibleFrom.Keys.ToList();
        var saves = await db.ScorecardEvents.AsNoTracking()
            .Where(e => candidates.Contains(e.ScorecardId) && e.Kind == "rating" && e.KitItemId != null)
            .Select(e => new { e.ScorecardId, KitItemId = e.KitItemId!.Value, e.At })
            .ToListAsync(ct);
        return [.. saves.Where(e => e.At > visibleFrom[e.ScorecardId]).Select(e => (e.ScorecardId, e.KitItemId))];
    }

    private sealed record RatingRow(int ScorecardId, int KitItemId, int? Value, bool NotObserved, string? Evidence);
}
