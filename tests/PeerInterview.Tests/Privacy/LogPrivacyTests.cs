using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Web.Data;

namespace PeerInterview.Tests.Privacy;

/// <summary>
/// Serilog's request logging writes through the static logger, which the most recently started app replaces: with other
/// apps starting in parallel, this test would capture their lines and miss its own. It runs alone.
/// </summary>
[CollectionDefinition(nameof(LogPrivacyTests), DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(LogPrivacyTests))]
public class LogPrivacyTests
{
    private const string Name = "Ottoline Vasquez-Thorburn";
    private const string Email = "ottoline.vt@example.org";
    private const string Phone = "+1 (555) 014-7733";
    private const string Location = "Wexcombe Lane community room";
    private const string Evidence = "Talked about Ottoline's custody hearing";
    private const string FlagEvidence = "Disclosed a Zanthrex prescription";
    private const string Summary = "Kestrelwood experience makes her a yes";
    private const string Reason = "Pemberton misheard the second answer";

    /// <summary>What must never reach a log line, with fragments so encoded or partial copies are caught too.</summary>
    private static readonly string[] Secrets =
    [
        Name, Email, Phone, Location, Evidence, FlagEvidence, Summary, Reason,
        "Ottoline", "Vasquez", "Thorburn", "ottoline.vt", "014-7733", "0147733", "Wexcombe", "custody hearing", "Zanthrex", "Kestrelwood", "Pemberton",
    ];

    [Fact]
    public async Task AFullHiringFlow_AtDebugLevel_LogsNoCandidateDataOrNoteText()
    {
        var capture = LogCapture.Start();
        using var app = new TestApp(configure: capture.AddTo);
        var s = await TestData.ScenarioAsync(app);
        var globalFlag = app.WithScope(db => db.RedFlags.Where(f => f.QuestionId == null && !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Id).First());
        var managerBrowser = await app.BrowserClientAsAsync(Roles.HiringManager);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        // The candidate is added through the real form, then a duplicate through the API (a validation failure).
        var form = (await Html.GetAsync(managerBrowser, $"/Candidates/Edit?positionId={s.PositionId}")).QuerySelector<IHtmlFormElement>("form.edit-form")!;
        var created = await Html.SubmitAsync(managerBrowser, form, new() { ["Input.Name"] = Name, ["Input.Email"] = Email, ["Input.Phone"] = Phone });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var candidateId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var duplicate = await manager.PostAsJsonAsync("/api/v1/candidates", new { name = Name, email = Email, phone = "call " + Name, positionId = s.PositionId });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var malformed = await manager.PostAsync("/api/v1/candidates", new StringContent($"{{\"name\":\"{Name}\",\"email\":\"{Email}\",\"positionId\":\"{Name}\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var scheduled = await manager.PostAsJsonAsync("/api/v1/interviews", new
        {
            candidateId,
            kitVersionId = s.Kit.VersionId,
            scheduledAt = DateTimeOffset.UtcNow.AddDays(2),
            interviewerIds = new[] { s.InterviewerId, s.SecondInterviewerId },
            location = Location,
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var interview = await Json.ReadAsync(scheduled);
        var interviewId = interview.GetProperty("id").GetInt32();
        var cards = interview.GetProperty("scorecards").EnumerateArray().ToDictionary(c => c.GetProperty("interviewerId").GetString()!, c => c.GetProperty("id").GetInt32());
        var panel = new ScoringPanel(s with { CandidateId = candidateId }, interviewId, cards[s.InterviewerId], cards[s.SecondInterviewerId], 0, 0, await app.ApiClientAsAsync(Roles.Interviewer), await app.ApiClientAsync(TestData.SecondInterviewerEmail));
        var items = app.WithScope(db => db.KitItems.Where(i => i.KitVersionId == s.Kit.VersionId).OrderBy(i => i.Order).Select(i => i.Id).ToList());
        panel = panel with { Item1 = items[0], Item2 = items[1] };

        // Both interviewers score with evidence, flag with evidence, summarise and submit; one is reopened with a reason.
        foreach (var (client, card) in new[] { (panel.A, panel.CardA), (panel.B, panel.CardB) })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.FlagAsync(card, $"g{globalFlag}", true, FlagEvidence)).StatusCode);
            await client.CompleteAndSubmitAsync(panel, card, notes: Evidence, summary: Summary);
        }

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/scorecards/{panel.CardA}/reopen", new { reason = Reason })).StatusCode);

        // People open the pages that show all of it, and search by name and email.
        var interviewerBrowser = await app.BrowserClientAsAsync(Roles.Interviewer);
        foreach (var url in new[] { $"/Candidates/Details/{candidateId}", $"/Candidates?q={Uri.EscapeDataString(Name)}", $"/Candidates?q={Email}", $"/Interviews/{interviewId}" })
        {
            await Html.GetAsync(managerBrowser, url);
        }

        await Html.GetAsync(interviewerBrowser, $"/Scorecards/{panel.CardA}");
        await panel.A.GetJsonAsync($"/api/v1/scorecards/{panel.CardA}/history");
        await manager.GetJsonAsync($"/api/v1/candidates?q={Uri.EscapeDataString(Name)}");
        await manager.GetJsonAsync($"/api/v1/interviews/{interviewId}/progress");

        // HR erases the candidate, with a reason that names her.
        var hr = await app.ApiClientAsAsync(Roles.HR);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/v1/candidates/{candidateId}/erase", new { confirm = true, reason = $"{Name} asked by phone" })).StatusCode);

        var lines = capture.Lines;
        // The capture really saw the flow: the framework's request lines, with the search's query string redacted.
        Assert.True(lines.Count > 100, $"Only {lines.Count} log lines were captured: is the capture sink wired in?");
        Assert.Contains(lines, l => l.Contains("Request starting", StringComparison.Ordinal) && l.Contains("QueryString=\"?q=…\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/api/v1/candidates", StringComparison.Ordinal));
        foreach (var secret in Secrets)
        {
            var leaks = lines.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' was logged:\n{string.Join("\n", leaks)}");
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void SensitiveDataLogging_IsNeverOn(string environment)
    {
        using var app = new TestApp(configure: b => b.UseEnvironment(environment));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var core = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>();

        Assert.NotNull(core);
        Assert.False(core.IsSensitiveDataLoggingEnabled, $"EF Core sensitive data logging is on in {environment}: parameter values (names, notes) would reach the logs.");
    }
}
