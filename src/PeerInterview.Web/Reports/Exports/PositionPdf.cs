using System.Globalization;
using PeerInterview.Web.Documents;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// The position on paper: every candidate's band, overall and competency scores side by side (listed by name, never
/// ranked), then each band's deciding rule. The same <see cref="PositionView"/> as the CSV and XLSX.
/// </summary>
public static class PositionPdf
{
    public static byte[] Render(PositionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var pdf = new PdfDocumentBuilder($"Candidates for {view.PositionTitle}", "PeerInterview", view.GeneratedAt);
        pdf.Heading(view.PositionTitle, level: 1);
        pdf.Paragraph(
            $"{view.Candidates.Count} candidate{(view.Candidates.Count == 1 ? "" : "s")}, listed by name, not ranked: read the band with its reason. " +
            $"Generated {view.GeneratedAt.UtcDateTime.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} UTC from submitted scorecards only.",
            size: 9f, gray: 0.25f);

        var competencyWidth = view.Competencies.Count == 0 ? 0 : Math.Min(34f, 230f / view.Competencies.Count);
        var fixedWidth = (PdfDocumentBuilder.PageWidth - (2 * PdfDocumentBuilder.Margin)) - (competencyWidth * view.Competencies.Count);
        float[] widths = [fixedWidth * 0.36f, fixedWidth * 0.27f, fixedWidth * 0.14f, .. view.Competencies.Select(_ => competencyWidth), fixedWidth * 0.23f];
        string[] headers = ["Candidate", "Band", "Overall", .. view.Competencies.Select(c => c.IsHurdle ? c.Code + "*" : c.Code), "Flags"];
        pdf.Table(
            headers,
            view.Candidates.Select(r => (IReadOnlyList<string>)
            [
                r.Name,
                r.BandText,
                ScoringService.Format(r.Overall),
                .. r.Scores.Select(s => ScoringService.Format(s.Score)),
                Flags(r),
            ]),
            widths,
            size: 8f);
        pdf.Paragraph(
            "* hurdle: must reach 3.0 on its own. " + string.Join(" · ", view.Competencies.Select(c => $"{c.Code} {c.Name}")),
            size: 7.5f, gray: 0.35f);

        pdf.Heading("Why each band", level: 2);
        foreach (var row in view.Candidates)
        {
            pdf.ListItem("•", $"{row.Name}: {row.Reason}", size: 9f);
        }

        return pdf.ToBytes();
    }

    private static string Flags(PositionRow r)
    {
        var parts = new List<string>();
        if (r.KnockOutsConfirmed > 0)
        {
            parts.Add($"{r.KnockOutsConfirmed} knock-out");
        }

        if (r.Concerns > 0)
        {
            parts.Add($"{r.Concerns} concern{(r.Concerns == 1 ? "" : "s")}");
        }

        if (r.NeedsReview)
        {
            parts.Add("needs review");
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
