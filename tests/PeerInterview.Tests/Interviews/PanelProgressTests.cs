using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Interviews;

public class PanelProgressTests
{
    private static readonly string[] ProgressFields =
        ["scorecardId", "interviewerName", "state", "itemsRated", "currentItemNumber", "startedAt", "lastActivityAt", "submittedAt"];

    [Fact]
    public async Task Progress_BeforeAnyoneStarts_ShowsEveryInterviewerAtZero()
    {
        using var app = new TestApp();
        var (_, id, _) = await ScheduledAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var progress = await manager.GetJsonAsync($"/api/v1/interviews/{id}/progress");
        var panel = progress.GetProperty("panel").EnumerateArray().ToList();

        Assert.Equal(id, progress.GetProperty("interviewId").GetInt32());
        Assert.Equal(2, progress.GetProperty("itemsTotal").GetInt32());
        Assert.Equal(["Indy Interviewer", "Jordan Interviewer"], panel.Select(p => p.GetProperty("interviewerName").GetString()));
        Assert.All(panel, p =>
        {
            Assert.Equal("Draft", p.GetProperty("state").GetString());
            Assert.Equal(0, p.GetProperty("itemsRated").GetInt32());
            Assert.Equal(JsonValueKind.Null, p.GetProperty("currentItemNumber").ValueKind);
            Assert.Equal(JsonValueKind.Null, p.GetProperty("startedAt").ValueKind);
            Assert.Equal(JsonValueKind.Null, p.GetProperty("lastActivityAt").ValueKind);
        });
    }

