using System.Globalization;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Documents;
using SkiaSharp;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// The candidate report on paper: a header with who, which position and which interview; the band in a framed box with
/// every reason that decided it; the confidence; the competency chart (the page's SVG data, drawn in the PDF) and its
/// table; red flags with their standing and evidence; the panel; then every rating with its evidence. Summary first, so
/// page 1 is the one-pager; the detail flows onto further pages, numbered in the footer. Black-and-white safe: bars are
/// grey levels with their values printed, marks are shapes, nothing relies on colour.
/// </summary>
public static class CandidatePdf
{
    private static readonly double[] CutOffLines = [2.5, 3.0, 3.5, 4.2];
    private static readonly SKColor Ink = new(0x1F, 0x29, 0x37);
    private static readonly SKColor Muted = new(0x55, 0x5E, 0x6B);
    private static readonly SKColor Rule = new(0xB8, 0xBF, 0xC8);

    /// <param name="createdAt">The PDF's creation date; defaults to the report's generation time.</param>
    public static byte[] Render(CandidateReport report, DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var pdf = new PdfDocumentBuilder($"Candidate report – {report.CandidateName}", "PeerInterview", createdAt ?? report.GeneratedAt);

        Header(pdf, report);
        BandBox(pdf, result);
        pdf.Paragraph(ConfidenceLine(result), size: 9f, gray: 0.25f);

        if (result.Competencies.Count > 0)
        {
            pdf.Heading("Competency scores", level: 3);
            Chart(pdf, result);
            pdf.Table(
                ["Competency", "Hurdle", "Weight", "Score", "Agreement (r_wg)", "Items scored"],
                [
                    .. result.Competencies.Select(c => (IReadOnlyList<string>)
                    [
                        ScoringService.Label(c),
                        c.IsHurdle ? "hurdle (3.0)" : "",
                        c.Weight.ToString("0.##", CultureInfo.InvariantCulture),
                        ScoringService.Format(c.Score),
                        c.Agreement is { } a ? $"{ScoringService.Format(a)}{(c.LowAgreement ? " LOW" : "")}" : "–",
                        $"{c.ScoredItemCount} of {c.ItemCount}",
                    ]),
                    ["Overall (weighted)", "", "", ScoringService.Format(result.Overall), "", ""],
                ],
                [3.4f, 1.1f, 0.8f, 0.8f, 1.4f, 1.1f],
                size: 8.5f,
                emphasiseLastRow: true);
        }

        pdf.Heading("Red flags", level: 3);
        if (result.Flags.Count == 0)
        {
            pdf.Paragraph("None checked by the panel.", size: 9f);
        }

        foreach (var flag in result.Flags)
        {
            pdf.ListItem("•", $"{FlagLabel(flag)}: {flag.Text}", size: 9f, style: PdfFontStyle.Bold);
            foreach (var check in flag.CheckedBy)
            {
                pdf.ListItem("–", $"{check.RaterName}: {(string.IsNullOrWhiteSpace(check.Evidence) ? "no evidence written" : check.Evidence.Trim())}", level: 1, size: 8.5f);
            }

            if (flag.Review is { } review)
            {
                pdf.ListItem("–", $"{(review.Decision == RedFlagDecision.Confirmed ? "Confirmed" : "Dismissed")} by {review.ReviewedBy} on {Date(review.ReviewedAt)}: {review.Reason}", level: 1, size: 8.5f);
            }
        }

        pdf.Heading("Panel", level: 3);
        pdf.Table(
            ["Interviewer", "Scorecard", "Submitted (UTC)", "Recommendation"],
            [
                .. report.Panel.Select(p => (IReadOnlyList<string>)
                [
                    p.Name,
                    Capital(EnumText.Words(p.State)),
                    p.SubmittedAt is { } at ? Date(at) : "not submitted (not counted)",
                    p.Recommendation is { } r ? Capital(EnumText.Words(r)) : "–",
                ]),
            ],
            [2.4f, 1.2f, 2f, 1.4f],
            size: 8.5f);

        Ratings(pdf, result);

        pdf.Paragraph($"Generated at {Date(report.GeneratedAt)} UTC by PeerInterview from submitted scorecards only. Bands follow the scoring model; there is no rank number.", size: 8f, gray: 0.4f);
        return pdf.ToBytes();
    }

