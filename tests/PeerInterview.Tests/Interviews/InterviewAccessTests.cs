using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Interviews;

public class InterviewAccessTests
{
    [Fact]
    public async Task UnassignedInterviewer_Gets404_FromTheApi_WhileTheAssignedOneGets200()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s, s.InterviewerId, managerId)).GetProperty("id").GetInt32();
        var assigned = await app.ApiClientAsAsync(Roles.Interviewer);
        var unassigned = await app.ApiClientAsync(TestData.SecondInterviewerEmail);

        var mine = await assigned.GetAsync($"/api/v1/interviews/{id}");
        var notMine = await unassigned.GetAsync($"/api/v1/interviews/{id}");
        var missing = await unassigned.GetAsync("/api/v1/interviews/4040");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal((await Json.ReadAsync(missing)).GetProperty("title").GetString(), (await Json.ReadAsync(notMine)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task UnassignedInterviewer_Gets404_ForTheInterviewPage_WhileTheAssignedOneSeesThePanel()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s, s.InterviewerId, managerId)).GetProperty("id").GetInt32();
        var assigned = await app.BrowserClientAsAsync(Roles.Interviewer);
        var unassigned = await app.BrowserClientAsync(TestData.SecondInterviewerEmail);

        var notMine = await unassigned.GetAsync($"/Interviews/{id}");
        var page = await Html.GetAsync(assigned, $"/Interviews/{id}");
        var panel = page.QuerySelectorAll("table.panel tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(2, panel.Count);
        Assert.Contains(panel, r => r.Contains("Indy Interviewer", StringComparison.Ordinal) && r.Contains("Draft", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("form[action*='handler=Cancel'], form[action*='handler=AddInterviewer']"));
        Assert.Null(page.QuerySelector("a[href^='/Candidates/Details']"));
    }

    [Fact]
    public async Task InterviewPage_ShowsScorecardStates_ButNeverRatings()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        await app.WithScopeAsync(async db =>
        {
            var scorecard = await db.Scorecards.SingleAsync(c => c.InterviewId == id && c.InterviewerId == s.InterviewerId);
            var item = await db.KitItems.FirstAsync(i => i.KitVersionId == s.Kit.VersionId);
            scorecard.State = ScorecardState.Submitted;
            scorecard.SubmittedAt = DateTimeOffset.UtcNow;
            db.Ratings.Add(new Rating { ScorecardId = scorecard.Id, KitItemId = item.Id, Value = 2, Evidence = "EVIDENCE-TEXT-XYZ", UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = await app.BrowserClientAsAsync(Roles.HR);

        var html = await (await client.GetAsync($"/Interviews/{id}")).Content.ReadAsStringAsync();
        var api = await (await app.ApiClientAsAsync(Roles.HR)).GetJsonAsync($"/api/v1/interviews/{id}");

        Assert.Contains("Submitted", html, StringComparison.Ordinal);
        Assert.DoesNotContain("EVIDENCE-TEXT-XYZ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("EVIDENCE-TEXT-XYZ", api.GetRawText(), StringComparison.Ordinal);
        Assert.False(api.GetProperty("scorecards").EnumerateArray().First(c => c.GetProperty("interviewerId").GetString() == s.InterviewerId).TryGetProperty("ratings", out _));
    }

    [Fact]
    public async Task MyInterviews_ReturnsOnlyTheCallersInterviews_NextFirst()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        var blair = await TestData.CandidateAsync(app, s.PositionId, "Blair Chen");
        var casey = await TestData.CandidateAsync(app, s.PositionId, "Casey Diaz");
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        await Schedule(manager, s.CandidateId, s.Kit.VersionId, DateTimeOffset.UtcNow.AddDays(10), s.InterviewerId, managerId);
        await Schedule(manager, blair, s.Kit.VersionId, DateTimeOffset.UtcNow.AddDays(2), s.InterviewerId, managerId);
        await Schedule(manager, casey, s.Kit.VersionId, DateTimeOffset.UtcNow.AddDays(3), s.SecondInterviewerId, managerId);
        await Schedule(manager, casey, s.Kit.VersionId, DateTimeOffset.UtcNow.AddDays(-5), s.InterviewerId, managerId);
        var client = await app.ApiClientAsAsync(Roles.Interviewer);

        var mine = await client.GetJsonAsync("/api/v1/me/interviews");
        var upcoming = mine.GetProperty("upcoming").EnumerateArray().Select(i => i.GetProperty("candidateName").GetString()).ToList();
        var past = mine.GetProperty("past").EnumerateArray().Select(i => i.GetProperty("candidateName").GetString()).ToList();

        Assert.Equal("Blair Chen", mine.GetProperty("next").GetProperty("candidateName").GetString());
        Assert.Equal(["Blair Chen", "Sam Rivera"], upcoming);
        Assert.Equal(["Casey Diaz"], past);
        Assert.Equal("Draft", mine.GetProperty("next").GetProperty("scorecardState").GetString());
        Assert.Equal("Peer Support Specialist kit", mine.GetProperty("next").GetProperty("kitName").GetString());
    }

    [Fact]
    public async Task MyInterviewsPage_HighlightsTheNextInterview()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        await SchedulingApiTests.ScheduledAsync(app, s);
        var client = await app.BrowserClientAsAsync(Roles.Interviewer);

        var landing = await client.GetAsync("/");
        var page = await Html.GetAsync(client, "/Interviews/Mine");
        var next = page.QuerySelector(".next-up")!;

        Assert.Equal("/Interviews/Mine", landing.Headers.Location!.OriginalString);
        Assert.Contains("Sam Rivera", next.TextContent, StringComparison.Ordinal);
        Assert.Contains("Peer Support Specialist kit", next.TextContent, StringComparison.Ordinal);
        Assert.Contains("UTC", next.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.HR, "/Questions")]
    [InlineData(Roles.HiringManager, "/Questions")]
    public async Task OtherRoles_StillLandOnTheQuestionBank(string role, string expected)
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(role);

        var landing = await client.GetAsync("/");

        Assert.Equal(expected, landing.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Interviewer_And_HR_CannotScheduleOrChangePanels()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();

        foreach (var role in new[] { Roles.Interviewer, Roles.HR })
        {
            var client = await app.ApiClientAsAsync(role);
            var responses = new[]
            {
                await SchedulingApiTests.ScheduleAsync(client, s, s.InterviewerId, s.SecondInterviewerId),
                await client.PostAsJsonAsync($"/api/v1/interviews/{id}/interviewers", new { interviewerId = s.SecondInterviewerId }),
                await client.DeleteAsync($"/api/v1/interviews/{id}/interviewers/{s.SecondInterviewerId}"),
                await client.PostAsync($"/api/v1/interviews/{id}/cancel", null),
            };
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        }

        Assert.Equal(1, app.WithScope(db => db.Interviews.Count()));
        Assert.Equal(2, app.WithScope(db => db.Scorecards.Count()));
    }

    [Fact]
    public async Task HR_ReadsAnyInterview()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        var client = await app.ApiClientAsAsync(Roles.HR);

        var interview = await client.GetJsonAsync($"/api/v1/interviews/{id}");

        Assert.Equal("Sam Rivera", interview.GetProperty("candidateName").GetString());
    }

    [Fact]
    public async Task Anonymous_Gets401_OnEveryInterviewEndpoint()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        var responses = new[]
        {
            await client.PostAsJsonAsync("/api/v1/interviews", new { }),
            await client.GetAsync("/api/v1/interviews/1"),
            await client.GetAsync("/api/v1/me/interviews"),
            await client.PostAsJsonAsync("/api/v1/interviews/1/interviewers", new { interviewerId = "x" }),
            await client.DeleteAsync("/api/v1/interviews/1/interviewers/x"),
            await client.PostAsync("/api/v1/interviews/1/cancel", null),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    private static async Task Schedule(HttpClient client, int candidateId, int kitVersionId, DateTimeOffset at, params string[] interviewerIds)
    {
        var response = await client.PostAsJsonAsync("/api/v1/interviews", new { candidateId, kitVersionId, scheduledAt = at, interviewerIds });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
