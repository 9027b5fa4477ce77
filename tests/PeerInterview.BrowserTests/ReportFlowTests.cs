using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

/// <summary>
/// From a submitted panel to a decision: HR compares the position's candidates and reads why the band is what it is;
/// the hiring manager confirms the pending knock-out on the report page and the band changes.
/// </summary>
public class ReportFlowTests
{
    [Fact]
    public async Task HR_ReadsTheBandAndWhy_AndTheHiringManagerConfirmsAPendingKnockOut()
    {
        await using var app = await BrowserApp.StartAsync();
        var panel = await ScoringPanel.CreateAsync(app);
        await ScoreAndSubmitAsync(app, ScoringPanel.Interviewer, panel.FirstScorecardId, panel, [4, 4, 4, 4, 4, 4, 4], checkKnockOut: true);
        await ScoreAndSubmitAsync(app, ScoringPanel.SecondInterviewer, panel.SecondScorecardId, panel, [4, 5, 4, 4, 4, 4, 4], checkKnockOut: false);

        // HR: positions → compare candidates → the candidate's report.
        var hr = await app.SignInAsync("hr@demo.peerinterview.test");
        await hr.GotoAsync("/Positions");
        await hr.GetByRole(AriaRole.Row).Filter(new() { HasText = "Scoring test position" }).GetByRole(AriaRole.Link, new() { Name = "Compare candidates" }).ClickAsync();
        var row = hr.Locator("table.heatmap tbody tr").Filter(new() { HasText = "Casey Candidate" });
        await Assertions.Expect(row.Locator(".band-chip")).ToHaveTextAsync("Recommend");
        await Assertions.Expect(row).ToContainTextAsync("needs review");
        await Assertions.Expect(row.Locator("td.num").First).ToHaveTextAsync("4.07");

        await row.GetByRole(AriaRole.Link, new() { Name = "Casey Candidate" }).ClickAsync();
        await Assertions.Expect(hr.Locator(".band-name")).ToHaveTextAsync("Recommend");
        await Assertions.Expect(hr.Locator(".reasons li").First).ToHaveTextAsync("Recommend: overall 4.07 is below 4.2");
        await Assertions.Expect(hr.Locator(".needs-review")).ToBeVisibleAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Img, new() { Name = "Competency scores on the 1 to 5 scale" })).ToBeVisibleAsync();
        await Assertions.Expect(hr.Locator(".report-flags")).ToContainTextAsync("Would tell the family without asking");
        await Assertions.Expect(hr.Locator("form.review-form")).ToHaveCountAsync(0);
        await hr.GetByText("How this band was decided").ClickAsync();
        await Assertions.Expect(hr.Locator(".rules li.decided")).ToContainTextAsync("Recommend");
        var reportUrl = hr.Url;

        // Hiring manager: confirm the knock-out with a reason; the band follows.
        var manager = await app.SignInAsync("manager@demo.peerinterview.test");
        await manager.GotoAsync(reportUrl);
        await manager.GetByLabel("Your decision and why").FillAsync("Sharing health information without consent is a knock-out for this role.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Confirm knock-out" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".flash")).ToContainTextAsync("The band is now Not recommended.");
        await Assertions.Expect(manager.Locator(".band-name")).ToHaveTextAsync("Not recommended");
        await Assertions.Expect(manager.Locator(".reasons li").First).ToContainTextAsync("confirmed by a hiring manager");
        await Assertions.Expect(manager.Locator(".needs-review")).ToHaveCountAsync(0);

        // HR's position view shows the new band after a reload.
        await hr.GotoAsync(reportUrl);
        await Assertions.Expect(hr.Locator(".band-name")).ToHaveTextAsync("Not recommended");
    }

    internal static async Task ScoreAndSubmitAsync(BrowserApp app, string email, int scorecardId, ScoringPanel panel, int[] ratings, bool checkKnockOut)
    {
        using var client = await ScoringPanel.ApiAsync(app, email);
        for (var i = 0; i < panel.KitItemIds.Count; i++)
        {
            await ScoringPanel.ReadAsync(await client.PutAsJsonAsync($"/api/v1/scorecards/{scorecardId}/ratings/{panel.KitItemIds[i]}",
                new { value = ratings[i], notObserved = false, notes = $"Example given for question {i + 1}", version = 0 }));
        }

        if (checkKnockOut)
        {
            await ScoringPanel.ReadAsync(await client.PutAsJsonAsync($"/api/v1/scorecards/{scorecardId}/red-flags/{panel.ItemFlagKey}",
                new { @checked = true, evidence = "Would tell the family without asking the person first", version = 0 }));
        }

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{scorecardId}");
        await ScoringPanel.ReadAsync(await client.PutAsJsonAsync($"/api/v1/scorecards/{scorecardId}",
            new { recommendation = "Yes", summary = "Good overall.", version = view.GetProperty("version").GetInt32() }));
        await ScoringPanel.ReadAsync(await client.PostAsync($"/api/v1/scorecards/{scorecardId}/submit", null));
    }
}
