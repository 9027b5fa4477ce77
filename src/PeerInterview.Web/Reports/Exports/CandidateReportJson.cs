using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// The JSON shape of a candidate report (GET /api/v1/candidates/{id}/report): a deliberate contract mapped from
/// <see cref="CandidateReport"/>, so renaming a field of the model does not silently change the API. Enums are strings.
/// </summary>
public sealed record CandidateReportJson(
    int CandidateId,
    string Name,
    string PseudonymId,
    bool IsErased,
    int PositionId,
    string PositionTitle,
    CandidateStage Stage,
    ReportInterviewJson? Interview,
    Band Band,
    string BandText,
    string Reason,
    IReadOnlyList<string> Reasons,
    double? Overall,
    bool NeedsReview,
    int ConcernCount,
    ConfidenceJson Confidence,
    IReadOnlyList<CompetencyJson> Competencies,
    IReadOnlyList<QuestionJson> Questions,
    IReadOnlyList<FlagJson> Flags,
    IReadOnlyList<PanelMemberJson> Panel,
    DateTimeOffset GeneratedAt)
{
    public static CandidateReportJson From(CandidateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = report.Result;
        var codes = r.Competencies.ToDictionary(c => c.CompetencyId, c => c.Code);
        var summaries = r.Submitted.ToDictionary(s => s.RaterId, s => s.Summary);
        return new CandidateReportJson(
            report.CandidateId,
            report.CandidateName,
            report.PseudonymId,
            report.IsErased,
            report.PositionId,
            report.PositionTitle,
            report.Stage,
            report.Interview is { } i ? new ReportInterviewJson(i.InterviewId, i.ScheduledAt, i.KitVersionId, i.KitName, i.KitVersionNumber) : null,
            r.Band,
            r.Band.Text(),
            r.Reason,
            r.Reasons,
            r.Overall,
            r.NeedsReview,
            r.ConcernCount,
            new ConfidenceJson(r.Confidence.Raters, r.Confidence.ItemsWithTwoRatings, r.Confidence.ItemCount, r.Confidence.Coverage, r.Confidence.ItemsToDiscuss, r.Confidence.NearCutOff),
            [.. r.Competencies.Select(c => new CompetencyJson(
                c.CompetencyId, c.Code, c.Name, c.IsHurdle, c.Weight, c.Score, c.ItemCount, c.ScoredItemCount, c.Agreement, c.LowAgreement,
                [.. c.RaterScores.Select(s => new RaterScoreJson(s.RaterId, s.RaterName, s.Score))]))],
            [.. r.Questions.Select((q, n) => new QuestionJson(
                n + 1, q.KitItemId, q.Text, q.CompetencyId, codes.GetValueOrDefault(q.CompetencyId, ""), q.Score, q.RatingCount, q.Spread, q.Discuss,
                [.. q.Ratings.Select(x => new RatingJson(x.RaterId, x.RaterName, x.Value, x.NotObserved, x.Evidence, x.ChangedAfterPanelVisible))]))],
            [.. r.Flags.Select(f => new FlagJson(
                f.Key, f.Text, f.Severity, f.Status, f.CountsAsConcern, f.KitItemId,
                [.. f.CheckedBy.Select(c => new FlagCheckJson(c.RaterId, c.RaterName, c.Evidence))],
                f.Review is { } v ? new FlagReviewJson(v.Decision, v.Reason, v.ReviewedBy, v.ReviewedAt) : null))],
            [.. report.Panel.Select(p => new PanelMemberJson(
                p.InterviewerId, p.Name, p.State, p.SubmittedAt, p.Recommendation,
                p.SubmittedAt is null ? null : summaries.GetValueOrDefault(p.InterviewerId)))],
            report.GeneratedAt);
    }
}

public sealed record ReportInterviewJson(int Id, DateTimeOffset ScheduledAt, int KitVersionId, string KitName, int KitVersion);

public sealed record ConfidenceJson(int Raters, int ItemsWithTwoRatings, int ItemCount, double Coverage, IReadOnlyList<int> ItemsToDiscuss, double? NearCutOff);

public sealed record RaterScoreJson(string RaterId, string RaterName, double Score);

public sealed record CompetencyJson(
    int CompetencyId, string Code, string Name, bool IsHurdle, double Weight, double? Score, int ItemCount, int ScoredItemCount,
    double? Agreement, bool LowAgreement, IReadOnlyList<RaterScoreJson> RaterScores);

/// <summary><c>changedAfterSeeingPanel</c>: saved after a reopen, when its rater could already read the other raters' ratings.</summary>
public sealed record RatingJson(string RaterId, string RaterName, int? Value, bool NotObserved, string? Evidence, bool ChangedAfterSeeingPanel);

public sealed record QuestionJson(
    int Number, int KitItemId, string Text, int CompetencyId, string CompetencyCode, double? Score, int RatingCount, int? Spread, bool Discuss,
    IReadOnlyList<RatingJson> Ratings);

public sealed record FlagCheckJson(string RaterId, string RaterName, string? Evidence);

public sealed record FlagReviewJson(RedFlagDecision Decision, string Reason, string ReviewedBy, DateTimeOffset ReviewedAt);

public sealed record FlagJson(
    string Key, string Text, RedFlagSeverity Severity, FlagStatus Status, bool CountsAsConcern, int? KitItemId,
    IReadOnlyList<FlagCheckJson> CheckedBy, FlagReviewJson? Review);

/// <summary>A panel member; recommendation and summary only once their scorecard is submitted (drafts stay private).</summary>
public sealed record PanelMemberJson(string InterviewerId, string Name, ScorecardState State, DateTimeOffset? SubmittedAt, Recommendation? Recommendation, string? Summary);
