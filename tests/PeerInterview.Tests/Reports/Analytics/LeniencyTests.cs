using PeerInterview.Web.Reports.Analytics;

namespace PeerInterview.Tests.Reports.Analytics;

public class LeniencyTests
{
    private static IReadOnlyList<RaterValue> Item(params (string Rater, double Value)[] values) =>
        [.. values.Select(v => new RaterValue(v.Rater, $"Rater {v.Rater}", v.Value))];

    [Fact]
    public void TinyPanel_SignAndMagnitude()
    {
        // A rates 4,5 vs B's 3,4 on one candidate; on another A 3, B 2, C 2. D rated an item nobody else did.
        var result = Leniency.Compute(
        [
            Item(("A", 4), ("B", 3)),
            Item(("A", 5), ("B", 4)),
            Item(("A", 3), ("B", 2), ("C", 2)),
            Item(("D", 5)),
        ]);

        var a = result.Single(l => l.InterviewerId == "A");
        Assert.Equal(1.0, a.Value!.Value, 10);           // (1 + 1 + (3 − 2)) / 3
        Assert.Equal(3, a.SharedItems);
        var b = result.Single(l => l.InterviewerId == "B");
        Assert.Equal(-2.5 / 3, b.Value!.Value, 10);      // (−1 − 1 + (2 − 2.5)) / 3
        var c = result.Single(l => l.InterviewerId == "C");
        Assert.Equal(-0.5, c.Value!.Value, 10);          // 2 − mean(3, 2)
        Assert.Equal(1, c.SharedItems);
        var d = result.Single(l => l.InterviewerId == "D");
        Assert.Null(d.Value);
        Assert.Equal(0, d.SharedItems);
        Assert.Equal(1, d.RatedItems);

        Assert.Equal(["A", "C", "B", "D"], result.Select(l => l.InterviewerId));
    }

    [Fact]
    public void TwoRaters_OnePointApart_AreExactlyPlusAndMinusOne()
    {
        var items = Enumerable.Range(0, 20).Select(i => Item(("A", 2 + (i % 3) + 1), ("B", 2 + (i % 3))));

        var result = Leniency.Compute(items);

        Assert.Equal(1.0, result[0].Value!.Value, 10);
        Assert.Equal(-1.0, result[1].Value!.Value, 10);
        Assert.All(result, l => Assert.Equal(20, l.SharedItems));
        Assert.All(result, l => Assert.True(l.EnoughData));
    }

    [Fact]
    public void Below20SharedItems_IsNotEnoughData_ButStillHasAValue()
    {
        var result = Leniency.Compute(Enumerable.Range(0, 19).Select(_ => Item(("A", 4), ("B", 3))));

        Assert.All(result, l => Assert.False(l.EnoughData));
        Assert.Equal(1.0, result.Single(l => l.InterviewerId == "A").Value);
        Assert.Equal(19, result[0].SharedItems);
    }

    [Fact]
    public void ConsensusRater_HasZeroLeniency()
    {
        var result = Leniency.Compute([Item(("A", 3), ("B", 2), ("C", 4)), Item(("A", 3), ("B", 4), ("C", 2))]);

        Assert.Equal(0.0, result.Single(l => l.InterviewerId == "A").Value!.Value, 10);
    }

    [Fact]
    public void LeniencyOverAllRaters_SumsToZero_OnPairs()
    {
        // With exactly two raters per item, each item adds +d to one and −d to the other.
        var result = Leniency.Compute([Item(("A", 5), ("B", 1)), Item(("A", 2), ("B", 3))]);

        Assert.Equal(1.5, result.Single(l => l.InterviewerId == "A").Value!.Value, 10);
        Assert.Equal(-1.5, result.Single(l => l.InterviewerId == "B").Value!.Value, 10);
    }
}
