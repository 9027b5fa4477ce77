using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Reports;

/// <summary>
/// The blind rule (DESIGN): whoever sits on an interview's panel and has not submitted their own scorecard sees nothing
/// of the other members' ratings, evidence, red-flag checks, recommendations or summaries, whatever roles they hold.
/// Every channel that shows panel results (report page and exports, position view and exports, analytics, audit trail)
/// asks this class which interviews are hidden from the person asking, and withholds them.
/// </summary>
public sealed class BlindRule(AppDbContext db)
{
    public const string Message = "You will see the panel's ratings once you submit your own scorecard.";

    /// <summary>Interviews on whose panel <paramref name="userId"/> holds a scorecard that is not submitted (draft or reopened).</summary>
    public static IQueryable<int> HiddenInterviews(AppDbContext db, string userId) =>
        db.Scorecards.Where(s => s.InterviewerId == userId && s.State != ScorecardState.Submitted).Select(s => s.InterviewId);

    public async Task<HashSet<int>> HiddenInterviewsAsync(string? userId, CancellationToken ct = default) =>
        string.IsNullOrEmpty(userId) ? [] : [.. await HiddenInterviews(db, userId).Distinct().ToListAsync(ct)];

    /// <summary>The report as <paramref name="userId"/> may see it: withheld when its interview is hidden from them.</summary>
    public async Task<CandidateReport> ApplyAsync(CandidateReport report, string? userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Interview is { } interview && (await HiddenInterviewsAsync(userId, ct)).Contains(interview.InterviewId)
            ? Withhold(report)
            : report;
    }

    /// <summary>Each report as <paramref name="userId"/> may see it (one query for the whole list).</summary>
    public async Task<IReadOnlyList<CandidateReport>> ApplyAsync(IReadOnlyList<CandidateReport> reports, string? userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var hidden = await HiddenInterviewsAsync(userId, ct);
        return hidden.Count == 0
            ? reports
            : [.. reports.Select(r => r.Interview is { } i && hidden.Contains(i.InterviewId) ? Withhold(r) : r)];
    }

    /// <summary>
    /// The report with every panel result removed: no band (Incomplete, for the reason <see cref="Message"/>), no scores,
    /// ratings, evidence, flags, summaries or recommendations. Who sits on the panel and whether they submitted stay
    /// (the interview page shows that already). Empty rather than merely flagged, so no surface can leak what it forgot
    /// to hide.
    /// </summary>
    public static CandidateReport Withhold(CandidateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = report.Result;
        var result = new ScoringResult(
            Band.Incomplete,
            [Message],
            null,
            [.. r.Questions.Select(q => q with { Score = null, RatingCount = 0, Spread = null, Discuss = false, Ratings = [] })],
            [.. r.Competencies.Select(c => c with { Score = null, ScoredItemCount = 0, RaterScores = [], Agreement = null, LowAgreement = false })],
            [],
            0,
            false,
            new Confidence(0, 0, r.Confidence.ItemCount, 0, [], null),
            []);
        return report with
        {
            Withheld = true,
            Result = result,
            Panel = [.. report.Panel.Select(p => p with { Recommendation = null })],
        };
    }
}
