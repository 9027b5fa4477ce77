using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Reports;

/// <summary>The report's verdict. Bands, not ranks: DESIGN.md's scoring model decides which applies.</summary>
public enum Band
{
    Incomplete,
    NotRecommended,
    Borderline,
    Recommend,
    StronglyRecommend,
}

/// <summary>Where a red flag stands for one candidate once the panel's checks and any hiring-manager review are counted.</summary>
public enum FlagStatus
{
    /// <summary>A concern checked by at least one rater: counts once, however many raters checked it.</summary>
    Concern,

    /// <summary>A knock-out checked by one rater and not reviewed: counts as a concern and marks the report "needs review".</summary>
    Pending,

    /// <summary>A knock-out checked by two or more raters, or confirmed by a hiring manager.</summary>
    Confirmed,

    /// <summary>A single-rater knock-out a hiring manager dismissed: still counts as one concern, no longer pending.</summary>
    Dismissed,
}

// ---------- Inputs: what the scoring service needs, with no database or web types ----------

/// <summary>A competency as the kit version scores it. Weight applies to the overall only, never to hurdles.</summary>
public sealed record ScoringCompetency(int Id, string Code, string Name, bool IsHurdle, double Weight, int Order = 0);

/// <summary>One kit item: the question and the competency it scores (its primary competency).</summary>
public sealed record ScoringItem(int KitItemId, int CompetencyId, string Text, int Order = 0);

/// <summary>A red flag a rater can check: global, a question's, or a kit item's override; keyed as the scorecard keys it.</summary>
public sealed record ScoringFlag(string Key, string Text, RedFlagSeverity Severity, int? KitItemId = null);

/// <summary>One rater's answer on one kit item: 1–5, or not observed (Value null, NotObserved true), or nothing yet.</summary>
/// <paramref name="ChangedAfterPanelVisible"/>: changed (after a reopen) at a time its rater could already read the panel's ratings.
public sealed record RaterRating(int KitItemId, int? Value, bool NotObserved = false, string? Evidence = null, bool ChangedAfterPanelVisible = false);

/// <summary>One rater's checked red flag with the evidence they wrote.</summary>
public sealed record RaterFlagCheck(string Key, string? Evidence = null);

/// <summary>A rater's scorecard. Only submitted scorecards count; the service drops the rest itself.</summary>
public sealed record RaterScorecard(
    int ScorecardId,
    string RaterId,
    string RaterName,
    ScorecardState State,
    DateTimeOffset? SubmittedAt,
    Recommendation? Recommendation,
    IReadOnlyList<RaterRating> Ratings,
    IReadOnlyList<RaterFlagCheck> Flags,
    string? Summary = null);

/// <summary>A hiring manager's decision on a knock-out for this candidate.</summary>
public sealed record FlagReview(string Key, RedFlagDecision Decision, string Reason, string ReviewedBy, DateTimeOffset ReviewedAt);

public sealed record ScoringInput(
    IReadOnlyList<ScoringCompetency> Competencies,
    IReadOnlyList<ScoringItem> Items,
    IReadOnlyList<RaterScorecard> Scorecards,
    IReadOnlyList<ScoringFlag> Flags,
    IReadOnlyList<FlagReview> Reviews);

// ---------- Outputs: every number and word on a report comes from here ----------

public sealed record ItemRating(string RaterId, string RaterName, int? Value, bool NotObserved, string? Evidence, bool ChangedAfterPanelVisible = false);

/// <summary>Question score = mean of the submitted raters' ratings; "discuss" when they span two points or more.</summary>
public sealed record QuestionScore(
    int KitItemId,
    string Text,
    int CompetencyId,
    double? Score,
    int RatingCount,
    int? Spread,
    bool Discuss,
    IReadOnlyList<ItemRating> Ratings);

/// <summary>One rater's own mean on a competency (the input to r_wg and to Krippendorff's alpha).</summary>
public sealed record RaterCompetencyScore(string RaterId, string RaterName, double Score);

/// <summary>
/// Competency score = mean of its question scores. Agreement r_wg = 1 − s²/2 over the raters' own competency means,
/// shown clamped to [0, 1] and flagged below 0.70; null with fewer than two raters.
/// </summary>
public sealed record CompetencyScore(
    int CompetencyId,
    string Code,
    string Name,
    bool IsHurdle,
    double Weight,
    double? Score,
    int ItemCount,
    int ScoredItemCount,
    IReadOnlyList<RaterCompetencyScore> RaterScores,
    double? Agreement,
    bool LowAgreement);

public sealed record FlagCheckEvidence(string RaterId, string RaterName, string? Evidence);

public sealed record FlagOutcome(
    string Key,
    string Text,
    RedFlagSeverity Severity,
    int? KitItemId,
    FlagStatus Status,
    IReadOnlyList<FlagCheckEvidence> CheckedBy,
    FlagReview? Review)
{
    /// <summary>Counts toward the concern rules (rule 3: two or more; rule 4: exactly one).</summary>
    public bool CountsAsConcern => Status is FlagStatus.Concern or FlagStatus.Pending or FlagStatus.Dismissed;

    /// <summary>A pending knock-out can be confirmed or dismissed by a hiring manager.</summary>
    public bool AwaitsReview => Status == FlagStatus.Pending;
}

public sealed record Confidence(
    int Raters,
    int ItemsWithTwoRatings,
    int ItemCount,
    double Coverage,
    IReadOnlyList<int> ItemsToDiscuss,
    double? NearCutOff);

public sealed record ScoringResult(
    Band Band,
    IReadOnlyList<string> Reasons,
    double? Overall,
    IReadOnlyList<QuestionScore> Questions,
    IReadOnlyList<CompetencyScore> Competencies,
    IReadOnlyList<FlagOutcome> Flags,
    int ConcernCount,
    bool NeedsReview,
    Confidence Confidence,
    IReadOnlyList<RaterScorecard> Submitted)
{
    /// <summary>The rule that decided the band, in words: "Recommend: overall 4.08 is below 4.2".</summary>
    public string Reason => Reasons[0];
}
