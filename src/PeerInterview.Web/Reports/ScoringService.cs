using System.Globalization;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Reports;

/// <summary>
/// DESIGN.md's scoring model, exactly: submitted ratings → question, competency and overall scores → a band decided by
/// the first matching rule, with the rule in words, the red flags' standing and the confidence beside it. Plain C#: the
/// report pages, the exports and the analytics all read its result, so there is one place where a band is decided.
/// </summary>
public static class ScoringService
{
    public const double HurdleCut = 3.0;
    public const double NotRecommendedCut = 3.0;
    public const double BorderlineCut = 3.5;
    public const double RecommendCut = 4.2;
    public const double NonHurdleFloor = 2.5;
    public const double CompetencyFloor = 3.0;
    public const double NearCutOffDistance = 0.15;
    public const double LowAgreement = 0.70;

    /// <summary>Variance of a uniform random rater on a 5-point scale, (A² − 1) / 12.</summary>
    public const double RandomRaterVariance = 2.0;

    public static readonly IReadOnlyList<double> CutOffs = [NotRecommendedCut, BorderlineCut, RecommendCut];

    // Means of small integers can land a hair off a cut-off (2.9999999999999996); a cut-off is met when within this.
    private const double Tolerance = 1e-9;

    public static ScoringResult Score(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // Only submitted scorecards count: a draft or reopened card never leaks into a report.
        var submitted = input.Scorecards
            .Where(s => s.State == ScorecardState.Submitted)
            .OrderBy(s => s.SubmittedAt)
            .ThenBy(s => s.ScorecardId)
            .ToList();

        var items = input.Items.OrderBy(i => i.Order).ThenBy(i => i.KitItemId).ToList();
        if (items.FirstOrDefault(i => input.Competencies.All(c => c.Id != i.CompetencyId)) is { } orphan)
        {
            // An item nobody can score under would silently vanish from the overall.
            throw new ArgumentException($"Kit item {orphan.KitItemId} scores competency {orphan.CompetencyId}, which is not among the competencies given.", nameof(input));
        }

        var questions = items.Select(item => ScoreQuestion(item, submitted)).ToList();
        var competencies = ScoreCompetencies(input.Competencies, items, questions, submitted);
        var overall = Overall(competencies);
        var flags = FlagOutcomes(input.Flags, input.Reviews, submitted);
        var concerns = flags.Count(f => f.CountsAsConcern);

        var withTwo = questions.Count(q => q.RatingCount >= 2);
        var confidence = new Confidence(
            submitted.Count,
            withTwo,
            questions.Count,
            questions.Count == 0 ? 0 : (double)withTwo / questions.Count,
            [.. questions.Where(q => q.Discuss).Select(q => q.KitItemId)],
            overall is { } o ? NearestCutOff(o) : null);

        var (band, reasons) = DecideBand(submitted.Count, questions, competencies, overall, flags, concerns);
        return new ScoringResult(
            band, reasons, overall, questions, competencies, flags, concerns,
            flags.Any(f => f.AwaitsReview), confidence, submitted);
    }

    private static QuestionScore ScoreQuestion(ScoringItem item, List<RaterScorecard> submitted)
    {
        var ratings = submitted
            .Select(s => (Card: s, Rating: s.Ratings.FirstOrDefault(r => r.KitItemId == item.KitItemId)))
            .Select(x => new ItemRating(
                x.Card.RaterId,
                x.Card.RaterName,
                x.Rating is { NotObserved: false, Value: >= 1 and <= 5 } ? x.Rating.Value : null,
                x.Rating?.NotObserved ?? false,
                x.Rating?.Evidence,
                x.Rating?.ChangedAfterPanelVisible ?? false))
            .ToList();
        var values = ratings.Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
        int? spread = values.Count >= 2 ? values.Max() - values.Min() : null;
        return new QuestionScore(
            item.KitItemId,
            item.Text,
            item.CompetencyId,
            values.Count == 0 ? null : values.Average(),
            values.Count,
            spread,
            spread >= 2,
            ratings);
    }

