using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Reports;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Tests.Reports;

/// <summary>
/// The blind rule whatever roles a panel member holds: a hiring manager (or an HR + Interviewer account) who sits on a
/// panel and has not submitted sees none of the others' ratings, evidence, flags, summaries or recommendations through
/// the report (page, JSON, CSV, PDF), the position view and its exports, analytics, the audit trail or the scorecard API.
/// </summary>
public class BlindRuleTests
{
    private const string MarkerA = "EVIDENCE-ALPHA-7Q";
    private const string MarkerB = "EVIDENCE-BRAVO-3Z";
    private const string SummaryMarker = "SUMMARY-CHARLIE-9K";

    /// <summary>A panel of <paramref name="member"/> plus the two demo interviewers, who rate with marked evidence and submit.</summary>
    private static async Task<(ScoringPanel Panel, int MemberCard)> PanelWithMemberAsync(TestApp app, string member)
    {
        var a = await TestData.UserIdForRoleAsync(app, Roles.Interviewer);
        var b = await TestData.UserIdAsync(app, TestData.SecondInterviewerEmail);
        var p = await ScoringSetup.PanelAsync(app, member, a, b);
        await p.A.RatedAsync(p.CardA, p.Item1, 2, notes: $"{MarkerA} one");
        await p.A.RatedAsync(p.CardA, p.Item2, 5, notes: $"{MarkerA} two");
        await p.B.RatedAsync(p.CardB, p.Item1, 4, notes: $"{MarkerB} one");
        await p.B.RatedAsync(p.CardB, p.Item2, 4, notes: $"{MarkerB} two");
        foreach (var (client, card) in new[] { (p.A, p.CardA), (p.B, p.CardB) })
        {
            var view = await client.GetJsonAsync($"/api/v1/scorecards/{card}");
            Assert.Equal(HttpStatusCode.OK, (await client.SummaryAsync(card, "StrongYes", SummaryMarker, view.GetProperty("version").GetInt32())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(card)).StatusCode);
        }

        var memberCard = await app.WithScopeAsync(db => db.Scorecards.Where(s => s.InterviewId == p.InterviewId && s.InterviewerId == member).Select(s => s.Id).SingleAsync());
        return (p, memberCard);
    }

    private static void AssertNothingOfThePanel(string body)
    {
        Assert.DoesNotContain(MarkerA, body, StringComparison.Ordinal);
        Assert.DoesNotContain(MarkerB, body, StringComparison.Ordinal);
        Assert.DoesNotContain(SummaryMarker, body, StringComparison.Ordinal);
        Assert.DoesNotContain("StrongYes", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Strong yes", body, StringComparison.Ordinal);
    }

    /// <summary>An account holding HR and Interviewer at once, signed in over the API.</summary>
    private static async Task<(string Id, HttpClient Client, HttpClient Browser)> HrInterviewerAsync(TestApp app)
    {
        const string email = "hr-and-panel@clinic.example";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Hana HR-Panel" };
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, [Roles.HR, Roles.Interviewer]);
        }

