using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Kits;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Scoring;

/// <summary>
/// Live scoring: reads a scorecard for its owner (and, under the blind rule, for others), saves ratings, red-flag
/// checks and the summary with optimistic concurrency, submits and reopens. Each write commits in one short
/// transaction with its save-history event (and its audit entry while a scorecard is reopened).
/// </summary>
public sealed partial class ScorecardService(AppDbContext db, InterviewGuideBuilder guides, AuditLog audit, TimeProvider clock)
{
    public const int MaxNotesLength = 20_000;
    public const int MaxEvidenceLength = 2_000;
    public const int MaxReasonLength = 1_000;

    /// <summary>
    /// The scorecard as <paramref name="reader"/> may see it. The owner always; a fellow panel member only once both
    /// their own and this scorecard are submitted; admins, hiring managers and HR only once it is submitted (unless they
    /// sit on the panel and have not submitted their own). Anyone else gets "not found".
    /// </summary>
    public async Task<Outcome<ScorecardView>> GetAsync(int id, ScorecardReader reader, CancellationToken ct = default)
    {
        var card = await db.Scorecards.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.Id, s.InterviewId, s.InterviewerId, s.State })
            .FirstOrDefaultAsync(ct);
        if (card is null)
        {
            return NotFound(id);
        }

        var owner = card.InterviewerId == reader.UserId;
        if (!owner && await ReadRefusalAsync(card.Id, card.InterviewId, card.State, reader, ct) is { } refusal)
        {
            return refusal;
        }

        return (await BuildViewAsync(id, withPanel: owner && card.State == ScorecardState.Submitted, ct))!;
    }

    /// <summary>The save history, oldest first: for the owner, or for admins, hiring managers and HR once submitted.</summary>
    public async Task<Outcome<IReadOnlyList<ScorecardHistoryEntry>>> HistoryAsync(int id, ScorecardReader reader, CancellationToken ct = default)
    {
        var card = await db.Scorecards.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.Id, s.InterviewId, s.InterviewerId, s.State })
            .FirstOrDefaultAsync(ct);
        if (card is null)
        {
            return NotFound(id);
        }

        if (card.InterviewerId != reader.UserId)
        {
            if (!reader.IsReader)
            {
                return NotFound(id);
            }

            if (await ReadRefusalAsync(card.Id, card.InterviewId, card.State, reader, ct) is { } refusal)
            {
                return refusal;
            }
        }

        var events = await db.ScorecardEvents.AsNoTracking()
            .Where(e => e.ScorecardId == id)
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
        var userIds = events.Select(e => e.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id, ct);
        return events.Select(e => new ScorecardHistoryEntry(
            e.Id, e.At, e.UserId, names.GetValueOrDefault(e.UserId), e.Kind, e.KitItemId,
            e.KitItemRedFlagId is { } k ? $"k{k}" : e.RedFlagId is { } r ? (e.KitItemId is null ? $"g{r}" : $"q{r}") : null,
            e.Value, e.NotObserved, e.Checked, e.Text, e.Recommendation)).ToList();
    }

    /// <summary>Why someone other than the owner may not read this scorecard, or null when they may.</summary>
    private async Task<Failure?> ReadRefusalAsync(int id, int interviewId, ScorecardState state, ScorecardReader reader, CancellationToken ct)
    {
        var ownState = await db.Scorecards.AsNoTracking()
            .Where(s => s.InterviewId == interviewId && s.InterviewerId == reader.UserId)
            .Select(s => (ScorecardState?)s.State)
            .FirstOrDefaultAsync(ct);

        // The blind rule: a panel member sees nothing of the others until their own scorecard is submitted.
        if (ownState is { } own && own != ScorecardState.Submitted)
        {
            return NotFound(id);
        }

        if (ownState is null && !reader.IsReader)
        {
            return NotFound(id);
        }

        return state == ScorecardState.Submitted
            ? null
            : ownState is null
                ? Failure.NotFound("Not submitted yet", "This scorecard is not submitted yet; its ratings and notes stay with the interviewer until they submit.")
                : NotFound(id);
    }

    private static Failure NotFound(int id) => Failure.NotFound("Scorecard not found", $"There is no scorecard {id} that you can see.");

    private async Task<ScorecardView?> BuildViewAsync(int id, bool withPanel, CancellationToken ct)
    {
        var card = await db.Scorecards.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.InterviewId,
                InterviewerName = s.Interviewer!.DisplayName ?? s.Interviewer.Email ?? s.InterviewerId,
                s.State,
                s.Recommendation,
                s.Notes,
                s.Revision,
                s.StartedAt,
                s.SubmittedAt,
                s.ReopenReason,
                s.CurrentKitItemId,
                s.Interview!.CandidateId,
                CandidateName = s.Interview.Candidate!.Name,
                PositionTitle = s.Interview.Candidate.Position!.Title,
                s.Interview.KitVersionId,
                s.Interview.ScheduledAt,
                s.Interview.KitVersion!.TargetMinutes,
            })
            .FirstOrDefaultAsync(ct);
        if (card is null || await guides.BuildAsync(card.KitVersionId, ct) is not { } guide)
        {
            return null;
        }

        var global = guide.GlobalFlags;
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.ScorecardId == id).ToDictionaryAsync(r => r.KitItemId, ct);
        var checks = ChecksByKey(await db.RedFlagChecks.AsNoTracking().Where(c => c.ScorecardId == id).OrderBy(c => c.Id).ToListAsync(ct));

        RedFlagState FlagState(string key, string text, RedFlagSeverity severity) =>
            checks.TryGetValue(key, out var c)
                ? new RedFlagState(key, text, severity, c.Checked, c.Evidence, c.Version)
                : new RedFlagState(key, text, severity, false, null, 0);

        var items = guide.Sections.SelectMany(section => section.Items.Select(i =>
        {
            var rating = ratings.GetValueOrDefault(i.KitItemId);
            return new ScorecardItem(
                i.KitItemId, i.Number, section.Name, i.Question, i.CompetencyCode, i.CompetencyName, i.Minutes,
                i.Guidance, MarkdownRenderer.ToHtml(i.Guidance), i.GuidanceIsSourceAdvice, i.ListenFor,
                i.AnchorPoor, i.AnchorMeets, i.AnchorExcellent, i.AnchorSource, AnchorLayers.Describe(i.AnchorSource, i.CompetencyCode), i.Anchors.LevelSources,
                [.. i.RedFlags.Select(f => FlagState(f.Key, f.Text, f.Severity))],
                rating is null
                    ? new RatingState(null, false, null, "", 0)
                    : new RatingState(rating.Value, rating.NotObserved, rating.Evidence, MarkdownRenderer.ToHtml(rating.Evidence), rating.Version));
        })).ToList();

        return new ScorecardView
        {
            Id = card.Id,
            InterviewId = card.InterviewId,
            CandidateId = card.CandidateId,
            CandidateName = card.CandidateName,
            PositionTitle = card.PositionTitle,
            KitName = guide.KitName,
            KitVersionNumber = guide.VersionNumber,
            ScheduledAt = card.ScheduledAt,
            InterviewMinutes = card.TargetMinutes,
            InterviewerName = card.InterviewerName,
            State = card.State,
            Recommendation = card.Recommendation,
            Summary = card.Notes,
            Version = card.Revision,
            StartedAt = card.StartedAt,
            SubmittedAt = card.SubmittedAt,
            ReopenReason = card.ReopenReason,
            CurrentKitItemId = card.CurrentKitItemId,
            Items = items,
            GlobalRedFlags = [.. global.Select(f => FlagState(f.Key, f.Text, f.Severity))],
            Panel = withPanel ? await PanelAsync(card.InterviewId, id, guide, global, ct) : null,
        };
    }

    /// <summary>The other panel members' submitted scorecards (drafts and reopened ones never appear).</summary>
    private async Task<IReadOnlyList<PanelMemberScorecard>> PanelAsync(
        int interviewId, int ownId, InterviewGuide guide, IReadOnlyList<InterviewGuide.Flag> global, CancellationToken ct)
    {
        var others = await db.Scorecards.AsNoTracking()
            .Where(s => s.InterviewId == interviewId && s.Id != ownId && s.State == ScorecardState.Submitted)
            .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                Name = s.Interviewer!.DisplayName ?? s.Interviewer.Email ?? s.InterviewerId,
                s.SubmittedAt,
                s.Recommendation,
                s.Notes,
                s.Ratings,
                s.RedFlagChecks,
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var flagText = guide.Sections.SelectMany(s => s.Items).SelectMany(i => i.RedFlags).Concat(global)
            .GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        var itemOrder = guide.Sections.SelectMany(s => s.Items).Select(i => i.KitItemId).ToList();

        return [.. others.Select(o => new PanelMemberScorecard(
            o.Id,
            o.Name,
            o.SubmittedAt,
            o.Recommendation,
            o.Notes,
            [.. o.Ratings.OrderBy(r => itemOrder.IndexOf(r.KitItemId)).Select(r => new PanelRating(r.KitItemId, r.Value, r.NotObserved, r.Evidence))],
            [.. ChecksByKey(o.RedFlagChecks.OrderBy(c => c.Id))
                .Where(c => c.Value.Checked && flagText.ContainsKey(c.Key))
                .Select(c => new PanelRedFlag(c.Key, flagText[c.Key], c.Value.Evidence))]))];
    }

    /// <summary>The API key of a check: <c>k</c> for a kit-item override, <c>q</c> for a question's flag, <c>g</c> for a global one.</summary>
    internal static string KeyOf(RedFlagCheck check) =>
        check.KitItemRedFlagId is { } k ? $"k{k}" : check.KitItemId is null ? $"g{check.RedFlagId}" : $"q{check.RedFlagId}";

    private static Dictionary<string, RedFlagCheck> ChecksByKey(IEnumerable<RedFlagCheck> checks)
    {
        var byKey = new Dictionary<string, RedFlagCheck>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            byKey.TryAdd(KeyOf(check), check);
        }

        return byKey;
    }
}