    private static List<CompetencyScore> ScoreCompetencies(
        IReadOnlyList<ScoringCompetency> competencies,
        List<ScoringItem> items,
        List<QuestionScore> questions,
        List<RaterScorecard> submitted)
    {
        var result = new List<CompetencyScore>();
        foreach (var competency in competencies.OrderBy(c => c.Order).ThenBy(c => c.Code, StringComparer.Ordinal))
        {
            var own = questions.Where(q => q.CompetencyId == competency.Id).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var scored = own.Where(q => q.Score is not null).Select(q => q.Score!.Value).ToList();
            var ownIds = own.Select(q => q.KitItemId).ToHashSet();

            // Each rater's own competency mean, over the items of this competency they rated (not observed excluded).
            var raterScores = submitted
                .Select(s => (Card: s, Values: s.Ratings
                    .Where(r => ownIds.Contains(r.KitItemId) && !r.NotObserved && r.Value is >= 1 and <= 5)
                    .Select(r => (double)r.Value!.Value)
                    .ToList()))
                .Where(x => x.Values.Count > 0)
                .Select(x => new RaterCompetencyScore(x.Card.RaterId, x.Card.RaterName, x.Values.Average()))
                .ToList();
            var agreement = Agreement(raterScores.Select(r => r.Score).ToList());

            result.Add(new CompetencyScore(
                competency.Id,
                competency.Code,
                competency.Name,
                competency.IsHurdle,
                competency.Weight,
                scored.Count == 0 ? null : scored.Average(),
                own.Count,
                scored.Count,
                raterScores,
                agreement,
                agreement < LowAgreement));
        }

        return result;
    }

    /// <summary>r_wg = 1 − s²/σ²_EU, clamped to [0, 1] for display; null with fewer than two raters.</summary>
    public static double? Agreement(IReadOnlyList<double> raterScores)
    {
        if (raterScores.Count < 2)
        {
            return null;
        }

        var mean = raterScores.Average();
        var variance = raterScores.Sum(v => (v - mean) * (v - mean)) / (raterScores.Count - 1);
        return Math.Clamp(1 - (variance / RandomRaterVariance), 0, 1);
    }

    /// <summary>Weighted mean of the competency scores that exist; weights default to equal.</summary>
    private static double? Overall(List<CompetencyScore> competencies)
    {
        var scored = competencies.Where(c => c.Score is not null && c.Weight > 0).ToList();
        var totalWeight = scored.Sum(c => c.Weight);
        return scored.Count == 0 || totalWeight <= 0 ? null : scored.Sum(c => c.Weight * c.Score!.Value) / totalWeight;
    }

    private static List<FlagOutcome> FlagOutcomes(IReadOnlyList<ScoringFlag> flags, IReadOnlyList<FlagReview> reviews, List<RaterScorecard> submitted)
    {
        var outcomes = new List<FlagOutcome>();
        foreach (var flag in flags)
        {
            // One rater checking a flag twice (item and global list) still counts as one rater.
            var checkedBy = submitted
                .Select(s => (Card: s, Check: s.Flags.FirstOrDefault(f => f.Key == flag.Key)))
                .Where(x => x.Check is not null)
                .Select(x => new FlagCheckEvidence(x.Card.RaterId, x.Card.RaterName, x.Check!.Evidence))
                .DistinctBy(x => x.RaterId)
                .ToList();
            var review = reviews.Where(r => r.Key == flag.Key).OrderByDescending(r => r.ReviewedAt).FirstOrDefault();
            if (checkedBy.Count == 0)
            {
                continue;
            }

            var status = flag.Severity switch
            {
                RedFlagSeverity.Concern => FlagStatus.Concern,
                _ when checkedBy.Count >= 2 => FlagStatus.Confirmed,
                _ when review?.Decision == RedFlagDecision.Confirmed => FlagStatus.Confirmed,
                _ when review?.Decision == RedFlagDecision.Dismissed => FlagStatus.Dismissed,
                _ => FlagStatus.Pending,
            };
            outcomes.Add(new FlagOutcome(flag.Key, flag.Text, flag.Severity, flag.KitItemId, status, checkedBy, review));
        }

        return [.. outcomes.OrderBy(f => f.Status switch { FlagStatus.Confirmed => 0, FlagStatus.Pending => 1, FlagStatus.Dismissed => 2, _ => 3 })];
    }

