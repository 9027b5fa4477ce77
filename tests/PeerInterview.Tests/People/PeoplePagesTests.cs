using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.People;

public class PeoplePagesTests
{
    [Fact]
    public async Task Manager_CreatesAPosition_ThroughTheForm()
    {
        using var app = new TestApp();
        var kit = await TestData.PublishedKitVersionAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var form = (await Html.GetAsync(client, "/Positions/Edit")).QuerySelector<IHtmlFormElement>("form.edit-form")!;

        var response = await Html.SubmitAsync(client, form, new()
        {
            ["Input.Title"] = "Peer Recovery Coach",
            ["Input.Location"] = "Harbour House",
            ["Input.KitId"] = kit.KitId.ToString(),
        });
        var list = await Html.GetAsync(client, "/Positions");
        var row = list.QuerySelector("table.positions tbody tr")!.TextContent;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Peer Recovery Coach", row, StringComparison.Ordinal);
        Assert.Contains("Morgan Manager", row, StringComparison.Ordinal);
        Assert.Contains("Peer Support Specialist kit", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PositionForm_WithoutATitle_ShowsTheFieldError()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var form = (await Html.GetAsync(client, "/Positions/Edit")).QuerySelector<IHtmlFormElement>("form.edit-form")!;

        var response = await Html.SubmitAsync(client, form, new() { ["Input.Title"] = "" });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter the position's title.", page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent.Trim());
        Assert.Equal(0, app.WithScope(db => db.Positions.Count()));
    }

    [Fact]
    public async Task Manager_AddsACandidate_ThroughTheForm_AndSeesTheirPage()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var form = (await Html.GetAsync(client, $"/Candidates/Edit?positionId={positionId}")).QuerySelector<IHtmlFormElement>("form.edit-form")!;

        var response = await Html.SubmitAsync(client, form, new() { ["Input.Name"] = "Alex Morgan", ["Input.Email"] = "alex@example.org" });
        var page = await Html.GetAsync(client, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Alex Morgan", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Applied", page.QuerySelector("h1 .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No interviews yet", page.QuerySelector(".block")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CandidateForm_WithABadEmail_ShowsTheFieldError()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var form = (await Html.GetAsync(client, "/Candidates/Edit")).QuerySelector<IHtmlFormElement>("form.edit-form")!;

        var response = await Html.SubmitAsync(client, form, new() { ["Input.Name"] = "Alex", ["Input.Email"] = "alex-at-example", ["Input.PositionId"] = positionId.ToString() });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("valid email", page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, app.WithScope(db => db.Candidates.Count()));
    }

    [Fact]
    public async Task CandidatesList_SearchesAndFiltersByStage()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        await TestData.CandidateAsync(app, positionId, "Alex Morgan");
        await TestData.CandidateAsync(app, positionId, "Blair Chen", stage: CandidateStage.Decision);
        var client = await app.BrowserClientAsAsync(Roles.HR);

        var all = await Html.GetAsync(client, "/Candidates");
        var decision = await Html.GetAsync(client, "/Candidates?stage=Decision");
        var search = await Html.GetAsync(client, "/Candidates?q=alex");

        Assert.Contains("2 candidates", all.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Blair Chen"], decision.QuerySelectorAll("table.candidates a.row-title").Select(a => a.TextContent));
        Assert.Equal(["Alex Morgan"], search.QuerySelectorAll("table.candidates a.row-title").Select(a => a.TextContent));
        Assert.Null(all.QuerySelector("a[href^='/Candidates/Edit']"));
    }

    [Fact]
    public async Task Manager_ChangesStage_OnTheCandidatePage()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId, "Alex Morgan", stage: CandidateStage.Interviewing);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, $"/Candidates/Details/{candidateId}");

        var response = await Html.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form.stage-form")!, new() { ["stage"] = "Decision" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CandidateStage.Decision, app.WithScope(db => db.Candidates.Single().Stage));
        Assert.Single(app.WithScope(db => db.AuditEntries.Where(a => a.Action == "candidate.stage").ToList()));
    }

    [Fact]
    public async Task HR_SeesCandidatePages_WithoutWriteControls_AndCannotPostAStageChange()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId);
        var client = await app.BrowserClientAsAsync(Roles.HR);
        var page = await Html.GetAsync(client, $"/Candidates/Details/{candidateId}");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var post = await client.PostAsync($"/Candidates/Details/{candidateId}?handler=Stage",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["stage"] = "Hired" }));
        var edit = await client.GetAsync($"/Candidates/Edit/{candidateId}");
        var newPosition = await client.GetAsync("/Positions/Edit");

        Assert.Null(page.QuerySelector("form.stage-form"));
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", edit.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", newPosition.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(CandidateStage.Applied, app.WithScope(db => db.Candidates.Single().Stage));
    }

    [Theory]
    [InlineData("/Candidates")]
    [InlineData("/Positions")]
    public async Task Interviewer_IsDeniedThePeopleLists(string path)
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.Interviewer);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_ShowsPeopleLinksToReaders_AndMyInterviewsToInterviewers()
    {
        using var app = new TestApp();
        var hr = await Html.GetAsync(await app.BrowserClientAsAsync(Roles.HR), "/Questions");
        var interviewer = await Html.GetAsync(await app.BrowserClientAsAsync(Roles.Interviewer), "/Questions");

        var hrLinks = hr.QuerySelectorAll("nav a").Select(a => a.TextContent).ToList();
        var interviewerLinks = interviewer.QuerySelectorAll("nav a").Select(a => a.TextContent).ToList();

        Assert.Contains("Candidates", hrLinks);
        Assert.Contains("Positions", hrLinks);
        Assert.DoesNotContain("My interviews", hrLinks);
        Assert.Contains("My interviews", interviewerLinks);
        Assert.DoesNotContain("Candidates", interviewerLinks);
    }
}
