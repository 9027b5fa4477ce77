using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

/// <summary>
/// axe-core over every page, signed in as the role that uses it, with the panels and dialogs people open (WCAG 2.1 A
/// and AA plus axe's best practices). One test collects every page's violations so a single run lists them all.
/// </summary>
public class AccessibilitySweepTests
{
    private static readonly AxeRunOptions Rules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    /// <summary>Runs axe on the page as it is now and adds every violation, with where and why, to <paramref name="report"/>.</summary>
    internal static async Task CheckAsync(IPage page, string what, StringBuilder report)
    {
        var result = await page.RunAxe(Rules);
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"{what} ({page.Url}): {violation.Id} [{violation.Impact}] {violation.Help}");
            foreach (var node in violation.Nodes.Take(6))
            {
                var why = string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
                report.AppendLine($"    at {node.Target}: {why}");
            }
        }
    }

    private static async Task VisitAsync(IPage page, string url, StringBuilder report)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
        await CheckAsync(page, url, report);
    }

    [Fact]
    public async Task EveryPage_AsTheRoleThatUsesIt_HasNoAxeViolations()
    {
        await using var app = await BrowserApp.StartAsync();
        var panel = await ScoringPanel.CreateAsync(app);
        using var api = await ScoringPanel.ApiAsync(app, DemoEmails.Manager);
        var interview = await api.GetFromJsonAsync<JsonElement>($"/api/v1/interviews/{panel.InterviewId}");
        var candidateId = interview.GetProperty("candidateId").GetInt32();
        var positionId = interview.GetProperty("positionId").GetInt32();
        var kitId = interview.GetProperty("kitId").GetInt32();
        var versionId = interview.GetProperty("kitVersionId").GetInt32();
        var question = (await api.GetFromJsonAsync<JsonElement>("/api/v1/questions?status=active&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
        var report = new StringBuilder();

        // Signed out: the sign-in page, and its error state.
        var anonymous = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
        await VisitAsync(anonymous, "/Account/Login", report);
        await anonymous.GetByLabel("Email").FillAsync(DemoEmails.Manager);
        await anonymous.GetByLabel("Password", new() { Exact = true }).FillAsync("not the password");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await CheckAsync(anonymous, "sign-in with a wrong password", report);

        // Interviewer: my interviews, the live scorecard with its help dialog, a validation failure and the view of one question.
        var interviewer = await app.SignInAsync(ScoringPanel.Interviewer);
        await VisitAsync(interviewer, "/Interviews/Mine", report);
        await VisitAsync(interviewer, "/Questions", report);
        await VisitAsync(interviewer, $"/Questions/Details/{question}", report);
        await VisitAsync(interviewer, $"/Scorecards/{panel.FirstScorecardId}", report);
        await Assertions.Expect(interviewer.Locator("#sc-progress-text")).ToContainTextAsync("rated");
        await CheckAsync(interviewer, "scorecard", report);
        await interviewer.Locator("#sc-help-open").ClickAsync();
        await Assertions.Expect(interviewer.Locator("#sc-help")).ToBeVisibleAsync();
        await CheckAsync(interviewer, "scorecard help dialog", report);
        await interviewer.Keyboard.PressAsync("Escape");
        await interviewer.Locator("#sc-view-all").ClickAsync();
        await interviewer.Locator(".sc-guidance summary").First.ClickAsync();
        await CheckAsync(interviewer, "scorecard, all questions, guidance open", report);
        await interviewer.Locator("#sc-submit").ClickAsync();
        await Assertions.Expect(interviewer.Locator("#sc-submit-errors")).ToBeVisibleAsync();
        await CheckAsync(interviewer, "scorecard submit errors", report);
        await VisitAsync(interviewer, "/Admin/Users", report); // access denied page
        await ReportFlowTests.ScoreAndSubmitAsync(app, ScoringPanel.Interviewer, panel.FirstScorecardId, panel, [4, 4, 3, 4, 5, 4, 4], checkKnockOut: true);
        await VisitAsync(interviewer, $"/Scorecards/{panel.FirstScorecardId}", report);
        await Assertions.Expect(interviewer.Locator("#sc-banner")).ToBeVisibleAsync();
        await CheckAsync(interviewer, "submitted scorecard with the panel's view", report);
        await ReportFlowTests.ScoreAndSubmitAsync(app, ScoringPanel.SecondInterviewer, panel.SecondScorecardId, panel, [3, 4, 4, 2, 4, 3, 4], checkKnockOut: false);

        // Hiring manager: the question bank and curation, kits and the builder, people, scheduling, reports.
        var manager = await app.SignInAsync(DemoEmails.Manager);
        foreach (var url in new[]
                 {
                     "/Questions", "/Questions?status=review", $"/Questions/Details/{question}", $"/Questions/Edit/{question}", "/Questions/Review",
                     "/Questions/Duplicates", "/Questions/Competencies", "/Import", "/Kits", "/Positions", "/Positions/Edit",
                     $"/Positions/Edit/{positionId}", "/Candidates", "/Candidates/Edit", $"/Candidates/Edit/{candidateId}",
                     $"/Candidates/Details/{candidateId}", "/Interviews/Schedule", $"/Interviews/Schedule?candidateId={candidateId}",
                     $"/Interviews/{panel.InterviewId}", "/Interviews/Mine", $"/Guide/{versionId}", $"/Reports/Candidate/{candidateId}",
                     $"/Reports/Position/{positionId}", "/Reports/Analytics", "/Error",
                 })
        {
            await VisitAsync(manager, url, report);
        }

        // Import preview of a seed document.
        await manager.GotoAsync("/Import");
        await manager.Locator("input[type=file]").SetInputFilesAsync(Directory.GetFiles(SeedFolder(), "*.txt").Order().First());
        await manager.Locator("form:has(input[type=file]) button[type=submit]").ClickAsync();
        await manager.WaitForLoadStateAsync();
        await CheckAsync(manager, "import preview", report);

        // Form errors: an empty position and an empty candidate.
        await manager.GotoAsync("/Positions/Edit");
        await manager.Locator("main form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(manager.Locator("[data-error-summary]")).ToBeFocusedAsync();
        await Assertions.Expect(manager.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(manager.GetByLabel("Title")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(".+"));
        await manager.Locator("[data-error-summary] a").First.ClickAsync();
        await Assertions.Expect(manager.GetByLabel("Title")).ToBeFocusedAsync();
        await CheckAsync(manager, "position form with errors", report);
        await manager.GotoAsync("/Candidates/Edit");
        await manager.Locator("main form button[type=submit]").Last.ClickAsync();
        await CheckAsync(manager, "candidate form with errors", report);

        // The kit builder: a published kit opens a draft on change; open every "Customise" form and the history.
        await VisitAsync(manager, $"/Kits/Edit/{kitId}", report);
        foreach (var summary in await manager.Locator("details.customise > summary").AllAsync())
        {
            await summary.ClickAsync();
        }

        await CheckAsync(manager, "kit builder with Customise forms open", report);
        await manager.Locator("#bank-q").FillAsync("crisis");
        await manager.Locator("#bank-q").PressAsync("Enter");
        await manager.WaitForLoadStateAsync();
        await CheckAsync(manager, "kit builder after a bank search", report);

        // HR: reports, candidates, audit.
        var hr = await app.SignInAsync(DemoEmails.HR);
        foreach (var url in new[] { "/Positions", "/Candidates", $"/Candidates/Details/{candidateId}", $"/Reports/Candidate/{candidateId}", $"/Reports/Position/{positionId}", "/Reports/Analytics", "/Audit", "/Kits", $"/Guide/{versionId}" })
        {
            await VisitAsync(hr, url, report);
        }

        // The position heat map has a legend with every step of its scale.
        await hr.GotoAsync($"/Reports/Position/{positionId}");
        await Assertions.Expect(hr.Locator(".heat-legend li")).ToHaveCountAsync(8);

        // Admin: users and the audit trail.
        var admin = await app.SignInAsync(DemoEmails.Admin);
        await VisitAsync(admin, "/Admin/Users", report);
        await VisitAsync(admin, "/Audit", report);
        await VisitAsync(admin, "/Questions", report);

        Assert.True(report.Length == 0, "axe-core found violations:\n" + report);
    }

    internal static string SeedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed-data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("seed-data");
    }
}

/// <summary>The demo accounts' emails, from the app's own list.</summary>
internal static class DemoEmails
{
    public static string Manager => Of(PeerInterview.Web.Domain.Roles.HiringManager);
    public static string HR => Of(PeerInterview.Web.Domain.Roles.HR);
    public static string Admin => Of(PeerInterview.Web.Domain.Roles.Admin);

    private static string Of(string role) => PeerInterview.Web.Seeding.DemoAccounts.All.First(a => a.Role == role).Email;
}
