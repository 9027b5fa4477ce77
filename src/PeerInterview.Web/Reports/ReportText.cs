using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Reports;

/// <summary>The words and CSS classes the report pages use for bands, flag standings and recommendations.</summary>
public static class ReportText
{
    public static string BandClass(Band band) => band switch
    {
        Band.Incomplete => "band-incomplete",
        Band.NotRecommended => "band-not",
        Band.Borderline => "band-borderline",
        Band.Recommend => "band-recommend",
        _ => "band-strong",
    };

    public static string FlagStatusText(FlagStatus status) => status switch
    {
        FlagStatus.Confirmed => "Knock-out confirmed",
        FlagStatus.Pending => "Knock-out pending review",
        FlagStatus.Dismissed => "Knock-out dismissed (counts as a concern)",
        _ => "Concern",
    };

    public static string FlagStatusClass(FlagStatus status) => status switch
    {
        FlagStatus.Confirmed => "danger",
        FlagStatus.Pending => "warn",
        FlagStatus.Dismissed => "info",
        _ => "warn",
    };

    public static string Recommendation(Recommendation? recommendation) => recommendation switch
    {
        Domain.Recommendation.StrongNo => "Strong no",
        Domain.Recommendation.No => "No",
        Domain.Recommendation.Yes => "Yes",
        Domain.Recommendation.StrongYes => "Strong yes",
        _ => "—",
    };

    public static string Percent(double share) => share.ToString("0%", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A heat-map bucket for a score: heat-1 (1.0–1.5) … heat-8 (4.5–5.0).</summary>
    public static string Heat(double? score) => score is { } s ? $"heat heat-{Math.Clamp((int)Math.Floor((s - 1) * 2) + 1, 1, 8)}" : "heat heat-none";

    /// <summary>The five band rules, in the order they are tried, for the "how this band was decided" panel.</summary>
    public static readonly IReadOnlyList<(Band Band, string Rule)> Rules =
    [
        (Band.Incomplete, "fewer than two submitted scorecards, a hurdle competency with no score, or under half of the questions scored"),
        (Band.NotRecommended, "a confirmed knock-out, overall below 3.0, or a hurdle competency below 3.0"),
        (Band.Borderline, "overall below 3.5, a non-hurdle competency below 2.5, or two or more concerns"),
        (Band.Recommend, "overall below 4.2, any competency below 3.0, or exactly one concern"),
        (Band.StronglyRecommend, "everything else"),
    ];
}
