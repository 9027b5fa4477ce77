using PeerInterview.Web.Domain;
using PeerInterview.Web.Reports;

namespace PeerInterview.Tests.Reports;

/// <summary>
/// Builds scoring inputs in the shape of DESIGN.md's worked example: competencies by code, items by name, raters by
/// letter. `null` in a rater's list means "not observed".
/// </summary>
internal sealed class ScoringBuilder
{
    private readonly List<ScoringCompetency> competencies = [];
    private readonly List<ScoringItem> items = [];
    private readonly List<RaterScorecard> cards = [];
    private readonly List<ScoringFlag> flags = [];
    private readonly List<FlagReview> reviews = [];

    public static readonly string[] DefaultCodes = ["D1", "D2", "D3", "D4", "D5", "D6", "D7"];

    public static ScoringBuilder WorkedExample() => new ScoringBuilder()
        .Competency("D5", hurdle: true)
        .Competency("D7", hurdle: true)
        .Competency("D1")
        .Item("i1", "D5").Item("i2", "D5").Item("i3", "D7").Item("i4", "D1")
        .Rater("A", 4, 3, 4, 5)
        .Rater("B", 3, null, 5, 4);

    public ScoringBuilder Competency(string code, bool hurdle = false, double weight = 1, string? name = null)
    {
        competencies.Add(new ScoringCompetency(competencies.Count + 1, code, name ?? $"Competency {code}", hurdle, weight, competencies.Count));
        return this;
    }

    public ScoringBuilder Item(string name, string competencyCode)
    {
        var competency = competencies.Single(c => c.Code == competencyCode);
        items.Add(new ScoringItem(items.Count + 100, competency.Id, name, items.Count));
        return this;
    }

    public int ItemId(string name) => items.Single(i => i.Text == name).KitItemId;

    public ScoringBuilder Rater(string name, params int?[] ratings) => AddCard(name, ScorecardState.Submitted, ratings);

    public ScoringBuilder DraftRater(string name, params int?[] ratings) => AddCard(name, ScorecardState.Draft, ratings);

    /// <summary>A rater who left some items unrated (no answer at all, unlike "not observed").</summary>
    public ScoringBuilder RaterWith(string name, IReadOnlyList<RaterRating> ratings)
    {
        cards.Add(new RaterScorecard(cards.Count + 1, name, $"Rater {name}", ScorecardState.Submitted,
            DateTimeOffset.UnixEpoch.AddHours(cards.Count), Recommendation.Yes, ratings, []));
        return this;
    }

    private ScoringBuilder AddCard(string name, ScorecardState state, int?[] ratings)
    {
        if (ratings.Length != items.Count)
        {
            throw new ArgumentException($"Rater {name} needs {items.Count} ratings.");
        }

        var list = ratings.Select((r, i) => new RaterRating(items[i].KitItemId, r, r is null, $"{name} on {items[i].Text}")).ToList();
        cards.Add(new RaterScorecard(cards.Count + 1, name, $"Rater {name}", state,
            state == ScorecardState.Submitted ? DateTimeOffset.UnixEpoch.AddHours(cards.Count) : null, Recommendation.Yes, list, []));
        return this;
    }

    public ScoringBuilder Flag(string key, RedFlagSeverity severity)
    {
        flags.Add(new ScoringFlag(key, $"Flag {key}", severity));
        return this;
    }

    public ScoringBuilder Checks(string rater, string key)
    {
        var index = cards.FindIndex(c => c.RaterId == rater);
        cards[index] = cards[index] with { Flags = [.. cards[index].Flags, new RaterFlagCheck(key, $"{rater} saw {key}")] };
        return this;
    }

    public ScoringBuilder Review(string key, RedFlagDecision decision)
    {
        reviews.Add(new FlagReview(key, decision, "Reviewed the evidence", "Hiring manager", DateTimeOffset.UnixEpoch.AddDays(1)));
        return this;
    }

    public ScoringInput Build() => new(competencies, items, cards, flags, reviews);

    public ScoringResult Score() => ScoringService.Score(Build());
}