    /// <summary>Who, for which position and interview: a small caption, the name large, then the facts in two muted lines.</summary>
    private static void Header(PdfDocumentBuilder pdf, CandidateReport report)
    {
        var interview = report.Interview is { } i
            ? $"Interview {Date(i.ScheduledAt)} UTC · kit {i.KitName}, version {i.KitVersionNumber}"
            : "No interview yet";
        var facts = $"Stage: {Capital(EnumText.Words(report.Stage))} · candidate {report.CandidateId}{(report.IsErased ? " (personal data erased)" : "")}";
        pdf.Drawing(22f, (c, top) =>
        {
            c.Text("CANDIDATE REPORT", PdfDocumentBuilder.PdfCanvas.Left, top + 9f, 8f, PdfFontStyle.Bold, Muted);
            c.Text($"Generated {Date(report.GeneratedAt)} UTC", PdfDocumentBuilder.PdfCanvas.Left + PdfDocumentBuilder.PdfCanvas.Width, top + 9f, 8f, color: Muted, anchor: TextAnchor.End);
            c.Line(PdfDocumentBuilder.PdfCanvas.Left, top + 15f, PdfDocumentBuilder.PdfCanvas.Left + PdfDocumentBuilder.PdfCanvas.Width, top + 15f, Ink, 1.5f);
        });
        pdf.Paragraph(report.CandidateName, size: 20f, style: PdfFontStyle.Bold);
        pdf.Paragraph(report.PositionTitle, size: 11.5f, style: PdfFontStyle.Bold, gray: 0.2f);
        pdf.Paragraph($"{interview}\n{facts}", size: 9f, gray: 0.3f);
    }

    /// <summary>The band in a framed box with a heavy bar on its left (reads the same in black and white), and every reason that decided it.</summary>
    private static void BandBox(PdfDocumentBuilder pdf, ScoringResult result)
    {
        var reasons = result.Reasons.ToList();
        if (result.NeedsReview)
        {
            reasons.Add("Needs review: a knock-out checked by one rater awaits a hiring manager's confirmation or dismissal.");
        }

        pdf.Space(4f);
        pdf.Drawing(40f, (c, top) =>
        {
            var left = PdfDocumentBuilder.PdfCanvas.Left;
            var width = PdfDocumentBuilder.PdfCanvas.Width;
            c.Rect(left, top, width, 36f, fill: new SKColor(0xF1, 0xF3, 0xF6), stroke: Ink, lineWidth: 1f);
            c.Rect(left, top, 7f, 36f, fill: Ink);
            c.Text("BAND", left + 16f, top + 14f, 7.5f, PdfFontStyle.Bold, Muted);
            c.Text(result.Band.Text(), left + 16f, top + 29f, 15f, PdfFontStyle.Bold, Ink);
            var overall = result.Overall is { } o ? $"Overall {ScoringService.Format(o)} of 5" : "No overall score yet";
            c.Text(overall, left + width - 12f, top + 22f, 11f, PdfFontStyle.Bold, Ink, TextAnchor.End);
        });
        pdf.Paragraph(reasons.Count == 1 ? "Why:" : "Why (the deciding rule first):", size: 9f, style: PdfFontStyle.Bold);
        for (var r = 0; r < reasons.Count; r++)
        {
            pdf.ListItem("•", reasons[r], size: 9.5f, style: r == 0 ? PdfFontStyle.Bold : PdfFontStyle.Regular);
        }

        pdf.Space(4f);
    }

    /// <summary>
    /// The competency chart from <see cref="ScoreChart.Rows"/> (the page's SVG data): a bar per competency on the 1–5 scale,
    /// each rater's mean as a ring, the band cut-offs as dashed lines. Bars are shades of grey from dark (below the rule
    /// that bites) to light, with the value printed beside each, so nothing depends on colour.
    /// </summary>
    private static void Chart(PdfDocumentBuilder pdf, ScoringResult result)
    {
        var rows = ScoreChart.Rows(result);
        const float row = 17f, axis = 14f, legend = 14f;
        var height = axis + (rows.Count * row) + legend + 6f;
        pdf.Drawing(height, (c, top) =>
        {
            var left = PdfDocumentBuilder.PdfCanvas.Left;
            var labelWidth = 170f;
            var x0 = left + labelWidth;
            var x1 = left + PdfDocumentBuilder.PdfCanvas.Width - 44f;
            float X(double v) => x0 + (float)((v - 1) / 4) * (x1 - x0);
            var plotTop = top + axis;
            var plotBottom = plotTop + (rows.Count * row);

            for (var v = 1; v <= 5; v++)
            {
                c.Line(X(v), plotTop - 2f, X(v), plotBottom, Rule, 0.5f);
                c.Text(v.ToString(CultureInfo.InvariantCulture), X(v), top + 9f, 7.5f, color: Muted, anchor: TextAnchor.Middle);
            }

            for (var i = 0; i < rows.Count; i++)
            {
                var (label, score, hurdle, dots, overall) = rows[i];
                var rowTop = plotTop + (i * row);
                if (overall)
                {
                    c.Line(left, rowTop, x1, rowTop, Ink, 0.75f);
                }

                var style = overall ? PdfFontStyle.Bold : PdfFontStyle.Regular;
                c.Text(c.Fit(label + (hurdle ? " *" : ""), labelWidth - 8f, 8.5f, style), left, rowTop + 12f, 8.5f, style, Ink);
                if (score is { } s)
                {
                    c.Rect(X(1), rowTop + 3.5f, X(s) - X(1), row - 7f, fill: Shade(ScoreChart.Level(s, hurdle), overall), stroke: Ink, lineWidth: 0.5f);
                    c.Text(ScoringService.Format(s), left + PdfDocumentBuilder.PdfCanvas.Width, rowTop + 12f, 8.5f, PdfFontStyle.Bold, Ink, TextAnchor.End);
                }
                else
                {
                    c.Text("no score", X(1) + 4f, rowTop + 12f, 8f, PdfFontStyle.Italic, Muted);
                }

                foreach (var dot in dots)
                {
                    c.Circle(X(dot), rowTop + (row / 2f), 2.6f, SKColors.White, Ink);
                }
            }

            foreach (var cut in CutOffLines)
            {
                c.Line(X(cut), plotTop - 2f, X(cut), plotBottom, Ink, 0.6f, dash: 2f);
            }

            var legendY = plotBottom + 11f;
            c.Circle(left + 3f, legendY - 3f, 2.6f, SKColors.White, Ink);
            c.Text("a rater's own mean", left + 9f, legendY, 7.5f, color: Muted);
            c.Line(left + 100f, legendY - 7f, left + 100f, legendY + 1f, Ink, 0.6f, dash: 2f);
            c.Text("band cut-offs 2.5 · 3.0 · 3.5 · 4.2", left + 105f, legendY, 7.5f, color: Muted);
            c.Text("* hurdle: must reach 3.0 on its own", left + 255f, legendY, 7.5f, color: Muted);
        });
    }

