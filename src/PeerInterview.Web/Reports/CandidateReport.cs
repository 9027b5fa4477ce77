using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Reports;

/// <summary>
/// The one report model every surface reads: the report page, the position view, the PDF one-pager, CSV, XLSX and
/// the JSON API. Who, what and which kit version, plus the scoring service's result.
/// </summary>
public sealed record CandidateReport(
    int CandidateId,
    string CandidateName,
    string PseudonymId,
    bool IsErased,
    int PositionId,
    string PositionTitle,
    CandidateStage Stage,
    ReportInterview? Interview,
    IReadOnlyList<PanelMember> Panel,
    ScoringResult Result,
    DateTimeOffset GeneratedAt,
    bool Withheld = false)
{
    /// <summary>Panel members who have not submitted yet (their drafts never reach the scores).</summary>
    public IEnumerable<PanelMember> Outstanding => Panel.Where(p => p.SubmittedAt is null);
}

/// <summary>One of a candidate's interviews a report can be about, with how far its panel got.</summary>
public sealed record ReportRound(int InterviewId, DateTimeOffset ScheduledAt, string KitName, int Submitted, int Panel);

public sealed record ReportInterview(int InterviewId, DateTimeOffset ScheduledAt, int KitVersionId, string KitName, int KitVersionNumber);

/// <summary>A panel member and where their scorecard stands. Recommendation only once submitted.</summary>
public sealed record PanelMember(string InterviewerId, string Name, ScorecardState State, DateTimeOffset? SubmittedAt, Recommendation? Recommendation);
