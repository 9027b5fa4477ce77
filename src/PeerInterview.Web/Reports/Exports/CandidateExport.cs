namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// A candidate's report as a table, one row per kit item in kit order: the question, its competency, the question
/// score, the spread and the discuss mark, then each submitted rater's rating ("not observed" spelled out) and
/// evidence, and whether that rating was changed after its rater could see the panel's. Drafts never appear: the scoring result holds submitted scorecards only.
/// </summary>
public static class CandidateExport
{
    public static ExportTable Table(CandidateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var competencies = result.Competencies.ToDictionary(c => c.CompetencyId);
        var raters = result.Submitted.Select(s => (s.RaterId, s.RaterName)).ToList();
        var names = raters.Select((r, i) => raters.Take(i).Any(x => x.RaterName == r.RaterName) ? $"{r.RaterName} ({i + 1})" : r.RaterName).ToList();

        string[] headers =
        [
            "item", "question", "competency", "hurdle", "question score", "ratings", "spread", "discuss",
            .. names.SelectMany(n => new[] { $"{n}: rating", $"{n}: evidence", $"{n}: changed after seeing panel" }),
        ];
        var rows = result.Questions.Select((q, n) =>
        {
            var competency = competencies.GetValueOrDefault(q.CompetencyId);
            var ratings = q.Ratings.ToDictionary(r => r.RaterId);
            return (IReadOnlyList<Cell>)
            [
                Cell.Count(n + 1),
                Cell.Text(q.Text),
                Cell.Text(competency is null ? "" : ScoringService.Label(competency)),
                Cell.YesNo(competency?.IsHurdle ?? false),
                Cell.Score(q.Score),
                Cell.Count(q.RatingCount),
                q.Spread is { } spread ? Cell.Count(spread) : Cell.Text(null),
                Cell.YesNo(q.Discuss),
                .. raters.SelectMany(r => ratings.TryGetValue(r.RaterId, out var rating)
                    ? new[] { Rating(rating), Cell.Text(rating.Evidence), Cell.YesNo(rating.ChangedAfterPanelVisible) }
                    : [Cell.Text(null), Cell.Text(null), Cell.Text(null)]),
            ];
        }).ToList();
        return new ExportTable(headers, rows);
    }

    public static byte[] Csv(CandidateReport report) => CsvWriter.Write(Table(report));

    private static Cell Rating(ItemRating rating) =>
        rating.Value is { } value ? Cell.Count(value) : Cell.Text(rating.NotObserved ? "not observed" : null);
}
