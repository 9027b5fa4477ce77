using PeerInterview.Web.Reports.Analytics;

namespace PeerInterview.Tests.Reports.Analytics;

public class KrippendorffAlphaTests
{
    /// <summary>
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units with missing
    /// values (rows A–D; null = no value). Published results: n = 40 pairable values, α_interval = 0.849.
    /// </summary>
    private static readonly int?[][] Krippendorff2011 =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    private static IReadOnlyList<double>[] Units(params double[][] units) => [.. units.Select(u => (IReadOnlyList<double>)u)];

    [Fact]
    public void PublishedExample_Krippendorff2011_Interval_Is0849()
    {
        var units = Enumerable.Range(0, 12)
            .Select(u => (IReadOnlyList<double>)[.. Krippendorff2011.Where(row => row[u] is not null).Select(row => (double)row[u]!.Value)])
            .ToList();

        var result = KrippendorffAlpha.Interval(units);

        Assert.Equal(0.849, result.Alpha!.Value, 3);
        Assert.Equal(40, result.PairableValues);
        Assert.Equal(11, result.Units);
        Assert.Equal(1, result.DroppedUnits);
        Assert.Equal(AlphaReading.Reliable, result.Reading);
    }

    [Fact]
    public void HandComputed_TwoUnitsOfTwo_IsPointSeven()
    {
        // n = 4. D_o = (1/4)·[(1/1)·2·1² + (1/1)·2·1²] = 1. D_e over 1,2,3,4: Σ_{i≠j}(vi − vj)² = 40, /(4·3) = 10/3.
        // α = 1 − 1/(10/3) = 0.7: tentative.
        var result = KrippendorffAlpha.Interval(Units([1, 2], [3, 4]));

        Assert.Equal(0.7, result.Alpha!.Value, 10);
        Assert.Equal(AlphaReading.Tentative, result.Reading);
    }

    [Fact]
    public void HandComputed_ThreeRatersAndTwo_WithDisagreement_IsBelowTentative()
    {
        // Units {2,3,4} and {3,3}: n = 5. Unit 1: Σ_{i≠j} = 2·(1+4+1) = 12, /(3−1) = 6; unit 2: 0. D_o = 6/5 = 1.2.
        // All values 2,3,4,3,3: Σ_{i≠j} = 2·(5·47 − 15²) = 20, /(5·4) = 1. α = 1 − 1.2 = −0.2.
        var result = KrippendorffAlpha.Interval(Units([2, 3, 4], [3, 3]));

        Assert.Equal(-0.2, result.Alpha!.Value, 10);
        Assert.Equal(AlphaReading.Unreliable, result.Reading);
    }

    [Fact]
    public void UnitsWithOneValue_AreDropped_AndDoNotChangeAlpha()
    {
        var result = KrippendorffAlpha.Interval(Units([1, 2], [5], [3, 4], []));

        Assert.Equal(0.7, result.Alpha!.Value, 10);
        Assert.Equal(2, result.Units);
        Assert.Equal(4, result.PairableValues);
        Assert.Equal(2, result.DroppedUnits);
    }

    [Fact]
    public void PerfectAgreement_IsOne()
    {
        var result = KrippendorffAlpha.Interval(Units([1, 1], [3, 3, 3], [4.5, 4.5], [5, 5]));

        Assert.Equal(1.0, result.Alpha!.Value, 10);
        Assert.Equal(AlphaReading.Reliable, result.Reading);
    }

    [Fact]
    public void EveryValueEqual_IsUndefined()
    {
        var result = KrippendorffAlpha.Interval(Units([3, 3], [3, 3, 3]));

        Assert.Null(result.Alpha);
        Assert.Equal(AlphaReading.Undefined, result.Reading);
        Assert.Equal(5, result.PairableValues);
    }

    [Fact]
    public void NothingPairable_IsUndefined()
    {
        var result = KrippendorffAlpha.Interval(Units([3], [4]));

        Assert.Null(result.Alpha);
        Assert.Equal(0, result.Units);
        Assert.Equal(2, result.DroppedUnits);
    }

    [Fact]
    public void RaterOrderAndUnitOrder_DoNotMatter()
    {
        var a = KrippendorffAlpha.Interval(Units([1, 2, 4], [3, 5], [2, 2]));
        var b = KrippendorffAlpha.Interval(Units([2, 2], [5, 3], [4, 1, 2]));

        Assert.Equal(a.Alpha!.Value, b.Alpha!.Value, 12);
    }

    [Theory]
    [InlineData(0.80, AlphaReading.Reliable)]
    [InlineData(0.7999, AlphaReading.Tentative)]
    [InlineData(0.667, AlphaReading.Tentative)]
    [InlineData(0.6669, AlphaReading.Unreliable)]
    public void Reading_Boundaries(double alpha, AlphaReading expected) =>
        Assert.Equal(expected, new AlphaResult(alpha, 10, 20, 0).Reading);

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void MinimumSample_IsTenPairableCandidates(int units, bool enough) =>
        Assert.Equal(enough, new AlphaResult(0.9, units, units * 2, 0).EnoughUnits);
}
