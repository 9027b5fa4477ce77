namespace PeerInterview.Web.Reports.Analytics;

/// <summary>Which interviews the analytics cover: one position or all, and interview dates (UTC, both ends inclusive).</summary>
public sealed record AnalyticsFilter(int? PositionId = null, DateOnly? From = null, DateOnly? To = null)
{
    public bool Includes(DateTimeOffset scheduledAt)
    {
        var day = DateOnly.FromDateTime(scheduledAt.UtcDateTime);
        return (From is null || day >= From) && (To is null || day <= To);
    }
}

/// <summary>Krippendorff's alpha for one competency across the candidates in scope.</summary>
public sealed record CompetencyReliability(int CompetencyId, string Code, string Name, AlphaResult Alpha);

/// <summary>
/// Programme analytics: about interviewers and competencies, never about candidates, so it carries no candidate names.
/// <see cref="Candidates"/> counts candidates with at least one submitted scorecard (erased candidates included: their
/// scores stay under a pseudonym).
/// </summary>
public sealed record ProgrammeAnalytics(
    AnalyticsFilter Filter,
    int Candidates,
    int SubmittedScorecards,
    IReadOnlyList<InterviewerLeniency> Leniency,
    IReadOnlyList<CompetencyReliability> Reliability,
    DateTimeOffset GeneratedAt)
{
    public bool IsEmpty => SubmittedScorecards == 0;

    /// <summary>Interviews left out because the viewer sits on their panel and has not submitted (the blind rule).</summary>
    public int WithheldInterviews { get; init; }

    /// <summary>
    /// From candidate reports (each already restricted to submitted scorecards by the scoring service): leniency over
    /// every kit item with numeric ratings, alpha per competency over each rater's own competency mean.
    /// </summary>
    public static ProgrammeAnalytics From(IReadOnlyList<CandidateReport> reports, AnalyticsFilter filter, DateTimeOffset generatedAt)
    {
        var scored = reports.Where(r => r.Result.Submitted.Count > 0).ToList();

        var items = scored.SelectMany(r => r.Result.Questions).Select(q => (IReadOnlyList<RaterValue>)[.. q.Ratings
            .Where(x => x.Value is not null && !x.NotObserved)
            .Select(x => new RaterValue(x.RaterId, x.RaterName, x.Value!.Value))]);

        var reliability = scored
            .SelectMany(r => r.Result.Competencies)
            .GroupBy(c => c.CompetencyId)
            .Select(g => new CompetencyReliability(
                g.Key,
                g.First().Code,
                g.First().Name,
                KrippendorffAlpha.Interval(g.Select(c => (IReadOnlyList<double>)[.. c.RaterScores.Select(s => s.Score)]))))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();

        return new ProgrammeAnalytics(
            filter,
            scored.Count,
            scored.Sum(r => r.Result.Submitted.Count),
            Analytics.Leniency.Compute(items),
            reliability,
            generatedAt);
    }
}
