using PeerInterview.Web.Domain;
using PeerInterview.Web.Reports;

namespace PeerInterview.Tests.Reports;

public class ScoringServiceTests
{
    /// <summary>Three competencies, one item each, two raters: ratings per competency as (A, B).</summary>
    private static ScoringBuilder ThreeCompetencies((int? A, int? B) d5, (int? A, int? B) d7, (int? A, int? B) d1) =>
        new ScoringBuilder()
            .Competency("D5", hurdle: true, name: "Crisis & safety")
            .Competency("D7", hurdle: true, name: "Ethics")
            .Competency("D1", name: "Engagement")
            .Item("crisis", "D5").Item("ethics", "D7").Item("engagement", "D1")
            .Rater("A", d5.A, d7.A, d1.A)
            .Rater("B", d5.B, d7.B, d1.B);

    [Fact]
    public void WorkedExample_ScoresBandAndConfidence_MatchDesign()
    {
        var b = ScoringBuilder.WorkedExample();
        var result = b.Score();

        Assert.Equal([3.5, 3.0, 4.5, 4.5], result.Questions.Select(q => q.Score!.Value));
        Assert.Equal(3.25, result.Competencies.Single(c => c.Code == "D5").Score);
        Assert.Equal(4.5, result.Competencies.Single(c => c.Code == "D7").Score);
        Assert.Equal(4.5, result.Competencies.Single(c => c.Code == "D1").Score);
        Assert.Equal(4.083, result.Overall!.Value, 3);
        Assert.Equal(Band.Recommend, result.Band);
        Assert.Equal("Recommend: overall 4.08 is below 4.2", result.Reason);
        Assert.Equal(4.2, result.Confidence.NearCutOff);
        Assert.Equal(0.9375, result.Competencies.Single(c => c.Code == "D5").Agreement!.Value, 6);
        Assert.False(result.Competencies.Single(c => c.Code == "D5").LowAgreement);
        Assert.Equal(2, result.Confidence.Raters);
        Assert.Equal(3, result.Confidence.ItemsWithTwoRatings);
        Assert.Equal(0.75, result.Confidence.Coverage);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public void NotObserved_IsExcludedFromEveryMean()
    {
        var result = ScoringBuilder.WorkedExample().Score();

        var i2 = result.Questions[1];
        Assert.Equal(3.0, i2.Score);
        Assert.Equal(1, i2.RatingCount);
        Assert.True(i2.Ratings.Single(r => r.RaterId == "B").NotObserved);
        Assert.Equal(3.0, result.Competencies.Single(c => c.Code == "D5").RaterScores.Single(r => r.RaterId == "B").Score);
    }

    [Fact]
    public void KnockOut_CheckedByTwoRaters_IsNotRecommended()
    {
        var result = ScoringBuilder.WorkedExample()
            .Flag("g1", RedFlagSeverity.KnockOut).Checks("A", "g1").Checks("B", "g1")
            .Score();

        Assert.Equal(Band.NotRecommended, result.Band);
        Assert.Equal("Not recommended: knock-out \"Flag g1\" checked by 2 raters", result.Reason);
        Assert.Equal(FlagStatus.Confirmed, result.Flags.Single().Status);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public void KnockOut_CheckedByOneRater_IsOneConcernAndNeedsReview_BandStaysRecommend()
    {
        var result = ScoringBuilder.WorkedExample()
            .Flag("g1", RedFlagSeverity.KnockOut).Checks("A", "g1")
            .Score();

        Assert.Equal(Band.Recommend, result.Band);
        Assert.Equal(FlagStatus.Pending, result.Flags.Single().Status);
        Assert.Equal(1, result.ConcernCount);
        Assert.True(result.NeedsReview);
        Assert.Contains("One concern was raised: \"Flag g1\"", result.Reasons);
    }

    [Fact]
    public void KnockOut_ConfirmedByHiringManager_IsNotRecommended()
    {
        var result = ScoringBuilder.WorkedExample()
            .Flag("q7", RedFlagSeverity.KnockOut).Checks("B", "q7")
            .Review("q7", RedFlagDecision.Confirmed)
            .Score();

        Assert.Equal(Band.NotRecommended, result.Band);
        Assert.Equal("Not recommended: knock-out \"Flag q7\" confirmed by a hiring manager", result.Reason);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public void KnockOut_DismissedByHiringManager_StaysOneConcernButNoLongerNeedsReview()
    {
        var result = ScoringBuilder.WorkedExample()
            .Flag("q7", RedFlagSeverity.KnockOut).Checks("B", "q7")
            .Review("q7", RedFlagDecision.Dismissed)
            .Score();

        Assert.Equal(Band.Recommend, result.Band);
        Assert.Equal(FlagStatus.Dismissed, result.Flags.Single().Status);
        Assert.Equal(1, result.ConcernCount);
        Assert.False(result.NeedsReview);
    }

    [Fact]
    public void KnockOut_CheckedByTwoRaters_CannotBeDismissedIntoAConcern()
    {
        var result = ScoringBuilder.WorkedExample()
            .Flag("g1", RedFlagSeverity.KnockOut).Checks("A", "g1").Checks("B", "g1")
            .Review("g1", RedFlagDecision.Dismissed)
            .Score();

        Assert.Equal(Band.NotRecommended, result.Band);
    }

    [Fact]
    public void Concern_CheckedByEveryRater_CountsOnce()
    {
        var result = ThreeCompetencies((5, 5), (5, 5), (5, 5))
            .Flag("g1", RedFlagSeverity.Concern).Checks("A", "g1").Checks("B", "g1")
            .Score();

        Assert.Equal(1, result.ConcernCount);
        Assert.Equal(Band.Recommend, result.Band);
        Assert.Equal("Recommend: one concern was raised: \"Flag g1\"", result.Reason);
        Assert.Equal(2, result.Flags.Single().CheckedBy.Count);
    }

    [Fact]
    public void TwoConcerns_AreBorderline()
    {
        var result = ThreeCompetencies((5, 5), (5, 5), (5, 5))
            .Flag("g1", RedFlagSeverity.Concern).Flag("g2", RedFlagSeverity.Concern)
            .Checks("A", "g1").Checks("B", "g2")
            .Score();

        Assert.Equal(Band.Borderline, result.Band);
        Assert.Equal("Borderline: 2 concerns were raised", result.Reason);
    }

    [Fact]
    public void UncheckedFlags_DoNotAppear()
    {
        var result = ThreeCompetencies((5, 5), (5, 5), (5, 5)).Flag("g1", RedFlagSeverity.KnockOut).Score();

        Assert.Empty(result.Flags);
        Assert.Equal(Band.StronglyRecommend, result.Band);
    }

    [Fact]
    public void OverallExactly3_IsNotNotRecommended_ButBorderline()
    {
        var result = ThreeCompetencies((3, 3), (3, 3), (3, 3)).Score();

        Assert.Equal(3.0, result.Overall);
        Assert.Equal(Band.Borderline, result.Band);
        Assert.Equal("Borderline: overall 3.00 is below 3.5", result.Reason);
    }

    [Fact]
    public void OverallJustBelow3_IsNotRecommended()
    {
        var result = ThreeCompetencies((3, 3), (3, 3), (2, 3)).Score();

        Assert.Equal(2.833, result.Overall!.Value, 3);
        Assert.Equal(Band.NotRecommended, result.Band);
        Assert.Equal("Not recommended: overall 2.83 is below 3.0", result.Reason);
    }

    [Fact]
    public void OverallExactly3Point5_IsRecommend()
    {
        var result = ThreeCompetencies((3, 4), (4, 3), (3, 4)).Score();

        Assert.Equal(3.5, result.Overall);
        Assert.Equal(Band.Recommend, result.Band);
        Assert.Equal("Recommend: overall 3.50 is below 4.2", result.Reason);
    }

    [Fact]
    public void OverallJustBelow3Point5_IsBorderline()
    {
        var result = ThreeCompetencies((3, 4), (4, 3), (3, 3)).Score();

        Assert.Equal(Band.Borderline, result.Band);
        Assert.Equal("Borderline: overall 3.33 is below 3.5", result.Reason);
    }

    [Fact]
    public void OverallExactly4Point2_IsStronglyRecommend_JustBelowIsRecommend()
    {
        ScoringBuilder Five(int lastA) => new ScoringBuilder()
            .Competency("D1").Competency("D2").Competency("D3").Competency("D5", hurdle: true).Competency("D7", hurdle: true)
            .Item("a", "D1").Item("b", "D2").Item("c", "D3").Item("d", "D5").Item("e", "D7")
            .Rater("A", 4, 4, 4, 4, lastA)
            .Rater("B", 4, 4, 4, 4, 5);

        var at = Five(5).Score();
        Assert.Equal(4.2, at.Overall!.Value, 9);
        Assert.Equal(Band.StronglyRecommend, at.Band);
        Assert.StartsWith("Strongly recommend: overall 4.20 is at least 4.2", at.Reason, StringComparison.Ordinal);

        var below = Five(4).Score();
        Assert.Equal(4.1, below.Overall!.Value, 9);
        Assert.Equal(Band.Recommend, below.Band);
    }

    [Fact]
    public void HurdleExactly3_Passes()
    {
        var result = ThreeCompetencies((3, 3), (5, 5), (5, 5)).Score();

        Assert.Equal(Band.StronglyRecommend, result.Band);
    }

    [Fact]
    public void HurdleBelow3_IsNotRecommended_WhateverTheOverallAndWeights()
    {
        var result = new ScoringBuilder()
            .Competency("D5", hurdle: true, weight: 0.1, name: "Crisis & safety")
            .Competency("D1", weight: 10)
            .Item("c1", "D5").Item("c2", "D5").Item("c3", "D5").Item("e", "D1")
            .Rater("A", 3, 3, 2, 5)
            .Rater("B", 3, 3, 2, 5)
            .Score();

        Assert.True(result.Overall > 4.9);
        Assert.Equal(Band.NotRecommended, result.Band);
        Assert.Equal("Not recommended: D5 Crisis & safety scored 2.67, below the hurdle of 3.0", result.Reason);
    }

    [Fact]
    public void HurdleWithNoRating_IsIncomplete()
    {
        var result = ThreeCompetencies((null, null), (5, 5), (5, 5)).Score();

        Assert.Equal(Band.Incomplete, result.Band);
        Assert.Equal("Incomplete: hurdle D5 Crisis & safety has no score", result.Reason);
        Assert.Null(result.Competencies.Single(c => c.Code == "D5").Score);
    }

    [Fact]
    public void NonHurdleExactly2Point5_IsNotBorderline_ButBelow3IsRecommend()
    {
        var result = ThreeCompetencies((4, 4), (4, 4), (2, 3)).Score();

        Assert.Equal(3.5, result.Overall);
        Assert.Equal(Band.Recommend, result.Band);
        Assert.Equal("Recommend: overall 3.50 is below 4.2", result.Reason);
        Assert.Contains("D1 Engagement scored 2.50, below 3.0", result.Reasons);
    }

    [Fact]
    public void NonHurdleBelow2Point5_IsBorderline()
    {
        var result = ThreeCompetencies((5, 5), (5, 5), (2, 2)).Score();

        Assert.Equal(4.0, result.Overall);
        Assert.Equal(Band.Borderline, result.Band);
        Assert.Equal("Borderline: D1 Engagement scored 2.00, below 2.5", result.Reason);
    }

    [Fact]
    public void CompetencyBelow3_CapsAtRecommend()
    {
        var result = new ScoringBuilder()
            .Competency("D5", hurdle: true).Competency("D7", hurdle: true).Competency("D1", weight: 0.5, name: "Engagement")
            .Item("crisis", "D5").Item("ethics", "D7").Item("engagement", "D1")
            .Rater("A", 5, 5, 3)
            .Rater("B", 5, 5, 2)
            .Score();

        Assert.Equal(4.5, result.Overall);
        Assert.Equal(Band.Recommend, result.Band);
        Assert.Equal("Recommend: D1 Engagement scored 2.50, below 3.0", result.Reason);
    }

    [Fact]
    public void OneSubmittedScorecard_IsIncomplete_AndTheDraftNeverCounts()
    {
        var result = new ScoringBuilder()
            .Competency("D1").Item("a", "D1").Item("b", "D1")
            .Rater("A", 4, 4)
            .DraftRater("B", 1, 1)
            .Score();

        Assert.Equal(Band.Incomplete, result.Band);
        Assert.Equal("Incomplete: only 1 scorecard has been submitted; two are needed", result.Reason);
        Assert.Equal(4.0, result.Overall);
        Assert.All(result.Questions, q => Assert.DoesNotContain(q.Ratings, r => r.RaterId == "B"));
        Assert.Single(result.Submitted);
        Assert.Equal(1, result.Confidence.Raters);
    }

    [Fact]
    public void NoSubmittedScorecards_IsIncomplete()
    {
        var result = new ScoringBuilder().Competency("D1").Item("a", "D1").DraftRater("A", 5).Score();

        Assert.Equal(Band.Incomplete, result.Band);
        Assert.Null(result.Overall);
        Assert.Equal("Incomplete: no scorecard has been submitted; two are needed", result.Reason);
    }

    [Fact]
    public void UnderHalfTheItemsScored_IsIncomplete_ExactlyHalfIsNot()
    {
        static ScoringBuilder Kit(int? second) => new ScoringBuilder()
            .Competency("D1").Item("a", "D1").Item("b", "D1").Item("c", "D1").Item("d", "D1")
            .Rater("A", 5, second, null, null)
            .Rater("B", 5, second, null, null);

        var quarter = Kit(null).Score();
        Assert.Equal(Band.Incomplete, quarter.Band);
        Assert.Equal("Incomplete: only 1 of 4 questions have a score; at least half are needed", quarter.Reason);

        Assert.Equal(Band.StronglyRecommend, Kit(5).Score().Band);
    }

    [Fact]
    public void UnequalWeights_ChangeTheOverall()
    {
        var result = new ScoringBuilder()
            .Competency("D5", hurdle: true).Competency("D7", hurdle: true).Competency("D1", weight: 2)
            .Item("i1", "D5").Item("i2", "D5").Item("i3", "D7").Item("i4", "D1")
            .Rater("A", 4, 3, 4, 5)
            .Rater("B", 3, null, 5, 4)
            .Score();

        Assert.Equal((3.25 + 4.5 + (2 * 4.5)) / 4, result.Overall!.Value, 9);
    }

    [Fact]
    public void RatingsTwoPointsApart_AreMarkedToDiscuss()
    {
        var b = ThreeCompetencies((3, 5), (4, 5), (4, 4));
        var result = b.Score();

        Assert.Equal([b.ItemId("crisis")], result.Confidence.ItemsToDiscuss);
        Assert.True(result.Questions[0].Discuss);
        Assert.Equal(2, result.Questions[0].Spread);
        Assert.False(result.Questions[1].Discuss);
    }

    [Fact]
    public void RatersFarApart_HaveLowAgreement_ClampedAtZero()
    {
        var result = ThreeCompetencies((5, 5), (5, 5), (1, 5)).Score();

        var d1 = result.Competencies.Single(c => c.Code == "D1");
        Assert.Equal(0, d1.Agreement);
        Assert.True(d1.LowAgreement);
        Assert.Equal(1, result.Competencies.Single(c => c.Code == "D5").Agreement);
    }

    [Fact]
    public void NearCutOff_IsWithin0Point15_OfACut()
    {
        Assert.Equal(3.0, ScoringService.NearestCutOff(3.15));
        Assert.Equal(3.5, ScoringService.NearestCutOff(3.36));
        Assert.Null(ScoringService.NearestCutOff(3.25));
        Assert.Null(ScoringService.NearestCutOff(4.36));
    }

    [Fact]
    public void ReasonNumbers_NeverRoundOntoTheCutTheyMiss()
    {
        Assert.Equal("2.996", ScoringService.Number(2.9961, 3.0));
        Assert.Equal("2.67", ScoringService.Number(8.0 / 3, 3.0));
    }
}
