using PeerInterview.Web.Kits;
using static PeerInterview.Web.Kits.KitCoverage;

namespace PeerInterview.Tests.Kits;

public class KitCoverageTests
{
    private static readonly CompetencyInput[] Framework =
    [
        new(1, "D1", "Engagement & support", false),
        new(5, "D5", "Crisis & safety", true),
        new(7, "D7", "Ethics, boundaries, advocacy & growth", true),
    ];

    private static ItemInput Item(int id, int competency, int minutes = 5, bool needsReview = false, params string[] lint) =>
        new(id, $"Question {id}?", competency, minutes, needsReview, false, lint);

    [Fact]
    public void EmptyKit_BlocksPublishing_AndNamesBothHurdles()
    {
        var result = Compute(Framework, [], new Dictionary<int, double>(), 60);

        Assert.False(result.CanPublish);
        Assert.Contains(result.Warnings, w => w.Kind == WarningKind.EmptyKit);
        Assert.Equal(["D5", "D7"], result.Warnings.Where(w => w.Kind == WarningKind.HurdleUncovered).Select(w => w.CompetencyCode));
    }

    [Fact]
    public void AddingACrisisQuestion_RemovesTheD5HurdleWarning()
    {
        var before = Compute(Framework, [Item(1, 1), Item(2, 1), Item(3, 7), Item(4, 7)], new Dictionary<int, double>(), 60);
        var after = Compute(Framework, [Item(1, 1), Item(2, 1), Item(3, 7), Item(4, 7), Item(5, 5)], new Dictionary<int, double>(), 60);

        Assert.Contains(before.Warnings, w => w is { Kind: WarningKind.HurdleUncovered, CompetencyCode: "D5" });
        Assert.DoesNotContain(after.Warnings, w => w.Kind == WarningKind.HurdleUncovered);
        Assert.Contains(after.Warnings, w => w is { Kind: WarningKind.FewQuestions, CompetencyCode: "D5" });
        Assert.True(after.CanPublish);
    }

    [Fact]
    public void NeedsReviewQuestion_BlocksPublishing_LintOnlyWarns()
    {
        var review = Compute(Framework, [Item(1, 5, needsReview: true), Item(2, 7)], new Dictionary<int, double>(), 60);
        var lint = Compute(Framework, [Item(1, 5, lint: "Asks about medication"), Item(2, 7)], new Dictionary<int, double>(), 60);

        Assert.False(review.CanPublish);
        Assert.True(lint.CanPublish);
        Assert.Contains(lint.Warnings, w => w.Kind == WarningKind.LintWarning && w.Message.Contains("medication", StringComparison.Ordinal));
    }

    [Fact]
    public void Weights_AreSharesOfTheCoveredCompetencies()
    {
        var items = new[] { Item(1, 1, 10), Item(2, 5, 7), Item(3, 7, 3) };

        var equal = Compute(Framework, items, new Dictionary<int, double>(), 60);
        var weighted = Compute(Framework, items, new Dictionary<int, double> { [5] = 2 }, 60);

        Assert.Equal([33.3, 33.3, 33.3], equal.Rows.Select(r => r.WeightPercent));
        Assert.Equal([25.0, 50.0, 25.0], weighted.Rows.Select(r => r.WeightPercent));
        Assert.Equal(20, equal.TotalMinutes);
        Assert.Equal([10, 7, 3], equal.Rows.Select(r => r.Minutes));
    }

    [Fact]
    public void OverTheTarget_Warns()
    {
        var result = Compute(Framework, [Item(1, 5, 40), Item(2, 7, 30)], new Dictionary<int, double>(), 60);

        Assert.Contains(result.Warnings, w => w.Kind == WarningKind.OverTime && w.Message.Contains("10 over", StringComparison.Ordinal));
    }
}
