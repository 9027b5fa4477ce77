using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Interviews;

public class PanelChangesApiTests
{
    [Fact]
    public async Task AddInterviewer_CreatesADraftScorecard_AndIsAudited()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var interview = await SchedulingApiTests.ScheduledAsync(app, s, s.InterviewerId);
        var id = interview.GetProperty("id").GetInt32();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync($"/api/v1/interviews/{id}/interviewers", new { interviewerId = s.SecondInterviewerId });
        var updated = await Json.ReadAsync(response);
        var audit = app.WithScope(db => db.AuditEntries.Single(a => a.Action == "interview.interviewer.add"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, updated.GetProperty("scorecards").GetArrayLength());
        Assert.Equal(0, updated.GetProperty("warnings").GetArrayLength());
        Assert.Equal(ScorecardState.Draft, app.WithScope(db => db.Scorecards.Single(c => c.InterviewId == id && c.InterviewerId == s.SecondInterviewerId).State));
        Assert.Equal(id.ToString(), audit.EntityId);
        Assert.DoesNotContain(s.SecondInterviewerId, audit.Before, StringComparison.Ordinal);
        Assert.Contains(s.SecondInterviewerId, audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddInterviewer_AlreadyOnThePanel_OrWithoutTheRole_IsRejected()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var hrId = await TestData.UserIdForRoleAsync(app, Roles.HR);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var again = await client.PostAsJsonAsync($"/api/v1/interviews/{id}/interviewers", new { interviewerId = s.InterviewerId });
        var hr = await client.PostAsJsonAsync($"/api/v1/interviews/{id}/interviewers", new { interviewerId = hrId });
        var missing = await client.PostAsJsonAsync($"/api/v1/interviews/{id}/interviewers", new { });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already on the panel", (await Json.ReadAsync(again)).GetProperty("errors").GetProperty("interviewerId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, hr.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(2, app.WithScope(db => db.Scorecards.Count(c => c.InterviewId == id)));
        Assert.Equal(0, app.WithScope(db => db.AuditEntries.Count(a => a.Action == "interview.interviewer.add")));
    }

    [Fact]
    public async Task RemoveInterviewer_WithADraftScorecard_RemovesIt_AndIsAudited()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.DeleteAsync($"/api/v1/interviews/{id}/interviewers/{s.SecondInterviewerId}");
        var updated = await Json.ReadAsync(response);
        var audit = app.WithScope(db => db.AuditEntries.Single(a => a.Action == "interview.interviewer.remove"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([s.InterviewerId], updated.GetProperty("scorecards").EnumerateArray().Select(c => c.GetProperty("interviewerId").GetString()));
        Assert.Contains("two submitted scorecards", updated.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(id.ToString(), audit.EntityId);
        Assert.Contains(s.SecondInterviewerId, audit.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveInterviewer_WhoseScorecardHasARating_IsRefused()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        await app.WithScopeAsync(async db =>
        {
            var scorecard = await db.Scorecards.SingleAsync(c => c.InterviewId == id && c.InterviewerId == s.SecondInterviewerId);
            var item = await db.KitItems.FirstAsync(i => i.KitVersionId == s.Kit.VersionId);
            db.Ratings.Add(new Rating { ScorecardId = scorecard.Id, KitItemId = item.Id, Value = 4, UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.DeleteAsync($"/api/v1/interviews/{id}/interviewers/{s.SecondInterviewerId}");
        var problem = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Jordan Interviewer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, app.WithScope(db => db.Scorecards.Count(c => c.InterviewId == id)));
        Assert.Equal(1, app.WithScope(db => db.Ratings.Count()));
        Assert.Equal(0, app.WithScope(db => db.AuditEntries.Count(a => a.Action == "interview.interviewer.remove")));
    }

    [Fact]
    public async Task RemoveInterviewer_WhoSubmitted_IsRefused()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        await app.WithScopeAsync(db => db.Scorecards.Where(c => c.InterviewId == id && c.InterviewerId == s.InterviewerId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ScorecardState.Submitted)));
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.DeleteAsync($"/api/v1/interviews/{id}/interviewers/{s.InterviewerId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task RemoveInterviewer_TheLastOne_OrSomeoneNotOnThePanel_IsRefused()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s, s.InterviewerId)).GetProperty("id").GetInt32();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var last = await client.DeleteAsync($"/api/v1/interviews/{id}/interviewers/{s.InterviewerId}");
        var stranger = await client.DeleteAsync($"/api/v1/interviews/{id}/interviewers/{s.SecondInterviewerId}");

        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Contains("cancel the interview", (await Json.ReadAsync(last)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(1, app.WithScope(db => db.Scorecards.Count(c => c.InterviewId == id)));
    }

    [Fact]
    public async Task Cancel_MarksTheInterviewCancelled_IsAudited_AndFreezesThePanel()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsync($"/api/v1/interviews/{id}/cancel", null);
        var again = await client.PostAsync($"/api/v1/interviews/{id}/cancel", null);
        var add = await client.DeleteAsync($"/api/v1/interviews/{id}/interviewers/{s.SecondInterviewerId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("isCancelled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, add.StatusCode);
        Assert.Equal(1, app.WithScope(db => db.AuditEntries.Count(a => a.Action == "interview.cancel" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Cancel_AfterAScorecardWasSubmitted_IsRefused()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        await app.WithScopeAsync(db => db.Scorecards.Where(c => c.InterviewId == id && c.InterviewerId == s.InterviewerId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ScorecardState.Submitted)));
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsync($"/api/v1/interviews/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(app.WithScope(db => db.Interviews.Single(i => i.Id == id).IsCancelled));
    }

    [Fact]
    public async Task UnknownInterview_Is404_ForEveryChange()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var add = await client.PostAsJsonAsync("/api/v1/interviews/4040/interviewers", new { interviewerId = s.InterviewerId });
        var remove = await client.DeleteAsync($"/api/v1/interviews/4040/interviewers/{s.InterviewerId}");
        var cancel = await client.PostAsync("/api/v1/interviews/4040/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
    }
}
