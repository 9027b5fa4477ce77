using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Scoring;

public class ScorecardApiTests
{
    [Fact]
    public async Task Get_OwnDraft_ShowsTheKitInOrder_WithGuidanceAnchorsAndUnsavedVersions()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        var items = view.GetProperty("items").EnumerateArray().ToList();
        var first = items[0];

        Assert.Equal(p.CardA, view.GetProperty("id").GetInt32());
        Assert.Equal(p.InterviewId, view.GetProperty("interviewId").GetInt32());
        Assert.Equal("Sam Rivera", view.GetProperty("candidateName").GetString());
        Assert.Equal("Peer Support Specialist", view.GetProperty("positionTitle").GetString());
        Assert.Equal("Peer Support Specialist kit", view.GetProperty("kitName").GetString());
        Assert.Equal("Draft", view.GetProperty("state").GetString());
        Assert.Equal(0, view.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("panel").ValueKind);
        Assert.Equal([p.Item1, p.Item2], items.Select(i => i.GetProperty("kitItemId").GetInt32()));
        Assert.Equal([1, 2], items.Select(i => i.GetProperty("number").GetInt32()));
        Assert.Equal("Core", first.GetProperty("section").GetString());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("question").GetString()));
        Assert.Matches("^D[1-7]$", first.GetProperty("competencyCode").GetString());
        Assert.Equal(10, first.GetProperty("minutes").GetInt32());
        Assert.True(first.TryGetProperty("anchorPoor", out _));
        if (first.GetProperty("guidance").GetString() is { Length: > 0 })
        {
            Assert.Contains("<", first.GetProperty("guidanceHtml").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, first.GetProperty("rating").GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("rating").GetProperty("value").ValueKind);
        Assert.NotEqual(0, view.GetProperty("globalRedFlags").GetArrayLength());
        Assert.All(view.GetProperty("globalRedFlags").EnumerateArray(), f =>
        {
            Assert.StartsWith("g", f.GetProperty("key").GetString(), StringComparison.Ordinal);
            Assert.False(f.GetProperty("checked").GetBoolean());
            Assert.Equal(0, f.GetProperty("version").GetInt32());
        });
    }

    [Fact]
    public async Task PutRating_SavesIt_ReturnsTheNewVersion_AndTheScorecardShowsIt()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        var first = await p.A.RatedAsync(p.CardA, p.Item1, 4, notes: "Named **three** options");
        var second = await p.A.RatedAsync(p.CardA, p.Item1, 5, notes: "Named **three** options and checked back", version: 1);
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        var rating = ScoringSetup.Item(view, p.Item1).GetProperty("rating");

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(p.Item1, second.GetProperty("kitItemId").GetInt32());
        Assert.Equal(5, second.GetProperty("value").GetInt32());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(5, rating.GetProperty("value").GetInt32());
        Assert.Equal("Named **three** options and checked back", rating.GetProperty("notes").GetString());
        Assert.Contains("<strong>three</strong>", rating.GetProperty("notesHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, rating.GetProperty("version").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("startedAt").ValueKind);
    }

    [Fact]
    public async Task PutRating_NotObserved_IsSavedWithoutAValue()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        var saved = await p.A.RatedAsync(p.CardA, p.Item2, null, notObserved: true);

        Assert.True(saved.GetProperty("notObserved").GetBoolean());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task PutRating_WithAStaleVersion_Is409_CarryingTheSavedValue_AndNothingIsLost()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.RatedAsync(p.CardA, p.Item1, 2, notes: "Tab one's notes");

        // A second tab still holding version 0 writes over it.
        var stale = await p.A.RateAsync(p.CardA, p.Item1, 4, notes: "Tab two's notes", version: 0);
        var problem = await ScoringSetup.ProblemAsync(stale, HttpStatusCode.Conflict);
        var current = problem.GetProperty("current");
        var saved = ScoringSetup.Item(await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}"), p.Item1).GetProperty("rating");

        Assert.Equal(2, current.GetProperty("value").GetInt32());
        Assert.Equal("Tab one's notes", current.GetProperty("notes").GetString());
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal(2, saved.GetProperty("value").GetInt32());
        Assert.Equal("Tab one's notes", saved.GetProperty("notes").GetString());

        // Choosing "keep mine" resends with the current version and succeeds.
        var resolved = await p.A.RatedAsync(p.CardA, p.Item1, 4, notes: "Tab two's notes", version: 1);
        Assert.Equal(2, resolved.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task PutRating_TwoFirstWritesRacing_OneSaves_TheOtherGets409()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var other = await app.ApiClientAsAsync(Roles.Interviewer);

        var responses = await Task.WhenAll(
            p.A.RateAsync(p.CardA, p.Item1, 2, notes: "first"),
            other.RateAsync(p.CardA, p.Item1, 4, notes: "second"));
        var rows = await app.WithScopeAsync(db => db.Ratings.Where(r => r.ScorecardId == p.CardA).ToListAsync());

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var row = Assert.Single(rows);
        Assert.Equal(1, row.Version);
    }

    [Theory]
    [InlineData(0, false, "value")]
    [InlineData(6, false, "value")]
    [InlineData(-1, false, "value")]
    [InlineData(3, true, "value")]
    public async Task PutRating_WithAnInvalidValue_Is400NamingTheField_AndSavesNothing(int value, bool notObserved, string field)
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        var response = await p.A.RateAsync(p.CardA, p.Item1, value, notObserved);
        var problem = await ScoringSetup.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal([field], ScoringSetup.ErrorKeys(problem));
        Assert.Equal(0, await app.WithScopeAsync(db => db.Ratings.CountAsync(r => r.ScorecardId == p.CardA)));
        Assert.Equal(0, await app.WithScopeAsync(db => db.ScorecardEvents.CountAsync(e => e.ScorecardId == p.CardA)));
    }

    [Fact]
    public async Task PutRating_WithNotesOver20000Characters_Is400OnNotes()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        var response = await p.A.RateAsync(p.CardA, p.Item1, 3, notes: new string('x', 20_001));
        var problem = await ScoringSetup.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(["notes"], ScoringSetup.ErrorKeys(problem));
        Assert.Equal(HttpStatusCode.OK, (await p.A.RateAsync(p.CardA, p.Item1, 3, notes: new string('x', 20_000))).StatusCode);
    }

    [Fact]
    public async Task PutRating_ForAnItemOfAnotherKit_Is404_AndSavesNothing()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var otherKit = await TestData.PublishedKitVersionAsync(app, "Another kit");
        var foreignItem = await app.WithScopeAsync(db => db.KitItems.Where(i => i.KitVersionId == otherKit.VersionId).Select(i => i.Id).FirstAsync());

        var foreign = await p.A.RateAsync(p.CardA, foreignItem, 3);
        var missing = await p.A.RateAsync(p.CardA, 999_999, 3);

        await ScoringSetup.ProblemAsync(foreign, HttpStatusCode.NotFound);
        await ScoringSetup.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithScopeAsync(db => db.Ratings.CountAsync(r => r.ScorecardId == p.CardA)));
    }

    [Fact]
    public async Task Writes_ToSomeoneElsesScorecard_Are404_AndChangeNothing()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.B.RatedAsync(p.CardB, p.Item1, 2, notes: "B's own words");
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var global = (await p.B.GetJsonAsync($"/api/v1/scorecards/{p.CardB}")).GetProperty("globalRedFlags")[0].GetProperty("key").GetString()!;

        var responses = new[]
        {
            await p.A.RateAsync(p.CardB, p.Item1, 5, notes: "overwritten", version: 1),
            await p.A.RateAsync(p.CardB, p.Item2, 5),
            await p.A.FlagAsync(p.CardB, global, true, "x"),
            await p.A.SummaryAsync(p.CardB, "StrongNo", "x", 0),
            await p.A.PutAsJsonAsync($"/api/v1/scorecards/{p.CardB}/position", new { kitItemId = p.Item2 }),
            await p.A.SubmitAsync(p.CardB),
            await manager.RateAsync(p.CardB, p.Item1, 5, notes: "manager", version: 1),
        };

        foreach (var response in responses)
        {
            await ScoringSetup.ProblemAsync(response, HttpStatusCode.NotFound);
        }

        var card = await app.WithScopeAsync(db => db.Scorecards.Include(s => s.Ratings).Include(s => s.RedFlagChecks).SingleAsync(s => s.Id == p.CardB));
        var rating = Assert.Single(card.Ratings);
        Assert.Equal(2, rating.Value);
        Assert.Equal("B's own words", rating.Evidence);
        Assert.Empty(card.RedFlagChecks);
        Assert.Null(card.Recommendation);
        Assert.Null(card.CurrentKitItemId);
        Assert.Equal(ScorecardState.Draft, card.State);
    }

    [Fact]
    public async Task PutRedFlag_ChecksGlobalQuestionAndOverrideFlags_WithEvidence()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var (questionFlag, overrideFlag, global) = await ScoringSetup.FlagsAsync(app, p);

        var g = await p.A.FlagAsync(p.CardA, global, true, "Talked over the participant");
        var q = await p.A.FlagAsync(p.CardA, questionFlag, true, "Said it was their fault");
        var k = await p.A.FlagAsync(p.CardA, overrideFlag, true, "Volunteered a diagnosis");
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        var saved = await Json.ReadAsync(g);

        Assert.Equal(HttpStatusCode.OK, g.StatusCode);
        Assert.Equal(HttpStatusCode.OK, q.StatusCode);
        Assert.Equal(HttpStatusCode.OK, k.StatusCode);
        Assert.Equal(global, saved.GetProperty("key").GetString());
        Assert.True(saved.GetProperty("checked").GetBoolean());
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        var globalState = view.GetProperty("globalRedFlags").EnumerateArray().Single(f => f.GetProperty("key").GetString() == global);
        Assert.True(globalState.GetProperty("checked").GetBoolean());
        Assert.Equal("Talked over the participant", globalState.GetProperty("evidence").GetString());
        var item1Flags = ScoringSetup.Item(view, p.Item1).GetProperty("redFlags").EnumerateArray().ToList();
        var item2Flags = ScoringSetup.Item(view, p.Item2).GetProperty("redFlags").EnumerateArray().ToList();
        Assert.Contains(item1Flags, f => f.GetProperty("key").GetString() == questionFlag && f.GetProperty("checked").GetBoolean());
        var only = Assert.Single(item2Flags);
        Assert.Equal(overrideFlag, only.GetProperty("key").GetString());
        Assert.Equal("KnockOut", only.GetProperty("severity").GetString());
        Assert.Equal("Volunteered a diagnosis", only.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task PutRedFlag_ThatDoesNotApply_Is404()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await ScoringSetup.FlagsAsync(app, p);
        var replaced = await ScoringSetup.ReplacedQuestionFlagAsync(app, p);

        foreach (var key in new[] { replaced, "g999999", "k999999", "x1", "g", "g01" })
        {
            var response = await p.A.FlagAsync(p.CardA, key, true, "evidence");
            await ScoringSetup.ProblemAsync(response, HttpStatusCode.NotFound);
        }

        Assert.Equal(0, await app.WithScopeAsync(db => db.RedFlagChecks.CountAsync(c => c.ScorecardId == p.CardA)));
    }

    [Fact]
    public async Task PutRedFlag_Unchecking_KeepsTheVersion_AndAStaleWriteIs409WithTheCurrentState()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var (_, _, global) = await ScoringSetup.FlagsAsync(app, p);
        await p.A.FlagAsync(p.CardA, global, true, "first");
        var uncheck = await Json.ReadAsync(await p.A.FlagAsync(p.CardA, global, false, null, version: 1));

        var stale = await p.A.FlagAsync(p.CardA, global, true, "from an old tab", version: 1);
        var problem = await ScoringSetup.ProblemAsync(stale, HttpStatusCode.Conflict);

        Assert.False(uncheck.GetProperty("checked").GetBoolean());
        Assert.Equal(2, uncheck.GetProperty("version").GetInt32());
        Assert.False(problem.GetProperty("current").GetProperty("checked").GetBoolean());
        Assert.Equal(2, problem.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal(1, await app.WithScopeAsync(db => db.RedFlagChecks.CountAsync(c => c.ScorecardId == p.CardA)));
    }

    [Fact]
    public async Task PutSummary_SavesTheRecommendation_StaleVersionsAre409_AndUnknownRecommendationsAre400()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        var saved = await p.A.SummaryAsync(p.CardA, "StrongYes", "Warm, specific, *reflective*.", 0);
        var body = await Json.ReadAsync(saved);
        var stale = await ScoringSetup.ProblemAsync(await p.A.SummaryAsync(p.CardA, "No", "Other tab", 0), HttpStatusCode.Conflict);
        var unknown = await ScoringSetup.ProblemAsync(await p.A.SummaryAsync(p.CardA, "Maybe", null, 1), HttpStatusCode.BadRequest);
        var tooLong = await ScoringSetup.ProblemAsync(await p.A.SummaryAsync(p.CardA, "Yes", new string('s', 20_001), 1), HttpStatusCode.BadRequest);
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("StrongYes", body.GetProperty("recommendation").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal("StrongYes", stale.GetProperty("current").GetProperty("recommendation").GetString());
        Assert.Equal("Warm, specific, *reflective*.", stale.GetProperty("current").GetProperty("summary").GetString());
        Assert.Equal(["recommendation"], ScoringSetup.ErrorKeys(unknown));
        Assert.Equal(["summary"], ScoringSetup.ErrorKeys(tooLong));
        Assert.Equal("StrongYes", view.GetProperty("recommendation").GetString());
        Assert.Equal("Warm, specific, *reflective*.", view.GetProperty("summary").GetString());
        Assert.Equal(1, view.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task RatingAndSummaryWrites_DoNotConflictWithEachOther()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        await p.A.RatedAsync(p.CardA, p.Item1, 3);
        var summary = await p.A.SummaryAsync(p.CardA, "Yes", "ok", 0);
        await p.A.RatedAsync(p.CardA, p.Item2, 3);

        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
    }

    [Fact]
    public async Task PutPosition_RecordsWhereTheInterviewerIs()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        var response = await p.A.PutAsJsonAsync($"/api/v1/scorecards/{p.CardA}/position", new { kitItemId = p.Item2 });
        var unknown = await p.A.PutAsJsonAsync($"/api/v1/scorecards/{p.CardA}/position", new { kitItemId = 999_999 });
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ScoringSetup.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(p.Item2, view.GetProperty("currentKitItemId").GetInt32());
    }

    [Fact]
    public async Task FirstWrite_MovesAnAppliedCandidateToInterviewing_AndAuditsIt()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);

        // Scheduling already moves an applied candidate; put them back to see the scorecard do it.
        await app.WithScopeAsync(db => db.Candidates.Where(c => c.Id == p.Scenario.CandidateId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Stage, CandidateStage.Applied)));
        var auditsBefore = await app.WithScopeAsync(db => db.AuditEntries.CountAsync(a => a.Action == "candidate.stage"));

        await p.A.RatedAsync(p.CardA, p.Item1, 3);
        await p.B.RatedAsync(p.CardB, p.Item1, 4);
        var stage = await app.WithScopeAsync(db => db.Candidates.Where(c => c.Id == p.Scenario.CandidateId).Select(c => c.Stage).SingleAsync());
        var auditsAfter = await app.WithScopeAsync(db => db.AuditEntries.CountAsync(a => a.Action == "candidate.stage"));

        Assert.Equal(CandidateStage.Interviewing, stage);
        Assert.Equal(auditsBefore + 1, auditsAfter);
    }

    [Fact]
    public async Task EveryWrite_IsKeptInTheSaveHistory_InOrder()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var (_, _, global) = await ScoringSetup.FlagsAsync(app, p);

        await p.A.RatedAsync(p.CardA, p.Item1, 2, notes: "draft note");
        await p.A.RatedAsync(p.CardA, p.Item1, 3, notes: "better note", version: 1);
        await p.A.FlagAsync(p.CardA, global, true, "seen");
        await p.A.SummaryAsync(p.CardA, "Yes", "sum", 0);
        var history = (await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}/history")).EnumerateArray().ToList();

        Assert.Equal(["rating", "rating", "red-flag", "summary"], history.Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal("draft note", history[0].GetProperty("text").GetString());
        Assert.Equal(3, history[1].GetProperty("value").GetInt32());
        Assert.Equal(global, history[2].GetProperty("redFlagKey").GetString());
        Assert.Equal("Yes", history[3].GetProperty("recommendation").GetString());
        Assert.Equal("Indy Interviewer", history[0].GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Writes_OnACancelledInterview_Are409()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await app.WithScopeAsync(db => db.Interviews.Where(i => i.Id == p.InterviewId).ExecuteUpdateAsync(u => u.SetProperty(i => i.IsCancelled, true)));

        var response = await p.A.RateAsync(p.CardA, p.Item1, 3);

        await ScoringSetup.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Anonymous_Gets401()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var anonymous = app.CreateClient();

        var get = await anonymous.GetAsync($"/api/v1/scorecards/{p.CardA}");
        var put = await anonymous.RateAsync(p.CardA, p.Item1, 3);

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(0, await app.WithScopeAsync(db => db.Ratings.CountAsync(r => r.ScorecardId == p.CardA)));
    }
}
