using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Interviews;

public class SchedulingApiTests
{
    internal static readonly DateTimeOffset NextWeek = new(DateTime.UtcNow.Date.AddDays(7).AddHours(15), TimeSpan.Zero);

    internal static Task<HttpResponseMessage> ScheduleAsync(HttpClient client, Scenario s, params string[] interviewerIds) =>
        client.PostAsJsonAsync("/api/v1/interviews", new { candidateId = s.CandidateId, kitVersionId = s.Kit.VersionId, scheduledAt = NextWeek, interviewerIds });

    /// <summary>Schedules with both demo interviewers and returns the created interview.</summary>
    internal static async Task<JsonElement> ScheduledAsync(TestApp app, Scenario s, params string[] interviewerIds)
    {
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var response = await ScheduleAsync(client, s, interviewerIds.Length > 0 ? interviewerIds : [s.InterviewerId, s.SecondInterviewerId]);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await Json.ReadAsync(response);
    }

    [Fact]
    public async Task Schedule_WithTwoInterviewers_CreatesOneDraftScorecardEach()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await ScheduleAsync(client, s, s.InterviewerId, s.SecondInterviewerId);
        var interview = await Json.ReadAsync(response);
        var scorecards = interview.GetProperty("scorecards").EnumerateArray().ToList();
        var id = interview.GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/interviews/{id}", response.Headers.Location!.ToString());
        Assert.Equal(2, scorecards.Count);
        Assert.All(scorecards, c => Assert.Equal("Draft", c.GetProperty("state").GetString()));
        Assert.Equal(
            new[] { s.InterviewerId, s.SecondInterviewerId }.Order(StringComparer.Ordinal),
            scorecards.Select(c => c.GetProperty("interviewerId").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(["Indy Interviewer", "Jordan Interviewer"], scorecards.Select(c => c.GetProperty("interviewerName").GetString()));
        Assert.Equal(0, interview.GetProperty("warnings").GetArrayLength());
        Assert.Equal(NextWeek, interview.GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.Equal(s.Kit.VersionId, interview.GetProperty("kitVersionId").GetInt32());
        Assert.Equal(1, interview.GetProperty("kitVersionNumber").GetInt32());
        Assert.Equal(2, await app.WithScopeAsync(db => db.Scorecards.CountAsync(c => c.InterviewId == id && c.State == ScorecardState.Draft)));
    }

    [Fact]
    public async Task Schedule_MovesAnAppliedCandidateToInterviewing_AndAuditsBoth()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);

        var interview = await ScheduledAsync(app, s);
        var id = interview.GetProperty("id").GetInt32().ToString();
        var stage = app.WithScope(db => db.Candidates.Single(c => c.Id == s.CandidateId).Stage);
        var entries = app.WithScope(db => db.AuditEntries.Where(a => a.Action == "interview.schedule" || a.Action == "candidate.stage").ToList());

        Assert.Equal(CandidateStage.Interviewing, stage);
        var scheduled = Assert.Single(entries, a => a.Action == "interview.schedule");
        Assert.Equal(id, scheduled.EntityId);
        Assert.Equal(managerId, scheduled.UserId);
        Assert.Contains(s.InterviewerId, scheduled.After, StringComparison.Ordinal);
        Assert.Contains(s.SecondInterviewerId, scheduled.After, StringComparison.Ordinal);
        Assert.Single(entries, a => a.Action == "candidate.stage" && a.EntityId == s.CandidateId.ToString());
    }

