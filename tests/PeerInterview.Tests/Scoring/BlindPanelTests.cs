using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Scoring;

public class BlindPanelTests
{
    private const string SecretNote = "A-private-evidence-7f3c";

    [Fact]
    public async Task Interviewer_CannotReadAnotherInterviewersDraft_NorItsHistory()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.RatedAsync(p.CardA, p.Item1, 5, notes: SecretNote);

        var card = await p.B.GetAsync($"/api/v1/scorecards/{p.CardA}");
        var history = await p.B.GetAsync($"/api/v1/scorecards/{p.CardA}/history");
        var missing = await ScoringSetup.ProblemAsync(await p.B.GetAsync("/api/v1/scorecards/999999"), HttpStatusCode.NotFound);

        var problem = await ScoringSetup.ProblemAsync(card, HttpStatusCode.NotFound);
        await ScoringSetup.ProblemAsync(history, HttpStatusCode.NotFound);
        Assert.Equal(missing.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
        Assert.DoesNotContain(SecretNote, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnScorecard_HasNoPanel_UntilItsOwnerSubmits()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.CompleteAndSubmitAsync(p, p.CardA, notes: SecretNote);

        var response = await p.B.GetAsync($"/api/v1/scorecards/{p.CardB}");
        var body = await response.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("panel").ValueKind);
        Assert.DoesNotContain(SecretNote, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Solid.", body, StringComparison.Ordinal);
        await ScoringSetup.ProblemAsync(await p.B.GetAsync($"/api/v1/scorecards/{p.CardA}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AfterSubmitting_ThePanelShowsOnlyTheOthersSubmittedScorecards()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.RatedAsync(p.CardA, p.Item1, 5, notes: SecretNote);

        // B submits first: A is still a draft, so B's panel is empty and A's card stays hidden.
        var afterB = await p.B.CompleteAndSubmitAsync(p, p.CardB);
        var hidden = await p.B.GetAsync($"/api/v1/scorecards/{p.CardA}");

        Assert.Equal("Submitted", afterB.GetProperty("state").GetString());
        Assert.Equal(0, afterB.GetProperty("panel").GetArrayLength());
        Assert.DoesNotContain(SecretNote, afterB.GetRawText(), StringComparison.Ordinal);
        await ScoringSetup.ProblemAsync(hidden, HttpStatusCode.NotFound);

        // Once A submits, B sees A's scorecard side by side, and may open it.
        await p.A.RatedAsync(p.CardA, p.Item2, null, notObserved: true);
        var aView = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        await p.A.SummaryAsync(p.CardA, "StrongYes", "A's summary", aView.GetProperty("version").GetInt32());
        var afterA = await Json.ReadAsync(await p.A.SubmitAsync(p.CardA));
        var bView = await p.B.GetJsonAsync($"/api/v1/scorecards/{p.CardB}");
        var member = Assert.Single(bView.GetProperty("panel").EnumerateArray().ToList());
        var openedByB = await p.B.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");

        Assert.Equal(p.CardA, member.GetProperty("scorecardId").GetInt32());
        Assert.Equal("Indy Interviewer", member.GetProperty("interviewerName").GetString());
        Assert.Equal("StrongYes", member.GetProperty("recommendation").GetString());
        Assert.Equal("A's summary", member.GetProperty("summary").GetString());
        var ratings = member.GetProperty("ratings").EnumerateArray().ToList();
        Assert.Equal(5, ratings.Single(r => r.GetProperty("kitItemId").GetInt32() == p.Item1).GetProperty("value").GetInt32());
        Assert.Equal(SecretNote, ratings.Single(r => r.GetProperty("kitItemId").GetInt32() == p.Item1).GetProperty("notes").GetString());
        Assert.True(ratings.Single(r => r.GetProperty("kitItemId").GetInt32() == p.Item2).GetProperty("notObserved").GetBoolean());
        Assert.Equal(p.CardB, Assert.Single(afterA.GetProperty("panel").EnumerateArray().ToList()).GetProperty("scorecardId").GetInt32());
        Assert.Equal(JsonValueKind.Null, openedByB.GetProperty("panel").ValueKind);
        Assert.Equal(5, ScoringSetup.Item(openedByB, p.Item1).GetProperty("rating").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Panel_ShowsTheOthersCheckedRedFlagsWithEvidence_NotUncheckedOnes()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var (questionFlag, _, global) = await ScoringSetup.FlagsAsync(app, p);
        await p.A.FlagAsync(p.CardA, questionFlag, true, "Blamed the participant");
        await p.A.FlagAsync(p.CardA, global, true, "changed my mind");
        await p.A.FlagAsync(p.CardA, global, false, null, version: 1);
        await p.A.CompleteAndSubmitAsync(p, p.CardA);

        var bView = await p.B.CompleteAndSubmitAsync(p, p.CardB);
        var flags = Assert.Single(bView.GetProperty("panel").EnumerateArray().ToList()).GetProperty("redFlags").EnumerateArray().ToList();

        var flag = Assert.Single(flags);
        Assert.Equal(questionFlag, flag.GetProperty("key").GetString());
        Assert.Equal("Blames the person supported", flag.GetProperty("text").GetString());
        Assert.Equal("Blamed the participant", flag.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task UnassignedInterviewer_Gets404_ForEveryScorecardOfTheInterview()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app, await TestData.UserIdForRoleAsync(app, Roles.Interviewer));
        await p.A.CompleteAndSubmitAsync(p, p.CardA);

        var response = await p.B.GetAsync($"/api/v1/scorecards/{p.CardA}");

        Assert.Equal(0, p.CardB);
        await ScoringSetup.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.HR)]
    [InlineData(Roles.HiringManager)]
    [InlineData(Roles.Admin)]
    public async Task Readers_SeeASubmittedScorecard_ButNotADraft(string role)
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.B.RatedAsync(p.CardB, p.Item1, 1, notes: SecretNote);
        await p.A.CompleteAndSubmitAsync(p, p.CardA);
        var reader = await app.ApiClientAsAsync(role);

        var draft = await reader.GetAsync($"/api/v1/scorecards/{p.CardB}");
        var draftHistory = await reader.GetAsync($"/api/v1/scorecards/{p.CardB}/history");
        var submitted = await reader.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        var history = await reader.GetJsonAsync($"/api/v1/scorecards/{p.CardA}/history");

        var problem = await ScoringSetup.ProblemAsync(draft, HttpStatusCode.NotFound);
        await ScoringSetup.ProblemAsync(draftHistory, HttpStatusCode.NotFound);
        Assert.Equal("Not submitted yet", problem.GetProperty("title").GetString());
        Assert.DoesNotContain(SecretNote, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Submitted", submitted.GetProperty("state").GetString());
        Assert.Equal(3, ScoringSetup.Item(submitted, p.Item1).GetProperty("rating").GetProperty("value").GetInt32());
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("panel").ValueKind);
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("kind").GetString() == "submit");
    }

    [Fact]
    public async Task HiringManagerOnThePanel_IsBlindToo_UntilTheySubmit()
    {
        using var app = new TestApp();
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var p = await ScoringSetup.PanelAsync(app, await TestData.UserIdForRoleAsync(app, Roles.Interviewer), managerId);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var managerCard = await app.WithScopeAsync(db => db.Scorecards.Where(c => c.InterviewId == p.InterviewId && c.InterviewerId == managerId).Select(c => c.Id).SingleAsync());
        await p.A.CompleteAndSubmitAsync(p, p.CardA, notes: SecretNote);

        var blind = await manager.GetAsync($"/api/v1/scorecards/{p.CardA}");
        await ScoringSetup.ProblemAsync(blind, HttpStatusCode.NotFound);

        var submitted = await manager.CompleteAndSubmitAsync(p, managerCard);
        var seen = await manager.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");

        Assert.Equal(SecretNote, Assert.Single(submitted.GetProperty("panel").EnumerateArray().ToList())
            .GetProperty("ratings")[0].GetProperty("notes").GetString());
        Assert.Equal("Submitted", seen.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ReopenedScorecard_LeavesThePanel_UntilSubmittedAgain()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.CompleteAndSubmitAsync(p, p.CardA);
        await p.B.CompleteAndSubmitAsync(p, p.CardB);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var reopen = await manager.PostAsJsonAsync($"/api/v1/scorecards/{p.CardA}/reopen", new { reason = "Wrong candidate's notes" });
        var bView = await p.B.GetJsonAsync($"/api/v1/scorecards/{p.CardB}");
        var aView = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");

        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        Assert.Equal(0, bView.GetProperty("panel").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, aView.GetProperty("panel").ValueKind);
        await ScoringSetup.ProblemAsync(await p.B.GetAsync($"/api/v1/scorecards/{p.CardA}"), HttpStatusCode.NotFound);
    }
}
