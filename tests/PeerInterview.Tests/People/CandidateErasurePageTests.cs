using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.People;

public class CandidateErasurePageTests
{
    private static readonly string[] Identifying = ["Quintessa", "Marlowe", ErasableCandidate.Email, "900123", "Fernhollow", "Elm Row"];

    [Fact]
    public async Task Hr_ErasesFromTheCandidatePage_AndEveryPageShowsOnlyThePseudonym()
    {
        using var app = new TestApp();
        var c = await ErasableCandidate.CreateAsync(app);
        var id = c.Panel.Scenario.CandidateId;
        var hr = await app.BrowserClientAsAsync(Roles.HR);
        var form = (await Html.GetAsync(hr, $"/Candidates/Details/{id}")).QuerySelector<IHtmlFormElement>("form.erase-form")!;

        var response = await Html.SubmitAsync(hr, form, new() { ["reason"] = "Request by email, ticket 4411", ["confirm"] = "true" });
        var page = await Html.GetAsync(hr, response.Headers.Location!.OriginalString);
        var label = app.WithScope(db => db.Candidates.Single(x => x.Id == id).Name);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("Erased candidate ", label, StringComparison.Ordinal);
        Assert.Contains(label, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Personal data erased", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("erased on request", page.QuerySelector(".notice.erased")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.erase-form"));
        AssertShowsNoPersonalData(page.Body!.OuterHtml, $"/Candidates/Details/{id}");

        var list = await Html.GetAsync(hr, "/Candidates");
        Assert.Contains(label, list.Body!.TextContent, StringComparison.Ordinal);
        AssertShowsNoPersonalData(list.Body.OuterHtml, "/Candidates");
        foreach (var term in new[] { "Quintessa", "marlowe.okafor" })
        {
            var search = await Html.GetAsync(hr, $"/Candidates?q={term}");
            Assert.Null(search.QuerySelector($"a[href='/Candidates/Details/{id}']"));
            var api = await (await app.ApiClientAsAsync(Roles.HR)).GetJsonAsync($"/api/v1/candidates?q={term}");
            Assert.Equal(0, api.GetProperty("total").GetInt32());
        }

        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var interview = await Html.GetAsync(manager, $"/Interviews/{c.Panel.InterviewId}");
        Assert.Contains(label, interview.QuerySelector("dl")?.TextContent ?? interview.Body!.TextContent, StringComparison.Ordinal);
        AssertShowsNoPersonalData(interview.Body!.OuterHtml, "the interview page");
        Assert.Null((await Html.GetAsync(manager, $"/Candidates/Details/{id}")).QuerySelector("form.erase-form"));

        var interviewer = await app.BrowserClientAsAsync(Roles.Interviewer);
        foreach (var url in new[] { $"/Scorecards/{c.Panel.CardA}", "/Interviews/Mine", $"/Interviews/{c.Panel.InterviewId}" })
        {
            AssertShowsNoPersonalData((await Html.GetAsync(interviewer, url)).DocumentElement.OuterHtml, url);
        }

        foreach (var url in new[] { $"/api/v1/scorecards/{c.Panel.CardA}", $"/api/v1/scorecards/{c.Panel.CardA}/history", $"/api/v1/interviews/{c.Panel.InterviewId}" })
        {
            var json = await c.Panel.A.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            AssertShowsNoPersonalData(await json.Content.ReadAsStringAsync(), url);
        }
    }

    [Fact]
    public async Task ErasureForm_WithoutTheConfirmation_ExplainsAndErasesNothing()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var id = await TestData.CandidateAsync(app, positionId, "Rowan Example");
        var hr = await app.BrowserClientAsAsync(Roles.HR);
        var form = (await Html.GetAsync(hr, $"/Candidates/Details/{id}")).QuerySelector<IHtmlFormElement>("form.erase-form")!;

        var response = await Html.SubmitAsync(hr, form, new() { ["reason"] = "Request by email" });
        var page = await Html.GetAsync(hr, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Confirm the erasure", page.QuerySelector(".notice.danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Rowan Example", app.WithScope(db => db.Candidates.Single(x => x.Id == id).Name));
        Assert.NotNull(page.QuerySelector("form.erase-form"));
    }

    [Fact]
    public async Task HiringManager_SeesNoErasure_AndCannotPostIt()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var id = await TestData.CandidateAsync(app, positionId, "Rowan Example");
        var hr = await app.BrowserClientAsAsync(Roles.HR);
        var form = (await Html.GetAsync(hr, $"/Candidates/Details/{id}")).QuerySelector<IHtmlFormElement>("form.erase-form")!;
        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var managerPage = await Html.GetAsync(manager, $"/Candidates/Details/{id}");
        var token = managerPage.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var response = await manager.PostAsync(
            form.GetAttribute("action")!,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x", ["confirm"] = "true", ["__RequestVerificationToken"] = token }));

        Assert.Null(managerPage.QuerySelector("form.erase-form"));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("AccessDenied", StringComparison.Ordinal) != false);
        Assert.Equal("Rowan Example", app.WithScope(db => db.Candidates.Single(x => x.Id == id).Name));
    }

    [Fact]
    public async Task EditPage_ForAnErasedCandidate_SendsBackWithAMessage()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var id = await TestData.CandidateAsync(app, positionId, "Rowan Example");
        var hr = await app.ApiClientAsAsync(Roles.HR);
        await hr.PostAsync($"/api/v1/candidates/{id}/erase", System.Net.Http.Json.JsonContent.Create(new { confirm = true, reason = "Request" }));
        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);

        var response = await manager.GetAsync($"/Candidates/Edit/{id}");
        var page = await Html.GetAsync(manager, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("cannot be edited", page.QuerySelector(".notice.danger")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href^='/Interviews/Schedule']"));
    }

    private static void AssertShowsNoPersonalData(string text, string where)
    {
        foreach (var value in Identifying)
        {
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"{where} still shows '{value}'.");
        }
    }
}
