namespace PeerInterview.Web.Reports.Analytics;

/// <summary>One rater's numeric rating of one item (a kit item for one candidate). Not-observed answers are never values.</summary>
public sealed record RaterValue(string RaterId, string RaterName, double Value);

/// <summary>
/// How far an interviewer rates above (positive, lenient) or below (negative, severe) their co-raters on the items they
/// shared. <see cref="Value"/> is null when the interviewer never shared an item; <see cref="EnoughData"/> is false below
/// <see cref="Leniency.MinimumSharedItems"/> shared items (the number is still shown, marked).
/// </summary>
public sealed record InterviewerLeniency(string InterviewerId, string Name, double? Value, int SharedItems, int RatedItems)
{
    public bool EnoughData => SharedItems >= Leniency.MinimumSharedItems;
}

/// <summary>
/// Interviewer leniency as SCIENCE.md defines it: for interviewer j, the mean over every item j rated of
/// (j's rating − mean of the other raters' ratings of that item), counting only items at least one other rater rated.
/// Never normalised by any demographic group (42 U.S.C. §2000e-2(l)).
/// </summary>
public static class Leniency
{
    /// <summary>Below this many shared items one unusual candidate moves the figure too far to act on (SCIENCE.md: ~20).</summary>
    public const int MinimumSharedItems = 20;

    /// <summary>
    /// <paramref name="items"/>: per item (one kit item for one candidate), the raters' numeric ratings. A rater listed
    /// twice on one item counts once (their first value). Ordered most lenient first; interviewers with no shared item last.
    /// </summary>
    public static IReadOnlyList<InterviewerLeniency> Compute(IEnumerable<IReadOnlyList<RaterValue>> items)
    {
        var totals = new Dictionary<string, (string Name, double Sum, int Shared, int Rated)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var values = item.DistinctBy(v => v.RaterId).ToList();
            var sum = values.Sum(v => v.Value);
            foreach (var rater in values)
            {
                var entry = totals.GetValueOrDefault(rater.RaterId, (rater.RaterName, 0, 0, 0));
                entry.Rated++;
                if (values.Count >= 2)
                {
                    var othersMean = (sum - rater.Value) / (values.Count - 1);
                    entry.Sum += rater.Value - othersMean;
                    entry.Shared++;
                }

                totals[rater.RaterId] = entry;
            }
        }

        return [.. totals
            .Select(t => new InterviewerLeniency(t.Key, t.Value.Name, t.Value.Shared == 0 ? null : t.Value.Sum / t.Value.Shared, t.Value.Shared, t.Value.Rated))
            .OrderBy(l => l.Value is null)
            .ThenByDescending(l => l.Value)
            .ThenBy(l => l.Name, StringComparer.CurrentCulture)
            .ThenBy(l => l.InterviewerId, StringComparer.Ordinal)];
    }
}
