using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Privacy;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Security;

/// <summary>Hardening found by probing: a date window, capped lists checked before any database work.</summary>
public class ProbingHardeningTests
{
    [Fact]
    public async Task ScheduledAt_Year9999_Is400NamingTheField_AndAFarDateInOldDataBreaksNoPage()
    {
        using var app = new TestApp();
        var panel = await ScoringSetup.PanelAsync(app);
        var s = panel.Scenario;
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        foreach (var at in new[] { "9999-12-31T23:00:00Z", "0001-01-01T00:00:00Z", DateTime.UtcNow.AddYears(11).ToString("O") })
        {
            var response = await manager.PostAsJsonAsync("/api/v1/interviews", new { candidateId = s.CandidateId, kitVersionId = s.Kit.VersionId, scheduledAt = at, interviewerIds = new[] { s.InterviewerId } });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty("scheduledAt", out _), at);
        }

        Assert.Equal(1, await app.WithScopeAsync(db => db.Interviews.CountAsync()));

        // An interview stored before the window existed, at the very end of the calendar: its panel's pages still work.
        await app.WithScopeAsync(db => db.Interviews.Where(i => i.Id == panel.InterviewId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ScheduledAt, DateTimeOffset.MaxValue.AddMinutes(-1))));
        var interviewer = await app.ApiClientAsAsync(Roles.Interviewer);
        Assert.Equal(HttpStatusCode.OK, (await interviewer.GetAsync("/api/v1/me/interviews")).StatusCode);
        var browser = await app.BrowserClientAsAsync(Roles.Interviewer);
        foreach (var url in new[] { "/Interviews/Mine" }) // the home page of an interviewer
        {
            var page = await browser.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {(int)page.StatusCode} {page.Headers.Location} {await page.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("/api/v1/analytics?from=0001-01-01", "from")]
    [InlineData("/api/v1/analytics?to=9999-12-31", "to")]
    [InlineData("/api/v1/audit?to=9999-12-31", "to")]
    [InlineData("/api/v1/audit/export?from=0001-01-01", "from")]
    public async Task DateFilters_OutsideTenYears_Are400NamingTheField(string url, string field)
    {
        using var app = new TestApp();
        var admin = await app.ApiClientAsAsync(Roles.Admin);
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));

        var page = await Html.GetAsync(await app.BrowserClientAsAsync(Roles.Admin), "/Audit?to=9999-12-31");
        Assert.Contains("within 10 years", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_OfTenThousandIds_Is400Fast_AndWritesNothing()
    {
        using var app = new TestApp();
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var ids = await app.WithScopeAsync(db => db.Questions.OrderBy(q => q.Id).Select(q => q.Id).Take(3).ToListAsync());
        var before = await app.WithScopeAsync(db => db.AuditEntries.CountAsync());
        var watch = Stopwatch.StartNew();
        var response = await manager.PostAsJsonAsync($"/api/v1/questions/{ids[0]}/merge", new { questionIds = Enumerable.Range(1, 10_000).ToArray() });
        watch.Stop();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100", (await Json.ReadAsync(response)).GetProperty("errors").GetProperty("questionIds")[0].GetString(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(before, await app.WithScopeAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(0, await app.WithScopeAsync(db => db.Questions.CountAsync(q => q.Status == QuestionStatus.Archived)));

        var panel = await ScoringSetup.PanelAsync(app);
        var tooMany = Enumerable.Range(0, 101).Select(i => $"id{i}").ToArray();
        var schedule = await manager.PostAsJsonAsync("/api/v1/interviews", new { candidateId = panel.Scenario.CandidateId, kitVersionId = panel.Scenario.Kit.VersionId, scheduledAt = DateTime.UtcNow.AddDays(1).ToString("O"), interviewerIds = tooMany });
        Assert.Equal(HttpStatusCode.BadRequest, schedule.StatusCode);
        Assert.True((await Json.ReadAsync(schedule)).GetProperty("errors").TryGetProperty("interviewerIds", out _));
        var weights = await manager.PutAsJsonAsync($"/api/v1/kits/{panel.Scenario.Kit.KitId}/weights", new { weights = Enumerable.Range(0, 101).ToDictionary(i => $"C{i}", _ => 1.0) });
        Assert.Equal(HttpStatusCode.BadRequest, weights.StatusCode);
        Assert.True((await Json.ReadAsync(weights)).GetProperty("errors").TryGetProperty("weights", out _));
        var flags = Enumerable.Range(0, 101).Select(i => new { text = $"Flag {i}", severity = "Concern" }).ToArray();
        var question = await manager.PutAsJsonAsync($"/api/v1/questions/{ids[1]}", new { redFlags = flags, version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, question.StatusCode);
        Assert.True((await Json.ReadAsync(question)).GetProperty("errors").TryGetProperty("redFlags", out _));
    }
}

/// <summary>Runs with the log-privacy tests (Serilog's static request logger is shared by every app in the process).</summary>
[Collection(nameof(LogPrivacyTests))]
public class LogForgeryTests
{
    [Fact]
    public async Task CrLfInAUrl_DoesNotStartAForgedLogLine()
    {
        var capture = LogCapture.Start();
        using var app = new TestApp(configure: capture.AddTo);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.GetAsync("/healthz/x%0D%0A[12:00:00%20INF]%20HTTP%20GET%20/forged%20responded%20200%0Bend");

        var lines = capture.Lines.Where(l => l.Contains("forged", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.False(l.IndexOfAny(['\r', '\n', '\v']) >= 0, l));
        Assert.Contains(lines, l => l.Contains("\\r\\n[12:00:00 INF]", StringComparison.Ordinal));
    }
}
