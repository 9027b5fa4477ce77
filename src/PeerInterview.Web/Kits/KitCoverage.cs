using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Kits;

/// <summary>
/// Competency coverage of a kit: questions and minutes per competency, weights as percentages, and the warnings a
/// hiring manager should see before publishing. Plain C# so it is unit-tested without a host.
/// </summary>
public static class KitCoverage
{
    public sealed record CompetencyInput(int Id, string Code, string Name, bool IsHurdle);

    public sealed record ItemInput(int ItemId, string QuestionText, int CompetencyId, int Minutes, bool NeedsReview, bool Archived, IReadOnlyList<string> LintWarnings,
        AnchorState Anchors = AnchorState.Generic);

    /// <summary>What an item's anchors rest on: question anchors a person reviewed (or wrote for this kit), unreviewed starter anchors, the competency's, or the generic scale.</summary>
    public enum AnchorState
    {
        Reviewed,
        Starter,
        Competency,
        Generic,
    }

    public sealed record AnchorCounts(int Reviewed, int Starter, int Competency, int Generic)
    {
        public int Total => Reviewed + Starter + Competency + Generic;

        /// <summary>"9 on reviewed question anchors, 3 on starter anchors, 1 on competency anchors, 1 on the generic scale", leaving out zeros.</summary>
        public string Summary()
        {
            var parts = new List<string>();
            Add(Reviewed, "on reviewed question anchors");
            Add(Starter, "on starter anchors not yet reviewed");
            Add(Competency, "on competency anchors");
            Add(Generic, "on the generic scale");
            return parts.Count == 0 ? "No questions yet." : string.Join(", ", parts) + ".";

            void Add(int n, string words)
            {
                if (n > 0)
                {
                    parts.Add($"{n} {words}");
                }
            }
        }
    }

    public static AnchorState StateOf(AnchorSource source, bool overriddenInKit, bool questionAnchorsReviewed) => source switch
    {
        AnchorSource.Question => overriddenInKit || questionAnchorsReviewed ? AnchorState.Reviewed : AnchorState.Starter,
        AnchorSource.Competency => AnchorState.Competency,
        _ => AnchorState.Generic,
    };

    public sealed record Row(string Code, string Name, bool IsHurdle, int Questions, int Minutes, double Weight, double WeightPercent);

    public sealed record Warning(WarningKind Kind, string Message, bool BlocksPublishing, string? CompetencyCode = null, int? ItemId = null);

    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyList<Warning> Warnings, int TotalMinutes, int TargetMinutes, AnchorCounts Anchors)
    {
        public bool CanPublish => !Warnings.Any(w => w.BlocksPublishing);
    }

    public enum WarningKind
    {
        EmptyKit,
        HurdleUncovered,
        FewQuestions,
        LintWarning,
        NeedsReview,
        ArchivedQuestion,
        OverTime,
        NoWeight,
    }

    /// <param name="weights">Weight per competency id; a competency without one weighs 1 (equal weights by default).</param>
    public static Result Compute(IReadOnlyList<CompetencyInput> competencies, IReadOnlyList<ItemInput> items, IReadOnlyDictionary<int, double> weights, int targetMinutes)
    {
        var warnings = new List<Warning>();
        if (items.Count == 0)
        {
            warnings.Add(new(WarningKind.EmptyKit, "The kit has no questions yet.", BlocksPublishing: true));
        }

        var covered = competencies.Where(c => items.Any(i => i.CompetencyId == c.Id)).ToList();
        var weightSum = covered.Sum(c => WeightOf(c.Id));
        if (covered.Count > 0 && weightSum <= 0)
        {
            warnings.Add(new(WarningKind.NoWeight,
                $"Every competency this kit covers ({string.Join(", ", covered.Select(c => c.Code))}) has weight 0, so no overall score could be computed. Give at least one of them a weight above 0.",
                BlocksPublishing: true));
        }

        var rows = new List<Row>();
        foreach (var c in competencies)
        {
            var mine = items.Where(i => i.CompetencyId == c.Id).ToList();
            var weight = WeightOf(c.Id);
            var percent = mine.Count > 0 && weightSum > 0 ? Math.Round(100 * weight / weightSum, 1) : 0;
            rows.Add(new Row(c.Code, c.Name, c.IsHurdle, mine.Count, mine.Sum(i => i.Minutes), weight, percent));

            if (c.IsHurdle && mine.Count == 0)
            {
                warnings.Add(new(WarningKind.HurdleUncovered, $"{c.Code} {c.Name} is a hurdle and has no question: a candidate cannot be scored on it.", BlocksPublishing: true, c.Code));
            }
            else if (mine.Count < 2)
            {
                var count = mine.Count == 0 ? "no questions" : "only one question";
                warnings.Add(new(WarningKind.FewQuestions, $"{c.Code} {c.Name} has {count}; two or more give a steadier score.", BlocksPublishing: false, c.Code));
            }
        }

        foreach (var item in items)
        {
            if (item.NeedsReview)
            {
                warnings.Add(new(WarningKind.NeedsReview, $"“{item.QuestionText}” still needs review: its wording was inferred by the importer.", BlocksPublishing: true, ItemId: item.ItemId));
            }

            if (item.Archived)
            {
                warnings.Add(new(WarningKind.ArchivedQuestion, $"“{item.QuestionText}” has been archived in the bank (merged or retired); replace it.", BlocksPublishing: true, ItemId: item.ItemId));
            }

            foreach (var lint in item.LintWarnings)
            {
                warnings.Add(new(WarningKind.LintWarning, $"“{item.QuestionText}”: {lint}", BlocksPublishing: false, ItemId: item.ItemId));
            }
        }

        var total = items.Sum(i => i.Minutes);
        if (targetMinutes > 0 && total > targetMinutes)
        {
            warnings.Add(new(WarningKind.OverTime, $"The questions take {total} minutes, {total - targetMinutes} over the {targetMinutes}-minute target.", BlocksPublishing: false));
        }

        // What blocks publishing comes first; otherwise keep the framework's order.
        var anchors = new AnchorCounts(
            items.Count(i => i.Anchors == AnchorState.Reviewed), items.Count(i => i.Anchors == AnchorState.Starter),
            items.Count(i => i.Anchors == AnchorState.Competency), items.Count(i => i.Anchors == AnchorState.Generic));
        return new Result(rows, [.. warnings.OrderByDescending(w => w.BlocksPublishing)], total, targetMinutes, anchors);

        double WeightOf(int competencyId) => weights.TryGetValue(competencyId, out var w) ? w : 1;
    }
}
