using System.Net.Http.Json;
using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

/// <summary>The hiring manager's panel progress on the interview page follows the interviewers' saves without a reload.</summary>
public class PanelProgressBrowserTests
{
    [Fact]
    public async Task PanelProgress_UpdatesWithinFiveSeconds_WhenAnInterviewerSaves_WithoutReload()
    {
        await using var app = await BrowserApp.StartAsync();
        var panel = await ScoringPanel.CreateAsync(app);
        var items = panel.KitItemIds;
        var manager = await app.SignInAsync("manager@demo.peerinterview.test");
        await manager.GotoAsync($"/Interviews/{panel.InterviewId}");
        var first = manager.Locator($"[data-progress-list] li[data-scorecard-id='{panel.FirstScorecardId}']");
        var second = manager.Locator($"[data-progress-list] li[data-scorecard-id='{panel.SecondScorecardId}']");
        await Assertions.Expect(first.Locator(".progress-line")).ToHaveTextAsync("Not started");
        var rendered = await manager.Locator("[data-progress-status]").TextContentAsync();

        using var interviewer = await ScoringPanel.ApiAsync(app, ScoringPanel.Interviewer);
        await ScoringPanel.ReadAsync(await interviewer.PutAsJsonAsync($"/api/v1/scorecards/{panel.FirstScorecardId}/ratings/{items[0]}", new { value = 4, notObserved = false, notes = "PRIVATE-NOTE", version = 0 }));
        await ScoringPanel.ReadAsync(await interviewer.PutAsJsonAsync($"/api/v1/scorecards/{panel.FirstScorecardId}/ratings/{items[1]}", new { value = (int?)null, notObserved = true, notes = "", version = 0 }));
        await ScoringPanel.ReadAsync(await interviewer.PutAsJsonAsync($"/api/v1/scorecards/{panel.FirstScorecardId}/position", new { kitItemId = items[2] }));

        var within = new LocatorAssertionsToHaveTextOptions { Timeout = 5000 };
        await Assertions.Expect(first.Locator(".progress-line")).ToHaveTextAsync($"2 of {items.Count} rated · on question 3", within);
        await Assertions.Expect(first.Locator("progress")).ToHaveAttributeAsync("value", "2");
        await Assertions.Expect(second.Locator(".progress-line")).ToHaveTextAsync("Not started");
        await Assertions.Expect(manager.Locator("[data-progress-status]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^updated \d\d:\d\d:\d\d UTC$"));
        Assert.NotEqual(rendered, await manager.Locator("[data-progress-status]").TextContentAsync());
        Assert.DoesNotContain("PRIVATE-NOTE", await manager.ContentAsync(), StringComparison.Ordinal);
    }
}
