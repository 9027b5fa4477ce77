using System.Net;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Reports;

public class ReportPageTests
{
    [Theory]
    [InlineData(Roles.HR)]
    [InlineData(Roles.HiringManager)]
    [InlineData(Roles.Admin)]
    public async Task Readers_SeeTheBand_WithTheRuleThatDecidedIt(string role)
    {
        using var app = new TestApp();
        var p = await SubmittedPanels.SubmittedPanelAsync(app);
        var client = await app.BrowserClientAsAsync(role);

        var page = await Html.GetAsync(client, $"/Reports/Candidate/{p.Scenario.CandidateId}");

        Assert.Equal("Recommend", page.QuerySelector(".band-name")!.TextContent.Trim());
        Assert.Equal("Recommend: overall 3.50 is below 4.2", page.QuerySelector(".reasons li")!.TextContent.Trim());
        Assert.Contains("A: concrete example on item two", page.QuerySelector(".question-ratings")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg.score-chart[role=img] title"));
        Assert.Equal("3.50", page.QuerySelector(".competency-table .overall-row td strong")!.TextContent);
    }

    [Fact]
    public async Task Interviewers_CannotOpenReports()
    {
        using var app = new TestApp();
        var p = await SubmittedPanels.SubmittedPanelAsync(app);
        var interviewer = await app.BrowserClientAsAsync(Roles.Interviewer);

        var report = await interviewer.GetAsync($"/Reports/Candidate/{p.Scenario.CandidateId}");
        var position = await interviewer.GetAsync($"/Reports/Position/{p.Scenario.PositionId}");

        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", report.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, position.StatusCode);
    }

    [Fact]
    public async Task DraftScorecards_NeverReachTheReport()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.CompleteAndSubmitAsync(p, p.CardA);
        await p.B.RatedAsync(p.CardB, p.Item1, 1, notes: "DRAFT-ONLY evidence the panel must not see");
        var hr = await app.BrowserClientAsAsync(Roles.HR);

        var page = await Html.GetAsync(hr, $"/Reports/Candidate/{p.Scenario.CandidateId}");

        Assert.Equal("Incomplete", page.QuerySelector(".band-name")!.TextContent.Trim());
        Assert.Equal("Incomplete: only 1 scorecard has been submitted; two are needed", page.QuerySelector(".reasons li")!.TextContent.Trim());
        Assert.DoesNotContain("DRAFT-ONLY", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("not submitted", page.QuerySelector(".panel-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCandidate_Is404()
    {
        using var app = new TestApp();
        var hr = await app.BrowserClientAsAsync(Roles.HR);

        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/Reports/Candidate/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/Reports/Position/999999")).StatusCode);
    }

    [Fact]
    public async Task PositionView_ShowsBandsSideBySide_ListsIncompleteApart_AndFiltersByBand()
    {
        using var app = new TestApp();
        var p = await SubmittedPanels.SubmittedPanelAsync(app);
        await TestData.CandidateAsync(app, p.Scenario.PositionId, "Pat Waiting");
        var hr = await app.BrowserClientAsAsync(Roles.HR);

        var all = await Html.GetAsync(hr, $"/Reports/Position/{p.Scenario.PositionId}");
        var rows = all.QuerySelectorAll("table.heatmap tbody tr");
        var incomplete = all.QuerySelector("section.incomplete")!.TextContent;

        Assert.Single(rows);
        Assert.Contains("Recommend", rows[0].QuerySelector(".band-chip")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3.50", rows[0].QuerySelector("td.num strong")!.TextContent);
        Assert.Contains("Pat Waiting", incomplete, StringComparison.Ordinal);
        Assert.Contains("no scorecard has been submitted", incomplete, StringComparison.Ordinal);
        Assert.DoesNotContain(all.QuerySelectorAll("table.heatmap th"), th => th.TextContent.Contains("Rank", StringComparison.OrdinalIgnoreCase));

        var notRecommended = await Html.GetAsync(hr, $"/Reports/Position/{p.Scenario.PositionId}?band=NotRecommended");
        Assert.Empty(notRecommended.QuerySelectorAll("table.heatmap tbody tr"));
        Assert.Null(notRecommended.QuerySelector("section.incomplete"));
        Assert.Contains("No candidate is in this band", notRecommended.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CandidatePage_LinksToTheReport_OnceThereIsAnInterview()
    {
        using var app = new TestApp();
        var p = await SubmittedPanels.SubmittedPanelAsync(app);
        var hr = await app.BrowserClientAsAsync(Roles.HR);

        var page = await Html.GetAsync(hr, $"/Candidates/Details/{p.Scenario.CandidateId}");

        Assert.NotNull(page.QuerySelector($"a[href='/Reports/Candidate/{p.Scenario.CandidateId}']"));
    }

    [Fact]
    public async Task PositionPdf_ListsEveryCandidateWithTheirBandAndWhy_AndIsAudited()
    {
        using var app = new TestApp();
        var p = await SubmittedPanels.SubmittedPanelAsync(app);
        await TestData.CandidateAsync(app, p.Scenario.PositionId, "Pat Waiting");
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.GetAsync($"/api/v1/positions/{p.Scenario.PositionId}/export?format=pdf");
        var text = PdfText.Flow(await response.Content.ReadAsByteArrayAsync());
        var name = app.WithScope(db => db.Candidates.Single(c => c.Id == p.Scenario.CandidateId).Name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{name}: Recommend: overall 3.50 is below 4.2", text, StringComparison.Ordinal);
        Assert.Contains("Pat Waiting: Incomplete: no scorecard has been submitted; two are needed", text, StringComparison.Ordinal);
        Assert.True(app.WithScope(db => db.AuditEntries.Any(a => a.Action == "position.export" && a.After!.Contains("pdf"))));
    }
}