    /// <summary>Grey levels that survive photocopying: darkest for a score below the rule that bites.</summary>
    private static SKColor Shade(string level, bool overall) => (level, overall) switch
    {
        (_, true) => new SKColor(0x4B, 0x55, 0x63),
        ("low", _) => new SKColor(0x37, 0x41, 0x51),
        ("mid", _) => new SKColor(0x9C, 0xA3, 0xAF),
        ("good", _) => new SKColor(0xC4, 0xC9, 0xD0),
        _ => new SKColor(0xE2, 0xE5, 0xE9),
    };

    /// <summary>Every question with its score and each submitted rater's rating and evidence; items to discuss are marked.</summary>
    private static void Ratings(PdfDocumentBuilder pdf, ScoringResult result)
    {
        if (result.Questions.Count == 0)
        {
            return;
        }

        var competencies = result.Competencies.ToDictionary(c => c.CompetencyId);
        pdf.Heading("Ratings and evidence", level: 3);
        pdf.Paragraph("Each question in kit order with its score (mean of the submitted ratings); “discuss” marks ratings two or more points apart.", size: 8.5f, gray: 0.35f);
        for (var n = 0; n < result.Questions.Count; n++)
        {
            var q = result.Questions[n];
            var competency = competencies.GetValueOrDefault(q.CompetencyId);
            pdf.KeepTogether(() =>
            {
                pdf.ListItem($"{n + 1}.", q.Text.Trim(), size: 9.5f, style: PdfFontStyle.Bold);
                pdf.Paragraph(
                    $"{(competency is null ? "" : ScoringService.Label(competency) + " · ")}score {ScoringService.Format(q.Score)}{(q.Discuss ? " · DISCUSS" : "")}",
                    size: 8f, style: q.Discuss ? PdfFontStyle.Bold : PdfFontStyle.Italic, gray: 0.35f, indent: 18f);
                foreach (var r in q.Ratings)
                {
                    var value = r.Value?.ToString(CultureInfo.InvariantCulture) ?? (r.NotObserved ? "not observed" : "–");
                    var evidence = string.IsNullOrWhiteSpace(r.Evidence) ? "no evidence written" : r.Evidence.Trim();
                    var changed = r.ChangedAfterPanelVisible ? " (changed after seeing the panel)" : "";
                    pdf.ListItem("–", $"{r.RaterName}: {value}{changed} — {evidence}", level: 1, size: 8.5f);
                }
            });
        }

        pdf.Space(4f);
    }

    public static string FlagLabel(FlagOutcome flag) => (flag.Severity, flag.Status) switch
    {
        (RedFlagSeverity.KnockOut, FlagStatus.Confirmed) => "Knock-out, confirmed",
        (RedFlagSeverity.KnockOut, FlagStatus.Pending) => "Knock-out, pending review (counts as a concern)",
        (RedFlagSeverity.KnockOut, FlagStatus.Dismissed) => "Knock-out, dismissed (counts as a concern)",
        _ => "Concern",
    };

    private static string ConfidenceLine(ScoringResult result)
    {
        var c = result.Confidence;
        var parts = new List<string>
        {
            c.Raters == 1 ? "1 rater" : $"{c.Raters} raters",
            $"coverage {c.Coverage.ToString("0%", CultureInfo.InvariantCulture)} ({c.ItemsWithTwoRatings} of {c.ItemCount} items rated by two or more)",
            c.ItemsToDiscuss.Count == 1 ? "1 item to discuss" : $"{c.ItemsToDiscuss.Count} items to discuss",
        };
        var low = result.Competencies.Where(x => x.LowAgreement).Select(x => x.Code).ToList();
        if (low.Count > 0)
        {
            parts.Add($"low agreement (r_wg below 0.70) on {string.Join(", ", low)}");
        }

        if (c.NearCutOff is { } cut)
        {
            parts.Add($"near the {cut.ToString("0.0", CultureInfo.InvariantCulture)} cut-off");
        }

        return "Confidence: " + string.Join(" · ", parts) + ".";
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Capital(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
