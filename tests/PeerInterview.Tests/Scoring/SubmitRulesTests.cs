using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Scoring;

public class SubmitRulesTests
{
    [Fact]
    public async Task Submit_WithNothingDone_ListsEveryQuestionAndTheRecommendation()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        var problem = await ScoringSetup.ProblemAsync(await p.A.SubmitAsync(p.CardA), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");

        Assert.Equal([$"items.{p.Item1}", $"items.{p.Item2}", "recommendation"], ScoringSetup.ErrorKeys(problem));
        Assert.Equal("Rate this question or mark it not observed.", errors.GetProperty($"items.{p.Item1}")[0].GetString());
        Assert.Equal("Choose an overall recommendation.", errors.GetProperty("recommendation")[0].GetString());
        Assert.Equal("Not ready to submit", problem.GetProperty("title").GetString());
        Assert.Equal(ScorecardState.Draft, await StateAsync(app, p.CardA));
    }

    [Fact]
    public async Task Submit_WithRatingsOf1Or5WithoutNotes_AsksForEvidence_ButNotFor3OrNotObserved()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.RatedAsync(p.CardA, p.Item1, 1, notes: "   ");
        await p.A.RatedAsync(p.CardA, p.Item2, 5);
        await p.A.SummaryAsync(p.CardA, "No", null, 0);

        var problem = await ScoringSetup.ProblemAsync(await p.A.SubmitAsync(p.CardA), HttpStatusCode.BadRequest);

        Assert.Equal([$"items.{p.Item1}.notes", $"items.{p.Item2}.notes"], ScoringSetup.ErrorKeys(problem));
        Assert.Equal("A rating of 1 or 5 needs evidence in the notes.", problem.GetProperty("errors").GetProperty($"items.{p.Item2}.notes")[0].GetString());

        await p.A.RatedAsync(p.CardA, p.Item1, 3, version: 1);
        await p.A.RatedAsync(p.CardA, p.Item2, null, notObserved: true, version: 1);
        Assert.Equal(HttpStatusCode.OK, (await p.A.SubmitAsync(p.CardA)).StatusCode);
    }

    [Fact]
    public async Task Submit_WithACheckedRedFlagWithoutEvidence_IsRejected_UncheckedFlagsDoNotCount()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var (questionFlag, overrideFlag, global) = await ScoringSetup.FlagsAsync(app, p);
        await p.A.RatedAsync(p.CardA, p.Item1, 3);
        await p.A.RatedAsync(p.CardA, p.Item2, 3);
        await p.A.SummaryAsync(p.CardA, "Yes", null, 0);
        await p.A.FlagAsync(p.CardA, questionFlag, true, "");
        await p.A.FlagAsync(p.CardA, global, true, null);
        await p.A.FlagAsync(p.CardA, overrideFlag, false, null);

        var problem = await ScoringSetup.ProblemAsync(await p.A.SubmitAsync(p.CardA), HttpStatusCode.BadRequest);

        Assert.Equal([$"redFlags.{questionFlag}.evidence", $"redFlags.{global}.evidence"], ScoringSetup.ErrorKeys(problem));
        Assert.Equal("A checked red flag needs evidence.", problem.GetProperty("errors").GetProperty($"redFlags.{global}.evidence")[0].GetString());
    }

    [Fact]
    public async Task Submit_WhenComplete_LocksTheScorecard_AndIsAudited()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var (_, _, global) = await ScoringSetup.FlagsAsync(app, p);
        await p.A.FlagAsync(p.CardA, global, true, "Interrupted twice");

        var view = await p.A.CompleteAndSubmitAsync(p, p.CardA);
        var audit = await app.WithScopeAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "scorecard.submit" && a.EntityId == p.CardA.ToString()));
        var userId = await TestData.UserIdForRoleAsync(app, Roles.Interviewer);

        Assert.Equal("Submitted", view.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("submittedAt").ValueKind);
        Assert.Equal(userId, audit.UserId);
        Assert.Contains("Submitted", audit.After, StringComparison.Ordinal);

        var writes = new[]
        {
            await p.A.RateAsync(p.CardA, p.Item1, 4, notes: "late change", version: 1),
            await p.A.FlagAsync(p.CardA, global, false, null, version: 1),
            await p.A.SummaryAsync(p.CardA, "No", "late", view.GetProperty("version").GetInt32()),
            await p.A.SubmitAsync(p.CardA),
        };
        foreach (var response in writes)
        {
            var problem = await ScoringSetup.ProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Contains("submitted", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        var position = await p.A.PutAsJsonAsync($"/api/v1/scorecards/{p.CardA}/position", new { kitItemId = p.Item2 });
        var after = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        Assert.Equal(HttpStatusCode.NoContent, position.StatusCode);
        Assert.Equal(3, ScoringSetup.Item(after, p.Item1).GetProperty("rating").GetProperty("value").GetInt32());
        Assert.Equal("Yes", after.GetProperty("recommendation").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("currentKitItemId").ValueKind);
    }

    [Fact]
    public async Task Submit_SomeoneElsesScorecard_Is404()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.B.RatedAsync(p.CardB, p.Item1, 3);
        await p.B.RatedAsync(p.CardB, p.Item2, 3);
        await p.B.SummaryAsync(p.CardB, "Yes", null, 0);

        await ScoringSetup.ProblemAsync(await p.A.SubmitAsync(p.CardB), HttpStatusCode.NotFound);
        Assert.Equal(ScorecardState.Draft, await StateAsync(app, p.CardB));
    }

    private static Task<ScorecardState> StateAsync(TestApp app, int id) =>
        app.WithScopeAsync(db => db.Scorecards.Where(s => s.Id == id).Select(s => s.State).SingleAsync());
}
