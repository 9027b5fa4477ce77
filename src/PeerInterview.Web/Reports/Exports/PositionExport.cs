using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>The position view as a table, one row per candidate; the same cells become the CSV and the XLSX (README, "Exports").</summary>
public static class PositionExport
{
    public static ExportTable Table(PositionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string[] headers =
        [
            "candidate id", "name", "position", "stage", "band", "overall",
            .. view.Competencies.Select(c => c.Label),
            "concerns", "knock-outs confirmed", "knock-outs pending", "raters", "coverage",
            "first submitted (UTC)", "last submitted (UTC)", "needs review", "interview (UTC)", "kit", "band reason",
        ];
        var rows = view.Candidates.Select(r => (IReadOnlyList<Cell>)
        [
            Cell.Count(r.CandidateId),
            Cell.Text(r.Name),
            Cell.Text(view.PositionTitle),
            Cell.Text(EnumText.Words(r.Stage)),
            Cell.Text(r.BandText),
            Cell.Score(r.Overall),
            .. r.Scores.Select(s => Cell.Score(s.Score)),
            Cell.Count(r.Concerns),
            Cell.Count(r.KnockOutsConfirmed),
            Cell.Count(r.KnockOutsPending),
            Cell.Count(r.Raters),
            Cell.Percent(r.Raters == 0 ? null : r.Coverage),
            Cell.Date(r.FirstSubmittedAt),
            Cell.Date(r.LastSubmittedAt),
            Cell.YesNo(r.NeedsReview),
            Cell.Date(r.InterviewAt),
            Cell.Text(r.Kit),
            Cell.Text(string.Join(" ", r.Reasons.Select(Sentence))),
        ]).ToList();
        return new ExportTable(headers, rows);
    }

    public static byte[] Csv(PositionView view) => CsvWriter.Write(Table(view));

    public static byte[] Xlsx(PositionView view) => XlsxWriter.Write(Table(view), "Candidates");

    private static string Sentence(string reason) => reason.EndsWith('.') ? reason : reason + ".";
}
