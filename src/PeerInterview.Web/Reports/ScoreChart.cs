using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PeerInterview.Web.Reports;

/// <summary>
/// The competency chart on a candidate report, drawn on the server as SVG: one bar per competency on the 1–5 scale,
/// each rater's own mean as a dot, and the band cut-offs as lines. No script and no inline styles (CSS classes only),
/// so it prints, survives a strict CSP, and has a title and description for screen readers; the table beside it
/// carries the same numbers.
/// </summary>
public static class ScoreChart
{
    private const int Width = 640;
    private const int LabelWidth = 190;
    private const int Right = 48;
    private const int Row = 30;
    private const int Top = 26;

    public static IHtmlContent Render(ScoringResult result, string idPrefix = "chart")
    {
        var rows = Rows(result);
        var height = Top + (rows.Count * Row) + 12;
        var html = HtmlEncoder.Default;
        var svg = new StringBuilder();
        var title = $"{idPrefix}-title";
        var desc = $"{idPrefix}-desc";

        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"score-chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{title} {desc}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{title}\">Competency scores on the 1 to 5 scale</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{desc}\">{html.Encode(string.Join("; ", rows.Select(r => $"{r.Label}: {(r.Score is { } s ? ScoringService.Format(s) : "no score")}")))}. Dots are each rater's own mean. Lines mark 2.5, 3.0, 3.5 and 4.2.</desc>");

        // Scale and cut-off lines.
        for (var v = 1; v <= 5; v++)
        {
            var x = X(v);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{x}\" y1=\"{Top - 6}\" x2=\"{x}\" y2=\"{height - 10}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{x}\" y=\"{Top - 10}\" text-anchor=\"middle\">{v}</text>");
        }

        foreach (var (cut, name) in new[] { (2.5, "2.5"), (3.0, "3.0"), (3.5, "3.5"), (4.2, "4.2") })
        {
            var x = X(cut);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"cut\" x1=\"{x}\" y1=\"{Top - 4}\" x2=\"{x}\" y2=\"{height - 10}\"><title>Cut-off {name}</title></line>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, score, hurdle, dots, overall) = rows[i];
            var y = Top + (i * Row);
            var rowClass = overall ? "row overall" : "row";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{rowClass}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"0\" y=\"{y + 19}\">{html.Encode(Shorten(label, 24))}{(hurdle ? " ⚑" : "")}</text>");
            if (score is { } s)
            {
                var level = Level(s, hurdle);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar {level}\" x=\"{X(1)}\" y=\"{y + 6}\" width=\"{X(s) - X(1):0.#}\" height=\"{Row - 12}\" rx=\"3\" />");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{Width - Right + 8}\" y=\"{y + 19}\">{ScoringService.Format(s)}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"none\" x=\"{X(1) + 6}\" y=\"{y + 19}\">no score</text>");
            }

            foreach (var dot in dots)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"rater\" cx=\"{X(dot):0.#}\" cy=\"{y + (Row / 2)}\" r=\"4\" />");
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>One bar per competency in kit order, each rater's own mean as a dot, then the weighted overall: what the SVG and the PDF chart draw.</summary>
    internal static List<(string Label, double? Score, bool IsHurdle, List<double> Dots, bool Overall)> Rows(ScoringResult result) =>
        [.. result.Competencies.Select(c => (Label: $"{c.Code} {c.Name}", c.Score, c.IsHurdle, Dots: c.RaterScores.Select(r => r.Score).ToList(), Overall: false))
            .Append((Label: "Overall (weighted)", Score: result.Overall, IsHurdle: false, Dots: new List<double>(), Overall: true))];

    /// <summary>"low" below the rule that would bite, "mid" under 3.5, "good" under 4.2, else "high".</summary>
    internal static string Level(double score, bool hurdle) =>
        ScoringService.Below(score, hurdle ? ScoringService.HurdleCut : ScoringService.NonHurdleFloor) ? "low"
        : ScoringService.Below(score, ScoringService.BorderlineCut) ? "mid"
        : ScoringService.Below(score, ScoringService.RecommendCut) ? "good"
        : "high";

    private static double X(double value) => LabelWidth + ((value - 1) / 4 * (Width - LabelWidth - Right));

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