        return (await TestData.UserIdAsync(app, email), await app.ApiClientAsync(email), await app.BrowserClientAsync(email));
    }

    [Fact]
    public async Task HiringManagerOnThePanel_WithADraft_GetsNoReport_InAnyFormat_UntilTheySubmit()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var (p, managerCard) = await PanelWithMemberAsync(app, managerId);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var candidate = p.Scenario.CandidateId;

        foreach (var format in new[] { "", "?format=json", "?format=csv", "?format=pdf", $"?interviewId={p.InterviewId}" })
        {
            var response = await manager.GetAsync($"/api/v1/candidates/{candidate}/report{format}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{format}: {(int)response.StatusCode}");
            var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
            Assert.Equal(BlindRule.Message, problem.GetProperty("detail").GetString());
            Assert.True(problem.GetProperty("withheld").GetBoolean());
            AssertNothingOfThePanel(body);
        }

        // Once the manager submits, the same request shows the whole panel.
        await manager.CompleteAndSubmitAsync(p, managerCard);
        var after = await manager.GetAsync($"/api/v1/candidates/{candidate}/report");
        var text = await after.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(MarkerA, text, StringComparison.Ordinal);
        Assert.Contains(MarkerB, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiringManagerOnThePanel_ReportPage_SaysWhy_AndShowsNoRatings()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var (p, _) = await PanelWithMemberAsync(app, managerId);
        var browser = await app.BrowserClientAsAsync(Roles.HiringManager);

        var page = await browser.GetAsync($"/Reports/Candidate/{p.Scenario.CandidateId}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("You will see the panel&#x27;s ratings once you submit your own scorecard.", html, StringComparison.Ordinal);
        AssertNothingOfThePanel(html);
        Assert.DoesNotContain("Overall <strong>", html, StringComparison.Ordinal);

        // HR, who is not on the panel, reads the full report meanwhile.
        var hr = await app.BrowserClientAsAsync(Roles.HR);
        var full = await (await hr.GetAsync($"/Reports/Candidate/{p.Scenario.CandidateId}")).Content.ReadAsStringAsync();
        Assert.Contains(MarkerA, full, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiringManagerOnThePanel_PositionViewAndExports_WithholdThatCandidate()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var (p, _) = await PanelWithMemberAsync(app, managerId);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var position = p.Scenario.PositionId;

        var view = await manager.GetJsonAsync($"/api/v1/positions/{position}/report");
        var row = view.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("candidateId").GetInt32() == p.Scenario.CandidateId);
        Assert.True(row.GetProperty("withheld").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("overall").ValueKind);
        Assert.Equal(0, row.GetProperty("raters").GetInt32());
        Assert.All(row.GetProperty("scores").EnumerateArray(), s => Assert.Equal(System.Text.Json.JsonValueKind.Null, s.GetProperty("score").ValueKind));

        foreach (var format in new[] { "csv", "xlsx", "pdf" })
        {
            var export = await manager.GetAsync($"/api/v1/positions/{position}/export?format={format}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            if (format == "csv")
            {
                var cells = Csv.Row(Csv.Parse(await export.Content.ReadAsByteArrayAsync()), 1);
                Assert.Equal(Web.Reports.Exports.PositionView.WithheldText, cells["band"]);
                Assert.Equal(BlindRule.Message, cells["band reason"]);
                Assert.Equal("", cells["overall"]);
            }
        }

        var page = await (await (await app.BrowserClientAsAsync(Roles.HiringManager)).GetAsync($"/Reports/Position/{position}")).Content.ReadAsStringAsync();
        Assert.Contains("You will see the panel&#x27;s ratings once you submit your own scorecard.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiringManagerOnThePanel_CannotReadOtherScorecards_OrTheirHistory()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var (p, managerCard) = await PanelWithMemberAsync(app, managerId);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        foreach (var url in new[] { $"/api/v1/scorecards/{p.CardA}", $"/api/v1/scorecards/{p.CardA}/history", $"/api/v1/scorecards/{p.CardB}" })
        {
            var response = await manager.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            AssertNothingOfThePanel(await response.Content.ReadAsStringAsync());
        }

        var own = await manager.GetJsonAsync($"/api/v1/scorecards/{managerCard}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, own.GetProperty("panel").ValueKind);
    }

    [Fact]
    public async Task HiringManagerOnThePanel_AnalyticsLeaveTheInterviewOut()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var (p, _) = await PanelWithMemberAsync(app, managerId);

        var asManager = await (await app.ApiClientAsAsync(Roles.HiringManager)).GetJsonAsync($"/api/v1/analytics?positionId={p.Scenario.PositionId}");
        var asHr = await (await app.ApiClientAsAsync(Roles.HR)).GetJsonAsync($"/api/v1/analytics?positionId={p.Scenario.PositionId}");

        Assert.Equal(0, asManager.GetProperty("submittedScorecards").GetInt32());
        Assert.Equal(1, asManager.GetProperty("withheldInterviews").GetInt32());
        Assert.Equal(2, asHr.GetProperty("submittedScorecards").GetInt32());
        Assert.Equal(0, asHr.GetProperty("withheldInterviews").GetInt32());
    }

    [Fact]
    public async Task HrAndInterviewer_WithADraft_AuditTrailHidesThePanelsEntries_UntilTheySubmit()
    {
        using var app = new TestApp();
        var (hrId, hr, hrBrowser) = await HrInterviewerAsync(app);
        var (p, hrCard) = await PanelWithMemberAsync(app, hrId);

        var entries = await hr.GetJsonAsync("/api/v1/audit?action=scorecard.submit");
        var ids = entries.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entityId").GetString()).ToList();
        Assert.DoesNotContain(p.CardA.ToString(System.Globalization.CultureInfo.InvariantCulture), ids);
        Assert.DoesNotContain(p.CardB.ToString(System.Globalization.CultureInfo.InvariantCulture), ids);
        AssertNothingOfThePanel(entries.GetRawText());
        var csv = Encoding.UTF8.GetString(await hr.GetByteArrayAsync("/api/v1/audit/export?action=scorecard.submit"));
        Assert.DoesNotContain("StrongYes", csv, StringComparison.Ordinal);
        var page = await (await hrBrowser.GetAsync("/Audit?Action=scorecard.submit")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("StrongYes", page, StringComparison.Ordinal);

        // Its report is withheld too, HR role or not.
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/report")).StatusCode);

        // The plain HR account sees both submissions.
        var plainHr = await (await app.ApiClientAsAsync(Roles.HR)).GetJsonAsync("/api/v1/audit?action=scorecard.submit");
        Assert.Contains("StrongYes", plainHr.GetRawText(), StringComparison.Ordinal);

        await hr.CompleteAndSubmitAsync(p, hrCard);
        var afterwards = await hr.GetJsonAsync("/api/v1/audit?action=scorecard.submit");
        Assert.Contains(p.CardA.ToString(System.Globalization.CultureInfo.InvariantCulture), afterwards.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entityId").GetString()));
    }

    [Fact]
    public async Task AfterASubmission_NobodyCanJoinThePanel()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        await p.A.CompleteAndSubmitAsync(p, p.CardA);

        var response = await manager.PostAsJsonAsync($"/api/v1/interviews/{p.InterviewId}/interviewers", new { interviewerId = managerId });
        var problem = await ScoringSetup.ProblemAsync(response, HttpStatusCode.Conflict);

        Assert.Contains("new round", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, app.WithScope(db => db.Scorecards.Count(s => s.InterviewId == p.InterviewId)));
    }

    [Fact]
    public async Task BeforeAnySubmission_AnInterviewerCanStillJoin()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        await p.A.RatedAsync(p.CardA, p.Item1, 3);

        var response = await manager.PostAsJsonAsync($"/api/v1/interviews/{p.InterviewId}/interviewers", new { interviewerId = managerId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, app.WithScope(db => db.Scorecards.Count(s => s.InterviewId == p.InterviewId)));
    }

    [Fact]
    public async Task HiringManager_CannotReopenTheirOwnScorecard_ButAnAdminCan()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var (p, managerCard) = await PanelWithMemberAsync(app, managerId);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        await manager.CompleteAndSubmitAsync(p, managerCard);

        var own = await manager.PostAsJsonAsync($"/api/v1/scorecards/{managerCard}/reopen", new { reason = "I want to change my mind" });
        var problem = await ScoringSetup.ProblemAsync(own, HttpStatusCode.Conflict);
        Assert.Contains("another hiring manager or an admin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ScorecardState.Submitted, app.WithScope(db => db.Scorecards.Single(s => s.Id == managerCard).State));

        var admin = await app.ApiClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/scorecards/{managerCard}/reopen", new { reason = "Rating typo on item 2" })).StatusCode);
        Assert.Equal(ScorecardState.Reopened, app.WithScope(db => db.Scorecards.Single(s => s.Id == managerCard).State));
    }

    [Fact]
    public async Task HiringManager_WhoCheckedAKnockOut_CannotConfirmOrDismissIt()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var a = await TestData.UserIdForRoleAsync(app, Roles.Interviewer);
        var p = await ScoringSetup.PanelAsync(app, managerId, a);
        var (_, knockOut, _) = await ScoringSetup.FlagsAsync(app, p);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var managerCard = app.WithScope(db => db.Scorecards.Single(s => s.InterviewId == p.InterviewId && s.InterviewerId == managerId).Id);
        Assert.Equal(HttpStatusCode.OK, (await manager.FlagAsync(managerCard, knockOut, true, "Promised to keep a disclosed plan secret")).StatusCode);
        await manager.CompleteAndSubmitAsync(p, managerCard);
        await p.A.CompleteAndSubmitAsync(p, p.CardA);

        foreach (var action in new[] { "confirm", "dismiss" })
        {
            var problem = await ScoringSetup.ProblemAsync(await manager.ReviewAsync(p.Scenario.CandidateId, knockOut, action, "My own check."), HttpStatusCode.Conflict);
            Assert.Contains("checked yourself", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, app.WithScope(db => db.RedFlagReviews.Count()));
        var admin = await app.ApiClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.ReviewAsync(p.Scenario.CandidateId, knockOut, "confirm", "Secrecy about a safety plan is a knock-out.")).StatusCode);
    }

    [Fact]
    public async Task HiringManagerWithADraft_CannotReviewThePanelsKnockOuts_AndLearnsNothingOfThem()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var (p, _) = await PanelWithMemberAsync(app, managerId);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        // Whether or not any rater checked the flag, the answer is the same 409: nothing about the checks leaks.
        var problem = await ScoringSetup.ProblemAsync(await manager.ReviewAsync(p.Scenario.CandidateId, "g1", "confirm", "Seen enough."), HttpStatusCode.Conflict);
        Assert.Contains(BlindRule.Message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RatingChangedAfterAReopen_WhenThePanelWasVisible_IsMarkedOnTheReportAndInTheCsv()
    {
        using var app = new TestApp();
        var p = await SubmittedPanels.SubmittedPanelAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/scorecards/{p.CardA}/reopen", new { reason = "Typo on item one" })).StatusCode);
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        var version = ScoringSetup.Item(view, p.Item1).GetProperty("rating").GetProperty("version").GetInt32();
        await p.A.RatedAsync(p.CardA, p.Item1, 5, notes: "A: revised after the panel", version: version);
        Assert.Equal(HttpStatusCode.OK, (await p.A.SubmitAsync(p.CardA)).StatusCode);

        var report = await manager.GetJsonAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/report");
        var ratings = report.GetProperty("questions").EnumerateArray()
            .SelectMany(q => q.GetProperty("ratings").EnumerateArray().Select(r => (Item: q.GetProperty("kitItemId").GetInt32(), Rater: r.GetProperty("raterId").GetString(), Changed: r.GetProperty("changedAfterSeeingPanel").GetBoolean())))
            .ToList();
        Assert.Single(ratings, r => r.Changed);
        Assert.Contains(ratings, r => r.Changed && r.Item == p.Item1 && r.Rater == p.Scenario.InterviewerId);

        var rows = Csv.Parse(await manager.GetByteArrayAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/report?format=csv"));
        var changedColumns = rows[0].Select((h, i) => (h, i)).Where(x => x.h.EndsWith(": changed after seeing panel", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.Equal(2, changedColumns.Count);
        Assert.Equal(1, rows.Skip(1).Sum(r => changedColumns.Count(c => r[c] == "yes")));

        var page = await (await (await app.BrowserClientAsAsync(Roles.HiringManager)).GetAsync($"/Reports/Candidate/{p.Scenario.CandidateId}")).Content.ReadAsStringAsync();
        Assert.Contains("changed after seeing the panel", page, StringComparison.Ordinal);

        var pdf = PdfText.Flow(await manager.GetByteArrayAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/report?format=pdf"));
        Assert.Contains("(changed after seeing the panel)", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RatingChangedAfterAReopen_BeforeAnyoneElseSubmitted_IsNotMarked()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        await p.A.CompleteAndSubmitAsync(p, p.CardA);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/scorecards/{p.CardA}/reopen", new { reason = "Typo" })).StatusCode);
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        await p.A.RatedAsync(p.CardA, p.Item1, 5, notes: "A: on reflection, stronger", version: ScoringSetup.Item(view, p.Item1).GetProperty("rating").GetProperty("version").GetInt32());
        var resubmitted = await p.A.SubmitAsync(p.CardA);
        Assert.True(resubmitted.StatusCode == HttpStatusCode.OK, await resubmitted.Content.ReadAsStringAsync());
        await p.B.CompleteAndSubmitAsync(p, p.CardB);

        var report = await manager.GetJsonAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/report");

        Assert.DoesNotContain(report.GetProperty("questions").EnumerateArray().SelectMany(q => q.GetProperty("ratings").EnumerateArray()),
            r => r.GetProperty("changedAfterSeeingPanel").GetBoolean());
    }
}

public class DemoSmallClinicPanelTests
{
    [Fact]
    public async Task DemoHiringManager_OnTaylorsPanel_SeesTheReportOnlyAfterSubmitting()
    {
        using var app = new TestApp(settings: new() { ["Seed:DemoHiring"] = "true" });
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var (candidate, card, items) = await app.WithScopeAsync(async db =>
        {
            var c = await db.Candidates.SingleAsync(x => x.Name == "Taylor Brooks");
            var s = await db.Scorecards.Include(x => x.Interview).SingleAsync(x => x.Interview!.CandidateId == c.Id && x.InterviewerId == managerId);
            var i = await db.KitItems.Where(k => k.KitVersionId == s.Interview!.KitVersionId).Select(k => k.Id).ToListAsync();
            return (c.Id, s.Id, i);
        });

        var before = await manager.GetAsync($"/api/v1/candidates/{candidate}/report");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsAsync(Roles.HR)).GetAsync($"/api/v1/candidates/{candidate}/report")).StatusCode);

        foreach (var item in items)
        {
            await manager.RatedAsync(card, item, 4, notes: "Specific, person-centred example.");
        }

        var view = await manager.GetJsonAsync($"/api/v1/scorecards/{card}");
        Assert.Equal(HttpStatusCode.OK, (await manager.SummaryAsync(card, "Yes", "Would hire.", view.GetProperty("version").GetInt32())).StatusCode);
        var submitted = await manager.SubmitAsync(card);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        var after = await manager.GetJsonAsync($"/api/v1/candidates/{candidate}/report");
        Assert.Equal(3, after.GetProperty("confidence").GetProperty("raters").GetInt32());
        Assert.NotEqual("Incomplete", after.GetProperty("band").GetString());
    }
}