    [Fact]
    public async Task Schedule_LeavesACandidateAtDecisionWhereTheyAre()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        await app.WithScopeAsync(db => db.Candidates.Where(c => c.Id == s.CandidateId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Stage, CandidateStage.Decision)));

        await ScheduledAsync(app, s);

        Assert.Equal(CandidateStage.Decision, app.WithScope(db => db.Candidates.Single(c => c.Id == s.CandidateId).Stage));
    }

    [Fact]
    public async Task Schedule_WithOneInterviewer_IsAccepted_WithAWarning()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await ScheduleAsync(client, s, s.InterviewerId);
        var interview = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, interview.GetProperty("scorecards").GetArrayLength());
        Assert.Contains("two submitted scorecards", interview.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KitStatus.Draft, false)]
    [InlineData(KitStatus.Retired, false)]
    [InlineData(KitStatus.Published, true)]
    public async Task Schedule_WithAVersionThatIsNotPublishedOrInUse_IsRejected(KitStatus status, bool kitRetired)
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var version = await TestData.PublishedKitVersionAsync(app, "Other kit", status, kitRetired);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/interviews", new
        {
            candidateId = s.CandidateId,
            kitVersionId = version.VersionId,
            scheduledAt = NextWeek,
            interviewerIds = new[] { s.InterviewerId, s.SecondInterviewerId },
        });
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["kitVersionId"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, app.WithScope(db => db.Interviews.Count()));
        Assert.Equal(CandidateStage.Applied, app.WithScope(db => db.Candidates.Single(c => c.Id == s.CandidateId).Stage));
    }

    [Fact]
    public async Task Schedule_WithAnUnknownInterviewer_IsRejected()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await ScheduleAsync(client, s, s.InterviewerId, "no-such-user");
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-user", errors.GetProperty("interviewerIds")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, app.WithScope(db => db.Scorecards.Count()));
    }

    [Fact]
    public async Task Schedule_WithAnHrUserOnThePanel_IsRejected()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var hrId = await TestData.UserIdForRoleAsync(app, Roles.HR);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await ScheduleAsync(client, s, s.InterviewerId, hrId);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Harper HR cannot interview", errors.GetProperty("interviewerIds")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_WithTheSameInterviewerTwice_IsRejected()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await ScheduleAsync(client, s, s.InterviewerId, s.InterviewerId);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("only once", errors.GetProperty("interviewerIds")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, app.WithScope(db => db.Interviews.Count()));
    }

    [Fact]
    public async Task Schedule_WithMissingFields_NamesEachOne()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var empty = await client.PostAsJsonAsync("/api/v1/interviews", new { });
        var unknownCandidate = await client.PostAsJsonAsync("/api/v1/interviews", new { candidateId = 9999, kitVersionId = 9999, scheduledAt = "next tuesday", interviewerIds = new[] { "x" } });
        var emptyErrors = (await Json.ReadAsync(empty)).GetProperty("errors");
        var badTimeErrors = (await Json.ReadAsync(unknownCandidate)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["candidateId", "interviewerIds", "kitVersionId", "scheduledAt"], emptyErrors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknownCandidate.StatusCode);
        Assert.Contains("ISO 8601", badTimeErrors.GetProperty("scheduledAt")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_ForAnUnknownOrWithdrawnCandidate_IsRejected()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var withdrawn = await TestData.CandidateAsync(app, s.PositionId, "Wren Withdrawn", stage: CandidateStage.Withdrawn);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var unknown = await ScheduleAsync(client, s with { CandidateId = 9999 }, s.InterviewerId, s.SecondInterviewerId);
        var closed = await ScheduleAsync(client, s with { CandidateId = withdrawn }, s.InterviewerId, s.SecondInterviewerId);

        Assert.Contains("9999", (await Json.ReadAsync(unknown)).GetProperty("errors").GetProperty("candidateId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Withdrawn", (await Json.ReadAsync(closed)).GetProperty("errors").GetProperty("candidateId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_AcceptsALocalTimeWithOffset_AndStoresUtc()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/interviews", new
        {
            candidateId = s.CandidateId,
            kitVersionId = s.Kit.VersionId,
            scheduledAt = "2030-03-14T10:00:00-05:00",
            interviewerIds = new[] { s.InterviewerId, s.SecondInterviewerId },
        });
        var noOffset = await client.PostAsJsonAsync("/api/v1/interviews", new
        {
            candidateId = s.CandidateId,
            kitVersionId = s.Kit.VersionId,
            scheduledAt = "2030-03-15T09:30",
            interviewerIds = new[] { s.InterviewerId, s.SecondInterviewerId },
        });

        Assert.Equal(new DateTimeOffset(2030, 3, 14, 15, 0, 0, TimeSpan.Zero), (await Json.ReadAsync(response)).GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2030, 3, 15, 9, 30, 0, TimeSpan.Zero), (await Json.ReadAsync(noOffset)).GetProperty("scheduledAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Schedule_WarnsWhenAnInterviewerIsAlreadyBookedThen()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var other = await TestData.CandidateAsync(app, s.PositionId, "Blair Chen");
        await ScheduledAsync(app, s);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await ScheduleAsync(client, s with { CandidateId = other }, s.InterviewerId, s.SecondInterviewerId);
        var warnings = (await Json.ReadAsync(response)).GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(warnings, w => w!.StartsWith("Indy Interviewer has another interview", StringComparison.Ordinal));
    }
}
