using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

/// <summary>The Content-Security-Policy (no inline script or style) breaks nothing: the script-driven pages run without a single violation.</summary>
public class ContentSecurityPolicyTests
{
    [Fact]
    public async Task ScriptDrivenPages_RunUnderTheCsp_WithoutViolations_AndTheServiceWorkerStillControlsTheScorecard()
    {
        await using var app = await BrowserApp.StartAsync();
        var panel = await ScoringPanel.CreateAsync(app);
        var problems = new List<string>();

        var manager = await app.SignInAsync("manager@demo.peerinterview.test");
        Watch(manager, problems);
        foreach (var url in new[] { "/Questions", "/Kits", "/Interviews/Schedule", $"/Interviews/{panel.InterviewId}", "/Import" })
        {
            var response = await manager.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        }

        var interviewer = await app.SignInAsync(ScoringPanel.Interviewer);
        Watch(interviewer, problems);
        await interviewer.GotoAsync($"/Scorecards/{panel.FirstScorecardId}");
        await Assertions.Expect(interviewer.Locator("#sc-progress-text")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ of \d+ rated$"));
        await interviewer.Keyboard.PressAsync("4");
        await Assertions.Expect(interviewer.Locator("#sc-progress-text")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1 of \d+ rated$"));
        var controlled = false;
        for (var attempt = 0; attempt < 100 && !controlled; attempt++)
        {
            controlled = await interviewer.EvaluateAsync<bool>("async () => { await navigator.serviceWorker.ready; return !!navigator.serviceWorker.controller || (await navigator.serviceWorker.getRegistration()) !== undefined; }");
            if (!controlled)
            {
                await Task.Delay(100);
            }
        }

        await interviewer.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "peerinterview-scorecard-csp.png"), FullPage = true });

        Assert.True(controlled, "the service worker did not register under the CSP");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static void Watch(IPage page, List<string> problems)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{page.Url}: console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: page error: {error}");
    }
}