    [Fact]
    public async Task Progress_CountsRatingsAsTheInterviewerSavesThem_AndNumbersTheCurrentItemInKitOrder()
    {
        using var app = new TestApp();
        var (s, id, scorecards) = await ScheduledAsync(app);
        var mine = scorecards[s.InterviewerId];
        var items = await KitItemsAsync(app, s.Kit.VersionId);
        // Put the later item into a new first section, so kit order is section first and differs from id order.
        await app.WithScopeAsync(async db =>
        {
            var opening = new KitSection { KitVersionId = s.Kit.VersionId, Name = "Opening", Order = -1 };
            db.KitSections.Add(opening);
            await db.SaveChangesAsync();
            return await db.KitItems.Where(k => k.Id == items[1]).ExecuteUpdateAsync(u => u.SetProperty(k => k.KitSectionId, opening.Id));
        });
        var interviewer = await app.ApiClientAsAsync(Roles.Interviewer);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        async Task<JsonElement> Progress() => Row(await manager.GetJsonAsync($"/api/v1/interviews/{id}/progress"), mine);
        async Task Save(string url, object body)
        {
            var response = await interviewer.PutAsJsonAsync(url, body);
            Assert.True(response.IsSuccessStatusCode, $"PUT {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await Save($"/api/v1/scorecards/{mine}/position", new { kitItemId = items[1] });
        var onFirst = await Progress();
        await Save($"/api/v1/scorecards/{mine}/ratings/{items[1]}", new { value = 4, notObserved = false, notes = "Named the crisis line.", version = 0 });
        var afterOne = await Progress();
        await Save($"/api/v1/scorecards/{mine}/position", new { kitItemId = items[0] });
        await Save($"/api/v1/scorecards/{mine}/ratings/{items[0]}", new { value = (int?)null, notObserved = false, notes = "Notes before a rating.", version = 0 });
        var afterNotesOnly = await Progress();
        await Save($"/api/v1/scorecards/{mine}/ratings/{items[0]}", new { value = (int?)null, notObserved = true, notes = "Notes before a rating.", version = 1 });
        var afterNotObserved = await Progress();
        var other = Row(await manager.GetJsonAsync($"/api/v1/interviews/{id}/progress"), scorecards[s.SecondInterviewerId]);

        Assert.Equal(0, onFirst.GetProperty("itemsRated").GetInt32());
        Assert.Equal(1, onFirst.GetProperty("currentItemNumber").GetInt32());
        Assert.Equal(1, afterOne.GetProperty("itemsRated").GetInt32());
        Assert.Equal(1, afterOne.GetProperty("currentItemNumber").GetInt32());
        Assert.Equal(JsonValueKind.String, afterOne.GetProperty("startedAt").ValueKind);
        Assert.True(afterOne.GetProperty("lastActivityAt").GetDateTimeOffset() >= afterOne.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(1, afterNotesOnly.GetProperty("itemsRated").GetInt32());
        Assert.Equal(2, afterNotesOnly.GetProperty("currentItemNumber").GetInt32());
        Assert.Equal(2, afterNotObserved.GetProperty("itemsRated").GetInt32());
        Assert.True(afterNotObserved.GetProperty("lastActivityAt").GetDateTimeOffset() >= afterOne.GetProperty("lastActivityAt").GetDateTimeOffset());
        Assert.Equal(0, other.GetProperty("itemsRated").GetInt32());
        Assert.Equal("Draft", other.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Progress_NeverCarriesValuesNotesFlagsOrRecommendations()
    {
        using var app = new TestApp();
        var (s, id, scorecards) = await ScheduledAsync(app);
        var mine = scorecards[s.InterviewerId];
        var items = await KitItemsAsync(app, s.Kit.VersionId);
        await app.WithScopeAsync(async db =>
        {
            var redFlagId = await db.RedFlags.Select(f => f.Id).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            db.Ratings.Add(new Rating { ScorecardId = mine, KitItemId = items[0], Value = 5, Evidence = "RATING-EVIDENCE-SECRET", UpdatedAt = now });
            db.Ratings.Add(new Rating { ScorecardId = mine, KitItemId = items[1], Value = 1, Evidence = "OTHER-EVIDENCE-SECRET", UpdatedAt = now });
            db.RedFlagChecks.Add(new RedFlagCheck { ScorecardId = mine, RedFlagId = redFlagId, Evidence = "FLAG-EVIDENCE-SECRET", CheckedAt = now });
            await db.SaveChangesAsync();
            return await db.Scorecards.Where(c => c.Id == mine).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Notes, "SUMMARY-SECRET")
                .SetProperty(c => c.Recommendation, Recommendation.StrongYes)
                .SetProperty(c => c.State, ScorecardState.Submitted)
                .SetProperty(c => c.StartedAt, now.AddMinutes(-40))
                .SetProperty(c => c.SubmittedAt, now));
        });
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.GetAsync($"/api/v1/interviews/{id}/progress");
        var raw = await response.Content.ReadAsStringAsync();
        var progress = JsonDocument.Parse(raw).RootElement;
        var page = await (await (await app.BrowserClientAsAsync(Roles.HiringManager)).GetAsync($"/Interviews/{id}")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["interviewId", "itemsTotal", "panel"], progress.EnumerateObject().Select(p => p.Name));
        Assert.All(progress.GetProperty("panel").EnumerateArray(), p => Assert.Equal(ProgressFields, p.EnumerateObject().Select(f => f.Name)));
        Assert.Equal(2, Row(progress, mine).GetProperty("itemsRated").GetInt32());
        Assert.Equal("Submitted", Row(progress, mine).GetProperty("state").GetString());
        foreach (var secret in new[] { "RATING-EVIDENCE-SECRET", "OTHER-EVIDENCE-SECRET", "FLAG-EVIDENCE-SECRET", "SUMMARY-SECRET", "StrongYes" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Progress_IsForManagersHrAndThePanel_OthersGet404_AnonymousGets401()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s, s.InterviewerId, managerId)).GetProperty("id").GetInt32();
        var url = $"/api/v1/interviews/{id}/progress";

        var onPanel = await (await app.ApiClientAsAsync(Roles.Interviewer)).GetAsync(url);
        var hr = await (await app.ApiClientAsAsync(Roles.HR)).GetAsync(url);
        var admin = await (await app.ApiClientAsAsync(Roles.Admin)).GetAsync(url);
        var unassigned = await (await app.ApiClientAsync(TestData.SecondInterviewerEmail)).GetAsync(url);
        var missing = await (await app.ApiClientAsAsync(Roles.HR)).GetAsync("/api/v1/interviews/4040/progress");
        var anonymous = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, onPanel.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hr.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unassigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((await Json.ReadAsync(missing)).GetProperty("title").GetString(), (await Json.ReadAsync(unassigned)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task InterviewPage_RendersPanelProgressForHr_WithThePollingScript_AndNotForInterviewers()
    {
        using var app = new TestApp();
        var (s, id, scorecards) = await ScheduledAsync(app);
        var items = await KitItemsAsync(app, s.Kit.VersionId);
        var now = DateTimeOffset.UtcNow;
        await WriteAsync(app, scorecards[s.InterviewerId], items[0], value: 3, notObserved: false, current: items[1], now, now);

        var page = await Html.GetAsync(await app.BrowserClientAsAsync(Roles.HR), $"/Interviews/{id}");
        var interviewerPage = await Html.GetAsync(await app.BrowserClientAsAsync(Roles.Interviewer), $"/Interviews/{id}");
        var block = page.QuerySelector("[data-panel-progress]");
        var rows = page.QuerySelectorAll("[data-progress-list] li").Select(li => li.TextContent).ToList();

        Assert.NotNull(block);
        Assert.Equal($"/api/v1/interviews/{id}/progress", block.GetAttribute("data-panel-progress"));
        Assert.StartsWith("updated ", block.QuerySelector("[data-progress-status]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        Assert.Contains("1 of 2 rated · on question 2", rows[0], StringComparison.Ordinal);
        Assert.Contains("Not started", rows[1], StringComparison.Ordinal);
        Assert.Equal(["1", "0"], page.QuerySelectorAll("[data-progress-list] progress").Select(p => p.GetAttribute("value")));
        Assert.Contains(page.QuerySelectorAll("script[src]"), e => e.GetAttribute("src")!.StartsWith("/js/panel-progress.js", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("script"), e => !e.HasAttribute("src"));
        Assert.Null(interviewerPage.QuerySelector("[data-panel-progress]"));
    }

    [Fact]
    public async Task Progress_IsReadFromTheDatabase_SoASecondInstanceSeesTheSameCounts()
    {
        using var first = new TestApp();
        var (s, id, scorecards) = await ScheduledAsync(first);
        using var second = TestApp.SharingDatabaseOf(first);
        var watcher = await second.ApiClientAsAsync(Roles.HiringManager);
        var before = Row(await watcher.GetJsonAsync($"/api/v1/interviews/{id}/progress"), scorecards[s.InterviewerId]);

        var items = await KitItemsAsync(first, s.Kit.VersionId);
        var now = DateTimeOffset.UtcNow;
        await WriteAsync(first, scorecards[s.InterviewerId], items[0], value: 2, notObserved: false, current: items[1], now, now);
        var after = Row(await watcher.GetJsonAsync($"/api/v1/interviews/{id}/progress"), scorecards[s.InterviewerId]);

        Assert.Equal(0, before.GetProperty("itemsRated").GetInt32());
        Assert.Equal(1, after.GetProperty("itemsRated").GetInt32());
        Assert.Equal(2, after.GetProperty("currentItemNumber").GetInt32());
    }

    /// <summary>Schedules the scenario's two interviewers; returns the interview id and each interviewer's scorecard id.</summary>
    private static async Task<(Scenario Scenario, int InterviewId, Dictionary<string, int> Scorecards)> ScheduledAsync(TestApp app)
    {
        var s = await TestData.ScenarioAsync(app);
        var interview = await SchedulingApiTests.ScheduledAsync(app, s);
        var scorecards = interview.GetProperty("scorecards").EnumerateArray()
            .ToDictionary(c => c.GetProperty("interviewerId").GetString()!, c => c.GetProperty("id").GetInt32());
        return (s, interview.GetProperty("id").GetInt32(), scorecards);
    }

    private static Task<List<int>> KitItemsAsync(TestApp app, int versionId) =>
        app.WithScopeAsync(db => db.KitItems.Where(k => k.KitVersionId == versionId).OrderBy(k => k.Order).Select(k => k.Id).ToListAsync());

    /// <summary>What an autosave leaves behind: the rating row, the scorecard's position and its activity times.</summary>
    private static Task<int> WriteAsync(TestApp app, int scorecardId, int kitItemId, int? value, bool notObserved, int current, DateTimeOffset started, DateTimeOffset touched) =>
        app.WithScopeAsync(async db =>
        {
            var rating = await db.Ratings.FirstOrDefaultAsync(r => r.ScorecardId == scorecardId && r.KitItemId == kitItemId);
            if (rating is null)
            {
                rating = new Rating { ScorecardId = scorecardId, KitItemId = kitItemId };
                db.Ratings.Add(rating);
            }

            rating.Value = value;
            rating.NotObserved = notObserved;
            rating.Evidence = "notes";
            rating.UpdatedAt = touched;
            rating.Version++;
            await db.SaveChangesAsync();
            return await db.Scorecards.Where(c => c.Id == scorecardId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.CurrentKitItemId, current)
                .SetProperty(c => c.StartedAt, started)
                .SetProperty(c => c.UpdatedAt, touched));
        });

    private static JsonElement Row(JsonElement progress, int scorecardId) =>
        progress.GetProperty("panel").EnumerateArray().Single(p => p.GetProperty("scorecardId").GetInt32() == scorecardId);
}
