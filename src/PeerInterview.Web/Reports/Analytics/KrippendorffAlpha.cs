namespace PeerInterview.Web.Reports.Analytics;

/// <summary>How much weight an alpha can carry (Krippendorff 2004: 0.80 reliable, 0.667 the floor for tentative conclusions).</summary>
public enum AlphaReading
{
    /// <summary>No disagreement to measure: every pairable value is equal (D_e = 0), or nothing is pairable.</summary>
    Undefined,
    Reliable,
    Tentative,
    Unreliable,
}

/// <summary>
/// Krippendorff's alpha over units (candidates) with however many values each. <see cref="Units"/> counts pairable units
/// (two or more values), <see cref="PairableValues"/> the values in them (n), <see cref="DroppedUnits"/> units with one value.
/// </summary>
public sealed record AlphaResult(double? Alpha, int Units, int PairableValues, int DroppedUnits)
{
    public AlphaReading Reading => Alpha switch
    {
        null => AlphaReading.Undefined,
        >= KrippendorffAlpha.Reliable => AlphaReading.Reliable,
        >= KrippendorffAlpha.Tentative => AlphaReading.Tentative,
        _ => AlphaReading.Unreliable,
    };

    /// <summary>False below <see cref="KrippendorffAlpha.MinimumUnits"/> pairable candidates: show alpha, but do not judge by it.</summary>
    public bool EnoughUnits => Units >= KrippendorffAlpha.MinimumUnits;
}

/// <summary>
/// Krippendorff's alpha with the interval metric, coincidence-based as in SCIENCE.md and Krippendorff (2011),
/// "Computing Krippendorff's Alpha-Reliability": α = 1 − D_o / D_e, where with n_u values in unit u and n = Σ n_u over
/// units with n_u ≥ 2, D_o = (1/n) Σ_u [1/(n_u − 1)] Σ_{i≠j in u} (v_i − v_j)² and
/// D_e = [1/(n(n − 1))] Σ_{i≠j over all pairable values} (v_i − v_j)². Raters may differ between units and be missing.
/// </summary>
public static class KrippendorffAlpha
{
    public const double Reliable = 0.80;
    public const double Tentative = 0.667;

    /// <summary>
    /// Fewer than 10 candidates with two or more raters is too few to judge a competency by. Our panels have 2–3 raters,
    /// so 10 candidates give only 20–30 pairable values; below that one candidate more or less can move alpha across a
    /// whole band (reliable ↔ retrain). Krippendorff (2004, §11.4) sizes samples so that alpha's confidence interval clears
    /// the 0.667 floor; with samples this small it cannot, so 10 is a pragmatic floor for "look, don't conclude", not a
    /// guarantee that 10 is enough.
    /// </summary>
    public const int MinimumUnits = 10;

    public static AlphaResult Interval(IEnumerable<IReadOnlyList<double>> units)
    {
        var all = units.ToList();
        var pairable = all.Where(u => u.Count >= 2).ToList();
        var dropped = all.Count - pairable.Count;
        var n = pairable.Sum(u => u.Count);
        if (n < 2)
        {
            return new AlphaResult(null, pairable.Count, n, dropped);
        }

        // Σ_{i≠j} (v_i − v_j)² over ordered pairs = 2(m Σv² − (Σv)²): linear time, no pair loops. Values are centred on
        // the overall mean first so the subtraction does not lose precision.
        var mean = pairable.SelectMany(u => u).Average();
        var observed = pairable.Sum(u => SquaredDifferences(u, mean) / (u.Count - 1)) / n;
        var expected = SquaredDifferences([.. pairable.SelectMany(u => u)], mean) / ((double)n * (n - 1));
        if (expected <= 1e-12)
        {
            return new AlphaResult(null, pairable.Count, n, dropped);
        }

        return new AlphaResult(1 - (observed / expected), pairable.Count, n, dropped);
    }

    private static double SquaredDifferences(IReadOnlyList<double> values, double centre)
    {
        double sum = 0, squares = 0;
        foreach (var value in values)
        {
            var v = value - centre;
            sum += v;
            squares += v * v;
        }

        return 2 * ((values.Count * squares) - (sum * sum));
    }
}
