using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Interviews;
using PeerInterview.Web.Kits;
using PeerInterview.Web.People;
using PeerInterview.Web.Scoring;

namespace PeerInterview.Web.Seeding;

/// <summary>
/// Development demo: a published kit (with two knock-out red flags), a position, six candidates — three already
/// interviewed and scored by a panel of two (one strong, one mixed, one with a knock-out awaiting review), one panel
/// for tomorrow and two not yet scheduled — so every page, report and export has something to show. Runs once, when
/// the database has no kits and no positions; goes through the same services as the UI.
/// </summary>
public sealed class DemoHiring(
    AppDbContext db, KitService kits, PositionService positions, CandidateService candidates, SchedulingService scheduling, ScorecardService scorecards, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Kits.AnyAsync(ct) || await db.Positions.AnyAsync(ct))
        {
            return;
        }

        var manager = await db.Users.Where(u => u.Email == DemoAccounts.All[1].Email).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var interviewers = await db.Users.Where(u => u.Email == DemoAccounts.All[2].Email || u.Email == DemoAccounts.All[3].Email).Select(u => u.Id).ToListAsync(ct);
        if (manager is null || interviewers.Count < 2)
        {
            return;
        }

        var kit = await kits.CreateAsync("Peer Support Specialist — standard interview", "Peer Support Specialist", 60, manager, ct);
        if (kit.Value is not { } created)
        {
            return;
        }

        // Two active questions per competency, in framework order: behavioural ones first, situational ones as scenarios.
        var picks = await db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Active && !q.HasLintWarning)
            .OrderBy(q => q.Competency!.SortOrder).ThenBy(q => q.Id)
            .Select(q => new { q.Id, q.CompetencyId, q.Type })
            .ToListAsync(ct);
        foreach (var pick in picks.GroupBy(p => p.CompetencyId).SelectMany(g => g.Take(2)))
        {
            await kits.AddItemAsync(created.KitId, pick.Id, pick.Type == QuestionType.Situational ? "Scenarios" : "Behavioural", 4, manager, ct);
        }

        // Knock-outs are the hiring manager's call per kit: one on the first crisis question, one on the first ethics question.
        var items = await db.KitItems.AsNoTracking()
            .Where(i => i.KitVersionId == created.VersionId)
            .OrderBy(i => i.Section!.Order).ThenBy(i => i.Order)
            .Select(i => new { i.Id, i.Question!.Competency!.Code })
            .ToListAsync(ct);
        foreach (var (code, text) in KnockOuts)
        {
            if (items.FirstOrDefault(i => i.Code == code) is { } item)
            {
                await kits.UpdateItemAsync(created.KitId, item.Id, new KitItemUpdate { RedFlags = [new KitItemFlagInput(text, RedFlagSeverity.KnockOut)] }, manager, ct);
            }
        }

        var published = await kits.PublishAsync(created.KitId, manager, ct);
        var position = await positions.CreateAsync(new PositionInput("Peer Support Specialist", "Eastside Recovery Centre", manager, created.KitId), manager, ct);
        if (published.Value is null || position.Value is null)
        {
            return;
        }

        var people = new[] { ("Alex Rivera", "alex.rivera@example.org"), ("Sam Okafor", "sam.okafor@example.org"), ("Jordan Lee", "jordan.lee@example.org") };
        var first = (int?)null;
        foreach (var (name, email) in people)
        {
            var candidate = await candidates.CreateAsync(new CandidateInput(name, email, null, position.Value.Id), manager, ct);
            first ??= candidate.Value?.Id;
        }

        var today = new DateTimeOffset(clock.GetUtcNow().Date, TimeSpan.Zero);
        await scheduling.ScheduleAsync(new ScheduleCommand(first, published.Value.VersionId, today.AddDays(1).AddHours(10), interviewers, "Room 2"), manager, ct);

        var daysAgo = 6;
        foreach (var panel in ScoredPanels)
        {
            var candidate = await candidates.CreateAsync(new CandidateInput(panel.Name, panel.Email, null, position.Value.Id), manager, ct);
            var interview = await scheduling.ScheduleAsync(
                new ScheduleCommand(candidate.Value?.Id, published.Value.VersionId, today.AddDays(-daysAgo).AddHours(14), interviewers, "Room 1"), manager, ct);
            daysAgo -= 2;
            if (interview.Value is null)
            {
                continue;
            }

            var cards = await db.Scorecards.AsNoTracking().Where(c => c.InterviewId == interview.Value.Id).OrderBy(c => c.Id).Select(c => new { c.Id, c.InterviewerId }).ToListAsync(ct);
            for (var rater = 0; rater < cards.Count && rater < panel.Raters.Length; rater++)
            {
                await ScoreAsync(cards[rater].Id, cards[rater].InterviewerId, panel.Raters[rater], items.Select(i => i.Id).ToList(), ct);
            }
        }

        // The small-clinic panel: the hiring manager sits on it with both interviewers, who have submitted; the manager has
        // not, so the blind rule withholds this candidate's report from them until they score and submit their own.
        var taylor = await candidates.CreateAsync(new CandidateInput("Taylor Brooks", "taylor.brooks@example.org", null, position.Value.Id), manager, ct);
        var shared = await scheduling.ScheduleAsync(
            new ScheduleCommand(taylor.Value?.Id, published.Value.VersionId, RecentHour(), [manager, .. interviewers], "Room 3"), manager, ct);
        if (shared.Value is not null)
        {
            var cards = await db.Scorecards.AsNoTracking()
                .Where(c => c.InterviewId == shared.Value.Id && c.InterviewerId != manager)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.InterviewerId }).ToListAsync(ct);
            for (var rater = 0; rater < cards.Count && rater < SharedPanel.Length; rater++)
            {
                await ScoreAsync(cards[rater].Id, cards[rater].InterviewerId, SharedPanel[rater], items.Select(i => i.Id).ToList(), ct);
            }
        }
    }

    /// <summary>Two whole hours before now: the small-clinic panel met earlier today (or late yesterday just after midnight).</summary>
    private DateTimeOffset RecentHour()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-2);
    }

    private static readonly DemoRater[] SharedPanel =
    [
        new([4, 3, 4, 4, 3, 4, 4, 4, 3, 4, 4, 3, 4, 4], "Yes", "Grounded answers; brought the person back to their own goals each time."),
        new([3, 4, 4, 3, 4, 4, 3, 4, 4, 4, 3, 4, 4, 3], "Yes", "Good team instincts; crisis steps were right but a little slow to come."),
    ];

    private static readonly (string Code, string Text)[] KnockOuts =
    [
        ("D5", "Would keep a disclosure of risk to self or others to themselves rather than follow the safety protocol"),
        ("D7", "Would share a person's story or details outside the team without consent"),
    ];

    private sealed record DemoRater(int[] Ratings, string Recommendation, string Summary, bool ChecksKnockOut = false);

    private sealed record DemoPanel(string Name, string Email, DemoRater[] Raters);

    // Two ratings per competency, D1 to D7, in kit order.
    private static readonly DemoPanel[] ScoredPanels =
    [
        new("Morgan Blake", "morgan.blake@example.org",
        [
            new([5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 5, 5, 4], "StrongYes", "Warm, specific and safe. Used their story briefly and always returned to the person."),
            new([4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5], "StrongYes", "Clear crisis steps and good boundaries. Would be ready on day one."),
        ]),
        new("Riley Chen", "riley.chen@example.org",
        [
            new([3, 4, 2, 3, 3, 3, 4, 3, 3, 3, 4, 3, 3, 3], "Yes", "Kind and motivated; recovery planning answers stayed general."),
            new([4, 3, 4, 3, 2, 4, 3, 4, 3, 3, 3, 3, 4, 4], "No", "Shared a lot of their own story; needed prompting on next steps."),
        ]),
        new("Casey Nguyen", "casey.nguyen@example.org",
        [
            new([4, 4, 4, 4, 4, 4, 4, 4, 3, 4, 4, 4, 4, 4], "Yes", "Solid throughout, but the crisis scenario answer worried me: said they would keep it between us.", ChecksKnockOut: true),
            new([4, 5, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4], "Yes", "Good answers; I read the crisis scenario as wanting to build trust first, then escalate."),
        ]),
    ];

    private static readonly string[] EvidenceByRating =
    [
        "",
        "Could not give an example; answer was about themselves, not the person.",
        "Example was vague and skipped what they would do next.",
        "Gave a relevant example with the basic steps a new hire would take.",
        "Specific example with clear steps and reflection on what they learned.",
        "Detailed, person-centred example; named the boundary, the team and the follow-up.",
    ];

    private async Task ScoreAsync(int scorecardId, string userId, DemoRater rater, List<int> itemIds, CancellationToken ct)
    {
        for (var i = 0; i < itemIds.Count && i < rater.Ratings.Length; i++)
        {
            var value = rater.Ratings[i];
            await scorecards.SaveRatingAsync(scorecardId, itemIds[i], new RatingInput(value, false, EvidenceByRating[value], 0), userId, ct);
        }

        if (rater.ChecksKnockOut)
        {
            var key = await db.KitItemRedFlags.AsNoTracking()
                .Where(f => itemIds.Contains(f.KitItemId) && f.Severity == RedFlagSeverity.KnockOut)
                .OrderBy(f => f.Id)
                .Select(f => "k" + f.Id)
                .FirstOrDefaultAsync(ct);
            if (key is not null)
            {
                await scorecards.SaveRedFlagAsync(scorecardId, key, new RedFlagInput(true, "In the crisis scenario they said they would keep a disclosure of suicidal thoughts private to keep trust.", 0), userId, ct);
            }
        }

        var revision = await db.Scorecards.Where(s => s.Id == scorecardId).Select(s => s.Revision).FirstAsync(ct);
        await scorecards.SaveSummaryAsync(scorecardId, new SummaryInput(rater.Recommendation, rater.Summary, revision), userId, ct);
        await scorecards.SubmitAsync(scorecardId, userId, ct);
    }
}
