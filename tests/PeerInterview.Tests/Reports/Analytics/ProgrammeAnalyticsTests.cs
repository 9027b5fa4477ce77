using PeerInterview.Web.Domain;
using PeerInterview.Web.Reports;
using PeerInterview.Web.Reports.Analytics;

namespace PeerInterview.Tests.Reports.Analytics;

public class ProgrammeAnalyticsTests
{
    private static CandidateReport Report(int id, ScoringBuilder scoring) => new(
        id, $"Candidate {id}", $"p{id}", IsErased: id % 2 == 0, 1, "Peer Support Specialist", CandidateStage.Interviewing,
        new ReportInterview(id, DateTimeOffset.UnixEpoch.AddDays(id), 1, "Kit", 1), [], scoring.Score(), DateTimeOffset.UnixEpoch);

    private static ScoringBuilder TwoCompetencies() => new ScoringBuilder()
        .Competency("D1").Competency("D5", hurdle: true)
        .Item("engage", "D1").Item("listen", "D1").Item("crisis", "D5");

    [Fact]
    public void NotObservedAndDrafts_NeverCount()
    {
        var reports = new[]
        {
            Report(1, TwoCompetencies().Rater("A", 4, null, 4).Rater("B", 3, 3, 3).DraftRater("C", 1, 1, 1)),
        };

        var analytics = ProgrammeAnalytics.From(reports, new AnalyticsFilter(), DateTimeOffset.UnixEpoch);

        var a = analytics.Leniency.Single(l => l.InterviewerId == "A");
        Assert.Equal(2, a.SharedItems);               // "listen" was not observed by A
        Assert.Equal(1.0, a.Value!.Value, 10);
        Assert.DoesNotContain(analytics.Leniency, l => l.InterviewerId == "C");
        Assert.Equal(2, analytics.SubmittedScorecards);
        Assert.Equal(1, analytics.Candidates);
    }

    [Fact]
    public void Alpha_PerCompetency_UsesEachRatersCompetencyMean_AcrossCandidates()
    {
        var reports = new[]
        {
            // D1 rater means: A 4.5, B 3.5 | A 2, B 2 ; D5: A 5, B 4 | A 2, B 1
            Report(1, TwoCompetencies().Rater("A", 4, 5, 5).Rater("B", 3, 4, 4)),
            Report(2, TwoCompetencies().Rater("A", 2, 2, 2).Rater("B", 2, 2, 1)),
            Report(3, TwoCompetencies().Rater("A", 3, 3, 3)), // one rater: not pairable
        };

        var analytics = ProgrammeAnalytics.From(reports, new AnalyticsFilter(), DateTimeOffset.UnixEpoch);

        var d1 = analytics.Reliability.Single(r => r.Code == "D1").Alpha;
        var expected = KrippendorffAlpha.Interval([[4.5, 3.5], [2.0, 2.0], [3.0]]);
        Assert.Equal(expected.Alpha, d1.Alpha);
        Assert.Equal(2, d1.Units);
        Assert.Equal(1, d1.DroppedUnits);
        Assert.False(d1.EnoughUnits);
        Assert.Equal(["D1", "D5"], analytics.Reliability.Select(r => r.Code));
        Assert.Equal(3, analytics.Candidates);
    }

    [Fact]
    public void NoSubmittedScorecards_IsEmpty()
    {
        var analytics = ProgrammeAnalytics.From([Report(1, TwoCompetencies().DraftRater("A", 3, 3, 3))], new AnalyticsFilter(), DateTimeOffset.UnixEpoch);

        Assert.True(analytics.IsEmpty);
        Assert.Empty(analytics.Leniency);
        Assert.Empty(analytics.Reliability);
        Assert.Equal(0, analytics.Candidates);
    }

    [Theory]
    [InlineData("2026-03-01", null, "2026-03-01T00:00:00Z", true)]
    [InlineData("2026-03-01", null, "2026-02-28T23:59:59Z", false)]
    [InlineData(null, "2026-03-01", "2026-03-01T23:59:59Z", true)]
    [InlineData(null, "2026-03-01", "2026-03-02T00:00:00Z", false)]
    public void DateFilter_IsInclusive_InUtcDays(string? from, string? to, string at, bool included) =>
        Assert.Equal(included, new AnalyticsFilter(null, from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))
            .Includes(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
}