    private static (Band, IReadOnlyList<string>) DecideBand(
        int raters,
        List<QuestionScore> questions,
        List<CompetencyScore> competencies,
        double? overall,
        List<FlagOutcome> flags,
        int concerns)
    {
        // 1. Incomplete
        var reasons = new List<string>();
        if (raters < 2)
        {
            reasons.Add(raters == 0
                ? "no scorecard has been submitted; two are needed"
                : "only 1 scorecard has been submitted; two are needed");
        }

        reasons.AddRange(competencies.Where(c => c.IsHurdle && c.Score is null).Select(c => $"hurdle {Label(c)} has no score"));
        var scoredItems = questions.Count(q => q.Score is not null);
        if (questions.Count == 0 || scoredItems * 2 < questions.Count)
        {
            reasons.Add($"only {scoredItems} of {questions.Count} questions have a score; at least half are needed");
        }

        if (overall is null && reasons.Count == 0)
        {
            reasons.Add("no weighted competency has a score");
        }

        if (reasons.Count > 0)
        {
            return (Band.Incomplete, Decided("Incomplete", reasons));
        }

        var o = overall!.Value;

        // 2. Not recommended
        foreach (var knockOut in flags.Where(f => f.Status == FlagStatus.Confirmed))
        {
            reasons.Add(knockOut.Review?.Decision == RedFlagDecision.Confirmed && knockOut.CheckedBy.Count < 2
                ? $"knock-out \"{knockOut.Text}\" confirmed by a hiring manager"
                : $"knock-out \"{knockOut.Text}\" checked by {knockOut.CheckedBy.Count} raters");
        }

        if (Below(o, NotRecommendedCut))
        {
            reasons.Add($"overall {Number(o, NotRecommendedCut)} is below {Cut(NotRecommendedCut)}");
        }

        reasons.AddRange(competencies
            .Where(c => c.IsHurdle && c.Score is { } s && Below(s, HurdleCut))
            .Select(c => $"{Label(c)} scored {Number(c.Score!.Value, HurdleCut)}, below the hurdle of {Cut(HurdleCut)}"));
        if (reasons.Count > 0)
        {
            return (Band.NotRecommended, Decided("Not recommended", reasons));
        }

        // 3. Borderline
        if (Below(o, BorderlineCut))
        {
            reasons.Add($"overall {Number(o, BorderlineCut)} is below {Cut(BorderlineCut)}");
        }

        reasons.AddRange(competencies
            .Where(c => !c.IsHurdle && c.Score is { } s && Below(s, NonHurdleFloor))
            .Select(c => $"{Label(c)} scored {Number(c.Score!.Value, NonHurdleFloor)}, below {Cut(NonHurdleFloor)}"));
        if (concerns >= 2)
        {
            reasons.Add($"{concerns} concerns were raised");
        }

        if (reasons.Count > 0)
        {
            return (Band.Borderline, Decided("Borderline", reasons));
        }

        // 4. Recommend
        if (Below(o, RecommendCut))
        {
            reasons.Add($"overall {Number(o, RecommendCut)} is below {Cut(RecommendCut)}");
        }

        reasons.AddRange(competencies
            .Where(c => c.Score is { } s && Below(s, CompetencyFloor))
            .Select(c => $"{Label(c)} scored {Number(c.Score!.Value, CompetencyFloor)}, below {Cut(CompetencyFloor)}"));
        if (concerns == 1)
        {
            reasons.Add($"one concern was raised: \"{flags.First(f => f.CountsAsConcern).Text}\"");
        }

        if (reasons.Count > 0)
        {
            return (Band.Recommend, Decided("Recommend", reasons));
        }

        // 5. Strongly recommend
        return (Band.StronglyRecommend, [$"Strongly recommend: overall {Number(o, RecommendCut)} is at least {Cut(RecommendCut)}, every competency is at least {Cut(CompetencyFloor)} and no concerns were raised"]);
    }

    private static List<string> Decided(string band, List<string> reasons) =>
        [.. reasons.Select((r, i) => i == 0 ? $"{band}: {r}" : $"{char.ToUpperInvariant(r[0])}{r[1..]}")];

    public static bool Below(double value, double cut) => value < cut - Tolerance;

    /// <summary>The cut-off within 0.15 of the overall, if any (DESIGN.md: "near a cut-off").</summary>
    public static double? NearestCutOff(double overall) =>
        CutOffs.Where(c => Math.Abs(overall - c) <= NearCutOffDistance + Tolerance).Cast<double?>().FirstOrDefault();

    public static string Label(CompetencyScore c) => $"{c.Code} {c.Name}";

    /// <summary>Two decimals, or three when two would round a score onto the cut-off it misses ("2.996", not "3.00").</summary>
    public static string Number(double value, double cut)
    {
        var text = Format(value);
        return Below(value, cut) && double.Parse(text, CultureInfo.InvariantCulture) >= cut
            ? value.ToString("0.000", CultureInfo.InvariantCulture)
            : text;
    }

    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Format(double? value) => value is { } v ? Format(v) : "–";

    private static string Cut(double cut) => cut.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Text(this Band band) => band switch
    {
        Band.Incomplete => "Incomplete",
        Band.NotRecommended => "Not recommended",
        Band.Borderline => "Borderline",
        Band.Recommend => "Recommend",
        Band.StronglyRecommend => "Strongly recommend",
        _ => band.ToString(),
    };
}
