using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Reports;

namespace PeerInterview.Tests.Reports;

public class RedFlagReviewTests
{
    /// <summary>Rater A alone checks item 2's knock-out override: one concern, report needs review, band stays Recommend.</summary>
    private static async Task<(ScoringPanel Panel, string KnockOut, string Concern)> PendingKnockOutAsync(TestApp app, bool bothCheck = false)
    {
        string knockOut = "", concern = "";
        var p = await SubmittedPanels.SubmittedPanelAsync(app, async p =>
        {
            (concern, knockOut, _) = await ScoringSetup.FlagsAsync(app, p);
            Assert.Equal(HttpStatusCode.OK, (await p.A.FlagAsync(p.CardA, knockOut, true, "Said they would tell the client's family about the diagnosis")).StatusCode);
            if (bothCheck)
            {
                Assert.Equal(HttpStatusCode.OK, (await p.B.FlagAsync(p.CardB, knockOut, true, "Same: would share the diagnosis")).StatusCode);
            }
        });
        return (p, knockOut, concern);
    }

    private static Task<CandidateReport> ReportAsync(TestApp app, int candidateId) =>
        app.WithScopeAsync(async db => (await new ReportBuilder(db, TimeProvider.System).ForCandidateAsync(candidateId))!);

    [Fact]
    public async Task PendingKnockOut_ConfirmedByHiringManager_MakesTheBandNotRecommended_AndIsAudited()
    {
        using var app = new TestApp();
        var (p, knockOut, _) = await PendingKnockOutAsync(app);
        var before = await ReportAsync(app, p.Scenario.CandidateId);
        Assert.Equal(Band.Recommend, before.Result.Band);
        Assert.True(before.Result.NeedsReview);

        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var response = await manager.ReviewAsync(p.Scenario.CandidateId, knockOut, "confirm", "Sharing a diagnosis without consent is a knock-out for this role.");
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NotRecommended", body.GetProperty("band").GetString());
        Assert.Equal("Confirmed", body.GetProperty("status").GetString());
        Assert.StartsWith("Not recommended: knock-out \"Shares a diagnosis unprompted\" confirmed by a hiring manager", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(body.GetProperty("needsReview").GetBoolean());
        Assert.True(app.WithScope(db => db.AuditEntries.Any(a => a.Action == "red-flag.confirm" && a.EntityId == p.Scenario.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(Band.NotRecommended, (await ReportAsync(app, p.Scenario.CandidateId)).Result.Band);
    }

    [Fact]
    public async Task PendingKnockOut_Dismissed_StaysOneConcern_AndNoLongerNeedsReview()
    {
        using var app = new TestApp();
        var (p, knockOut, _) = await PendingKnockOutAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await manager.ReviewAsync(p.Scenario.CandidateId, knockOut, "dismiss", "The answer described escalating to the team first.");
        var report = await ReportAsync(app, p.Scenario.CandidateId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Band.Recommend, report.Result.Band);
        Assert.Equal(FlagStatus.Dismissed, report.Result.Flags.Single().Status);
        Assert.Equal("The answer described escalating to the team first.", report.Result.Flags.Single().Review!.Reason);
        Assert.False(report.Result.NeedsReview);
    }

    [Fact]
    public async Task Review_WithoutAReason_IsRejected_AndNothingIsSaved()
    {
        using var app = new TestApp();
        var (p, knockOut, _) = await PendingKnockOutAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var problem = await ScoringSetup.ProblemAsync(await manager.ReviewAsync(p.Scenario.CandidateId, knockOut, "confirm", "  "), HttpStatusCode.BadRequest);

        Assert.Equal(["reason"], ScoringSetup.ErrorKeys(problem));
        Assert.False(app.WithScope(db => db.RedFlagReviews.Any()));
    }

    [Fact]
    public async Task KnockOutCheckedByTwoRaters_CannotBeDismissed()
    {
        using var app = new TestApp();
        var (p, knockOut, _) = await PendingKnockOutAsync(app, bothCheck: true);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var problem = await ScoringSetup.ProblemAsync(await manager.ReviewAsync(p.Scenario.CandidateId, knockOut, "dismiss", "I disagree with the panel"), HttpStatusCode.Conflict);

        Assert.Contains("2 raters checked this knock-out", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(Band.NotRecommended, (await ReportAsync(app, p.Scenario.CandidateId)).Result.Band);
    }

    [Fact]
    public async Task SameDecisionTwice_IsAConflict_ButChangingItIsAllowed()
    {
        using var app = new TestApp();
        var (p, knockOut, _) = await PendingKnockOutAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        Assert.Equal(HttpStatusCode.OK, (await manager.ReviewAsync(p.Scenario.CandidateId, knockOut, "confirm", "First look")).StatusCode);
        await ScoringSetup.ProblemAsync(await manager.ReviewAsync(p.Scenario.CandidateId, knockOut, "confirm", "Again"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await manager.ReviewAsync(p.Scenario.CandidateId, knockOut, "dismiss", "Re-read the notes with the rater")).StatusCode);

        Assert.Equal(Band.Recommend, (await ReportAsync(app, p.Scenario.CandidateId)).Result.Band);
        Assert.Equal(2, app.WithScope(db => db.RedFlagReviews.Count()));
    }

    [Fact]
    public async Task Concerns_AndFlagsNobodyChecked_CannotBeReviewed()
    {
        using var app = new TestApp();
        var (p, _, concern) = await PendingKnockOutAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        await ScoringSetup.ProblemAsync(await manager.ReviewAsync(p.Scenario.CandidateId, concern, "confirm", "x"), HttpStatusCode.NotFound);
        var checkedConcern = await app.WithScopeAsync(async db =>
        {
            var flag = db.RedFlags.First(f => f.QuestionId == null);
            db.RedFlagChecks.Add(new RedFlagCheck { ScorecardId = p.CardA, RedFlagId = flag.Id, Checked = true, Evidence = "Interrupted", CheckedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return flag.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        var problem = await ScoringSetup.ProblemAsync(await manager.ReviewAsync(p.Scenario.CandidateId, checkedConcern, "confirm", "x"), HttpStatusCode.BadRequest);

        Assert.Equal(["redFlagId"], ScoringSetup.ErrorKeys(problem));
        await ScoringSetup.ProblemAsync(await manager.ReviewAsync(999_999, "g1", "confirm", "x"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.HR, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Interviewer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task OnlyManagers_ConfirmOrDismiss(string role, HttpStatusCode expected)
    {
        using var app = new TestApp();
        var (p, knockOut, _) = await PendingKnockOutAsync(app);
        var client = await app.ApiClientAsAsync(role);

        var response = await client.ReviewAsync(p.Scenario.CandidateId, knockOut, "confirm", "Reason");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, app.WithScope(db => db.RedFlagReviews.Any()));
    }

    [Fact]
    public async Task Anonymous_IsUnauthorised()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        var response = await client.ReviewAsync(1, "g1", "confirm", "Reason");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HiringManager_ConfirmsFromTheReportPage_WithTheRealForm()
    {
        using var app = new TestApp();
        var (p, _, _) = await PendingKnockOutAsync(app);
        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(manager, $"/Reports/Candidate/{p.Scenario.CandidateId}");
        var form = page.QuerySelector<IHtmlFormElement>("form.review-form")!;

        var response = await Html.SubmitAsync(manager, form, new() { ["reason"] = "Confirmed after reading the evidence" }, "Confirm knock-out");
        var after = await Html.GetAsync(manager, response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Knock-out confirmed. The band is now Not recommended.", after.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not recommended", after.QuerySelector(".band-name")!.TextContent.Trim());
        Assert.Contains("Confirmed after reading the evidence", after.QuerySelector(".report-flags")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_WithoutAReason_ShowsTheMessageBesideTheFlag()
    {
        using var app = new TestApp();
        var (p, _, _) = await PendingKnockOutAsync(app);
        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(manager, $"/Reports/Candidate/{p.Scenario.CandidateId}");
        var form = page.QuerySelector<IHtmlFormElement>("form.review-form")!;

        var response = await Html.SubmitAsync(manager, form, new() { ["reason"] = "" }, "Dismiss");
        var shown = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say why you dismiss this knock-out", shown.QuerySelector("form.review-form .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(app.WithScope(db => db.RedFlagReviews.Any()));
    }

    [Fact]
    public async Task HR_SeesThePendingKnockOut_ButNoDecisionForm()
    {
        using var app = new TestApp();
        var (p, _, _) = await PendingKnockOutAsync(app);
        var hr = await app.BrowserClientAsAsync(Roles.HR);

        var page = await Html.GetAsync(hr, $"/Reports/Candidate/{p.Scenario.CandidateId}");

        Assert.Contains("Knock-out pending review", page.QuerySelector(".report-flags")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".needs-review"));
        Assert.Null(page.QuerySelector("form.review-form"));
    }
}
