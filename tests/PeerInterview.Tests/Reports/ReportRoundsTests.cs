using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Interviews;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Reports;

/// <summary>A candidate interviewed twice: the report is about the latest round, and an earlier round can be read too.</summary>
public class ReportRoundsTests
{
    [Fact]
    public async Task TheReportIsAboutTheLatestRound_AndAnEarlierRoundCanBeChosen_OnThePageAndInExports()
    {
        using var app = new TestApp();
        var (p, secondRound) = await TwoRoundsAsync(app);
        var candidate = p.Scenario.CandidateId;
        using var hr = await app.ApiClientAsAsync(Roles.HR);

        var latest = await hr.GetJsonAsync($"/api/v1/candidates/{candidate}/report");
        var earlier = await hr.GetJsonAsync($"/api/v1/candidates/{candidate}/report?interviewId={p.InterviewId}");
        var earlierCsv = await hr.GetAsync($"/api/v1/candidates/{candidate}/report?format=csv&interviewId={p.InterviewId}");
        var unknown = await hr.GetAsync($"/api/v1/candidates/{candidate}/report?interviewId=999999");

        Assert.Equal(secondRound, latest.GetProperty("interview").GetProperty("id").GetInt32());
        Assert.Equal("Strongly recommend", latest.GetProperty("bandText").GetString());
        Assert.Equal(p.InterviewId, earlier.GetProperty("interview").GetProperty("id").GetInt32());
        Assert.Equal("Recommend", earlier.GetProperty("bandText").GetString());
        Assert.Equal(HttpStatusCode.OK, earlierCsv.StatusCode);
        Assert.Contains("A: steady answer on item one", await earlierCsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var browser = await app.BrowserClientAsAsync(Roles.HR);
        var page = await Html.GetAsync(browser, $"/Reports/Candidate/{candidate}");
        var rounds = page.QuerySelectorAll(".rounds a").ToList();
        Assert.Equal(2, rounds.Count);
        Assert.StartsWith("Latest:", rounds[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("page", rounds[0].GetAttribute("aria-current"));
        Assert.Equal("Strongly recommend", page.QuerySelector(".band-name")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".notice a[href='/Reports/Candidate/" + candidate + "']"));

        var earlierPage = await Html.GetAsync(browser, rounds[1].GetAttribute("href")!);
        Assert.Equal("Recommend", earlierPage.QuerySelector(".band-name")!.TextContent.Trim());
        Assert.Equal("page", earlierPage.QuerySelectorAll(".rounds a")[1].GetAttribute("aria-current"));
        Assert.Contains("This is an earlier round.", earlierPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(earlierPage.QuerySelectorAll(".page-head a"), a => a.GetAttribute("href") == $"/api/v1/candidates/{candidate}/report?format=pdf&interviewId={p.InterviewId}");
    }

    [Fact]
    public async Task AnotherCandidatesInterview_OrACancelledOne_IsNotFound()
    {
        using var app = new TestApp();
        var (p, secondRound) = await TwoRoundsAsync(app);
        using var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var other = await TestData.CandidateAsync(app, p.Scenario.PositionId, "Robin Lee", "robin@example.org");
        var thirdRound = (await ScheduleRoundAsync(manager, p, daysAfterFirst: 9)).GetProperty("id").GetInt32();
        var cancelled = await manager.PostAsync($"/api/v1/interviews/{thirdRound}/cancel", null);
        using var browser = await app.BrowserClientAsAsync(Roles.HR);

        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/candidates/{other}/report?interviewId={secondRound}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/report?interviewId={thirdRound}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Reports/Candidate/{p.Scenario.CandidateId}?interview={thirdRound}")).StatusCode);
        var page = await Html.GetAsync(browser, $"/Reports/Candidate/{p.Scenario.CandidateId}");
        Assert.Equal(2, page.QuerySelectorAll(".rounds a").Length); // the cancelled round is not offered
        Assert.Equal("Strongly recommend", page.QuerySelector(".band-name")!.TextContent.Trim()); // nor is it "the latest"
    }

    /// <summary>Round one: both raters 3 and 4 (Recommend). Round two, later, same panel: both rate 5 and 5.</summary>
    private static async Task<(ScoringPanel First, int SecondRound)> TwoRoundsAsync(TestApp app)
    {
        var p = await SubmittedPanels.SubmittedPanelAsync(app);
        using var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var interview = await ScheduleRoundAsync(manager, p, daysAfterFirst: 3);
        var cards = interview.GetProperty("scorecards").EnumerateArray()
            .ToDictionary(c => c.GetProperty("interviewerId").GetString()!, c => c.GetProperty("id").GetInt32());
        foreach (var (client, card) in new[] { (p.A, cards[p.Scenario.InterviewerId]), (p.B, cards[p.Scenario.SecondInterviewerId]) })
        {
            await client.RatedAsync(card, p.Item1, 5, notes: "Round two: excellent");
            await client.RatedAsync(card, p.Item2, 5, notes: "Round two: excellent");
            var view = await client.GetJsonAsync($"/api/v1/scorecards/{card}");
            (await client.SummaryAsync(card, "StrongYes", "Even better.", view.GetProperty("version").GetInt32())).EnsureSuccessStatusCode();
            (await client.SubmitAsync(card)).EnsureSuccessStatusCode();
        }

        return (p, interview.GetProperty("id").GetInt32());
    }

    /// <summary>Another interview of the same candidate, same kit and panel, some days after the first.</summary>
    private static async Task<System.Text.Json.JsonElement> ScheduleRoundAsync(HttpClient manager, ScoringPanel p, int daysAfterFirst)
    {
        var scheduled = await manager.PostAsJsonAsync("/api/v1/interviews", new
        {
            candidateId = p.Scenario.CandidateId,
            kitVersionId = p.Scenario.Kit.VersionId,
            scheduledAt = SchedulingApiTests.NextWeek.AddDays(daysAfterFirst),
            interviewerIds = new[] { p.Scenario.InterviewerId, p.Scenario.SecondInterviewerId },
        });
        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
        return await Json.ReadAsync(scheduled);
    }
}
