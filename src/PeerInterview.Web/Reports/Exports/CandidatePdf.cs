using System.Globalization;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Infrastructure.Pdf;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// The candidate one-pager: who and which kit version, the band with every reason that decided it, the competency
/// scores with the panel's agreement, the confidence, red flags with their standing and evidence, and the panel.
/// Per-question detail stays in the report page and the candidate CSV; only the items to discuss are listed here.
/// </summary>
public static class CandidatePdf
{
    private const int QuestionPreview = 90;

    /// <param name="createdAt">The PDF's creation date; defaults to the report's generation time.</param>
    public static byte[] Render(CandidateReport report, DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var pdf = new PdfDocumentBuilder($"Candidate report – {report.CandidateName}", "PeerInterview", createdAt ?? report.GeneratedAt);

        pdf.Heading(report.CandidateName, level: 1);
        pdf.KeyValue("Position", report.PositionTitle, size: 9.5f);
        pdf.KeyValue("Stage", Capital(EnumText.Words(report.Stage)), size: 9.5f);
        pdf.KeyValue("Interview", report.Interview is { } i
            ? $"{Date(i.ScheduledAt)} UTC · kit {i.KitName}, version {i.KitVersionNumber}"
            : "No interview yet", size: 9.5f);
        pdf.KeyValue("Candidate id", $"{report.CandidateId}{(report.IsErased ? " (personal data erased)" : "")}", size: 9.5f);

        pdf.Heading($"Band: {result.Band.Text()}", level: 2);
        pdf.Bullets(result.Reasons, size: 9.5f);
        if (result.NeedsReview)
        {
            pdf.Paragraph("Needs review: a knock-out checked by one rater awaits a hiring manager's confirmation or dismissal.", size: 9.5f, style: PdfFontStyle.Bold);
        }

        pdf.Paragraph(ConfidenceLine(result), size: 9f, gray: 0.25f);

        if (result.Competencies.Count > 0)
        {
            pdf.Heading("Scores", level: 3);
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
                size: 8.5f);
        }

        var discuss = result.Questions.Select((q, n) => (Question: q, Number: n + 1)).Where(x => x.Question.Discuss).ToList();
        if (discuss.Count > 0)
        {
            pdf.Heading("Items to discuss (ratings two or more points apart)", level: 3);
            foreach (var (q, number) in discuss)
            {
                var ratings = string.Join("; ", q.Ratings.Select(r => $"{r.RaterName}: {(r.Value?.ToString(CultureInfo.InvariantCulture) ?? (r.NotObserved ? "not observed" : "–"))}"));
                pdf.ListItem($"{number}.", $"{Preview(q.Text)} — {ratings}", size: 8.5f);
            }

            pdf.Space(3f);
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

        pdf.Paragraph($"Generated at {Date(report.GeneratedAt)} UTC by PeerInterview from submitted scorecards only. Bands follow the scoring model; there is no rank number.", size: 8f, gray: 0.4f);
        return pdf.ToBytes();
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

    private static string Preview(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= QuestionPreview ? flat : flat[..QuestionPreview].TrimEnd() + "…";
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Capital(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
