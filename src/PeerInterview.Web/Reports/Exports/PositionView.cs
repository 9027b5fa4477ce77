using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// The position view: every candidate's band, overall and competency scores side by side, one row each (incomplete
/// candidates included), from the candidates' <see cref="CandidateReport"/>s. The JSON position report, the CSV and
/// the XLSX are this, so they always agree. Bands and evidence, no rank number. Incomplete candidates keep their row
/// with empty scores.
/// </summary>
public sealed record PositionView(
    int PositionId,
    string PositionTitle,
    IReadOnlyList<CompetencyColumn> Competencies,
    IReadOnlyList<PositionRow> Candidates,
    DateTimeOffset GeneratedAt)
{
    public static PositionView From(int positionId, string positionTitle, IReadOnlyList<CandidateReport> reports, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var columns = CompetencyColumns(reports);
        return new PositionView(positionId, positionTitle, columns, [.. reports.Select(r => Row(r, columns))], generatedAt);
    }

    private static PositionRow Row(CandidateReport report, IReadOnlyList<CompetencyColumn> columns)
    {
        var result = report.Result;
        var submitted = report.Panel.Where(p => p.SubmittedAt is not null).Select(p => p.SubmittedAt!.Value).Order().ToList();
        // An incomplete panel's numbers are not comparable with the others': the row keeps its band and reason only.
        var complete = result.Band != Band.Incomplete;
        var scores = complete ? result.Competencies.ToDictionary(c => c.CompetencyId) : [];
        return new PositionRow(
            report.CandidateId,
            report.CandidateName,
            report.Stage,
            result.Band,
            report.Withheld ? WithheldText : result.Band.Text(),
            result.Reason,
            result.Reasons,
            complete ? result.Overall : null,
            [.. columns.Select(c => scores.TryGetValue(c.CompetencyId, out var s)
                ? new PositionScore(c.CompetencyId, s.Score, s.Agreement, s.LowAgreement)
                : new PositionScore(c.CompetencyId, null, null, false))],
            result.ConcernCount,
            result.Flags.Count(f => f.Severity == RedFlagSeverity.KnockOut && f.Status == FlagStatus.Confirmed),
            result.Flags.Count(f => f.Status == FlagStatus.Pending),
            result.NeedsReview,
            result.Confidence.Raters,
            result.Confidence.Coverage,
            result.Confidence.ItemsToDiscuss.Count,
            result.Confidence.NearCutOff,
            submitted.Count == 0 ? null : submitted[0],
            submitted.Count == 0 ? null : submitted[^1],
            report.Interview?.ScheduledAt,
            report.Interview is { } i ? $"{i.KitName} v{i.KitVersionNumber}" : null,
            report.Withheld);
    }

    /// <summary>The band column of a candidate withheld under the blind rule (the reason says why).</summary>
    public const string WithheldText = "Withheld until you submit";

    /// <summary>
    /// The union of the competencies the candidates were scored on, in framework order: each report lists its own in
    /// that order, so a missing column goes in after the one it follows on the report that has it.
    /// </summary>
    private static List<CompetencyColumn> CompetencyColumns(IReadOnlyList<CandidateReport> reports)
    {
        var columns = new List<CompetencyColumn>();
        foreach (var report in reports)
        {
            var after = -1;
            foreach (var c in report.Result.Competencies)
            {
                var at = columns.FindIndex(x => x.CompetencyId == c.CompetencyId);
                if (at < 0)
                {
                    at = after + 1;
                    columns.Insert(at, new CompetencyColumn(c.CompetencyId, c.Code, c.Name, c.IsHurdle));
                }

                after = Math.Max(after, at);
            }
        }

        return columns;
    }
}

public sealed record CompetencyColumn(int CompetencyId, string Code, string Name, bool IsHurdle)
{
    public string Label => $"{Code} {Name}";
}

/// <summary>A competency's score for one candidate (null when it has none), with the panel's agreement on it.</summary>
public sealed record PositionScore(int CompetencyId, double? Score, double? Agreement, bool LowAgreement);

public sealed record PositionRow(
    int CandidateId,
    string Name,
    CandidateStage Stage,
    Band Band,
    string BandText,
    string Reason,
    IReadOnlyList<string> Reasons,
    double? Overall,
    IReadOnlyList<PositionScore> Scores,
    int Concerns,
    int KnockOutsConfirmed,
    int KnockOutsPending,
    bool NeedsReview,
    int Raters,
    double Coverage,
    int ItemsToDiscuss,
    double? NearCutOff,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? LastSubmittedAt,
    DateTimeOffset? InterviewAt,
    string? Kit,
    bool Withheld = false);
