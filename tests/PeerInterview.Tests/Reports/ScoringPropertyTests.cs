using PeerInterview.Web.Domain;
using PeerInterview.Web.Reports;

namespace PeerInterview.Tests.Reports;

/// <summary>
/// Properties of the scoring model over many random panels (fixed seeds, so a failure reproduces): they hold for every
/// kit, not just the hand-picked boundaries in <see cref="ScoringServiceTests"/>.
/// </summary>
public class ScoringPropertyTests
{
    private const int Cases = 400;

    public static TheoryData<int> Seeds() => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AddingARaterWithIdenticalRatings_NeverChangesAnyScoreOrTheBand(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < Cases; n++)
        {
            // A panel that agrees: every rater gave the same ratings. One more rater saying the same changes nothing.
            var panel = RandomPanel(random);
            var first = panel.Scorecards[0];
            var input = panel with { Scorecards = [.. panel.Scorecards.Select(c => c with { Ratings = first.Ratings })] };
            var copy = first with { ScorecardId = 999, RaterId = "twin", RaterName = "Twin", Flags = [] };
            var before = ScoringService.Score(input);
            var after = ScoringService.Score(input with { Scorecards = [.. input.Scorecards, copy] });

            Assert.Equal(before.Overall.GetValueOrDefault(), after.Overall.GetValueOrDefault(), 9);
            Assert.Equal(before.Questions.Select(q => q.Score), after.Questions.Select(q => q.Score), NullableDoubleComparer.Instance);
            Assert.Equal(before.Competencies.Select(c => c.Score), after.Competencies.Select(c => c.Score), NullableDoubleComparer.Instance);
            Assert.Equal(before.Band, after.Band);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RaisingOneRating_NeverLowersTheOverallOrTheBand(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < Cases; n++)
        {
            var input = RandomPanel(random);
            var cardIndex = random.Next(input.Scorecards.Count);
            var card = input.Scorecards[cardIndex];
            var raisable = card.Ratings.Select((r, i) => (r, i)).Where(x => x.r.Value is < 5).ToList();
            if (raisable.Count == 0)
            {
                continue;
            }

            var (rating, index) = raisable[random.Next(raisable.Count)];
            var ratings = card.Ratings.ToList();
            ratings[index] = rating with { Value = rating.Value + 1 + random.Next(5 - rating.Value!.Value) };
            var scorecards = input.Scorecards.ToList();
            scorecards[cardIndex] = card with { Ratings = ratings };

            var before = ScoringService.Score(input);
            var after = ScoringService.Score(input with { Scorecards = scorecards });

            Assert.True(after.Overall >= before.Overall - 1e-9, $"overall fell from {before.Overall} to {after.Overall}");
            Assert.True(Rank(after.Band) >= Rank(before.Band), $"band fell from {before.Band} to {after.Band}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DraftScorecards_NeverChangeTheResult(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < Cases; n++)
        {
            var input = RandomPanel(random);
            var draft = input.Scorecards[0] with
            {
                ScorecardId = 998,
                RaterId = "draft",
                State = random.Next(2) == 0 ? ScorecardState.Draft : ScorecardState.Reopened,
                Ratings = [.. input.Items.Select(i => new RaterRating(i.KitItemId, 1))],
                Flags = [.. input.Flags.Select(f => new RaterFlagCheck(f.Key))],
            };
            var before = ScoringService.Score(input);
            var after = ScoringService.Score(input with { Scorecards = [.. input.Scorecards, draft] });

            Assert.Equal(before.Band, after.Band);
            Assert.Equal(before.Reasons, after.Reasons);
            Assert.Equal(before.Overall, after.Overall);
            Assert.Equal(before.ConcernCount, after.ConcernCount);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RaterOrder_NeverMatters(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < Cases; n++)
        {
            var input = RandomPanel(random);
            var shuffled = input.Scorecards.OrderBy(_ => random.Next()).ToList();
            var before = ScoringService.Score(input);
            var after = ScoringService.Score(input with { Scorecards = shuffled });

            Assert.Equal(before.Band, after.Band);
            Assert.Equal(before.Overall!.GetValueOrDefault(), after.Overall!.GetValueOrDefault(), 9);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryScore_StaysOnTheScale_AndEveryBandHasAReason(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < Cases; n++)
        {
            var result = ScoringService.Score(RandomPanel(random));

            Assert.All(result.Questions.Where(q => q.Score is not null), q => Assert.InRange(q.Score!.Value, 1, 5));
            Assert.All(result.Competencies.Where(c => c.Score is not null), c => Assert.InRange(c.Score!.Value, 1, 5));
            Assert.All(result.Competencies.Where(c => c.Agreement is not null), c => Assert.InRange(c.Agreement!.Value, 0, 1));
            Assert.NotEmpty(result.Reasons);
            Assert.StartsWith(result.Band.Text() + ":", result.Reason, StringComparison.Ordinal);
        }
    }

    private static int Rank(Band band) => band switch
    {
        Band.Incomplete => -1,
        _ => (int)band,
    };

    /// <summary>2–5 competencies (some hurdles, uneven weights), 2–10 items, 2–4 submitted raters, ~10% not observed, a few flags.</summary>
    private static ScoringInput RandomPanel(Random random)
    {
        var competencies = Enumerable.Range(1, random.Next(2, 6))
            .Select(i => new ScoringCompetency(i, $"D{i}", $"Competency {i}", random.Next(3) == 0, random.Next(1, 4), i))
            .ToList();
        var items = Enumerable.Range(1, random.Next(2, 11))
            .Select(i => new ScoringItem(i, competencies[random.Next(competencies.Count)].Id, $"Q{i}", i))
            .ToList();
        var flags = Enumerable.Range(1, random.Next(0, 4))
            .Select(i => new ScoringFlag($"g{i}", $"Flag {i}", random.Next(2) == 0 ? RedFlagSeverity.Concern : RedFlagSeverity.KnockOut))
            .ToList();
        var cards = Enumerable.Range(1, random.Next(2, 5))
            .Select(r => new RaterScorecard(
                r,
                $"r{r}",
                $"Rater {r}",
                ScorecardState.Submitted,
                DateTimeOffset.UnixEpoch.AddHours(r),
                Recommendation.Yes,
                [.. items.Select(i => random.Next(10) == 0 ? new RaterRating(i.KitItemId, null, true) : new RaterRating(i.KitItemId, random.Next(1, 6)))],
                [.. flags.Where(_ => random.Next(4) == 0).Select(f => new RaterFlagCheck(f.Key))]))
            .ToList();
        return new ScoringInput(competencies, items, cards, flags, []);
    }

    private sealed class NullableDoubleComparer : IEqualityComparer<double?>
    {
        public static readonly NullableDoubleComparer Instance = new();

        public bool Equals(double? x, double? y) => x is null ? y is null : y is not null && Math.Abs(x.Value - y.Value) < 1e-9;

        public int GetHashCode(double? obj) => 0;
    }
}
