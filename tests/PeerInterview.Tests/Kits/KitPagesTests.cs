using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Kits;

public class KitPagesTests
{
    private static async Task<int> NewKitAsync(TestApp app)
    {
        var api = await app.ApiClientAsAsync(Roles.HiringManager);
        var response = await api.PostAsJsonAsync("/api/v1/kits", new { name = "Builder kit", role = "Peer Support Specialist", targetMinutes = 30 });
        return (await Json.ReadAsync(response)).GetProperty("kitId").GetInt32();
    }

    [Fact]
    public async Task Manager_CreatesAKit_ThroughTheForm()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, "/Kits");

        var response = await Html.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, new() { ["Input.Name"] = "Weekend kit" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Kits/Edit/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Weekend kit", app.WithScope(db => db.Kits.Single().Name));
    }

    [Fact]
    public async Task Builder_AddsFromTheBankSearch_AndTheCoverageCountsIt()
    {
        using var app = new TestApp();
        var kitId = await NewKitAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var builder = await Html.GetAsync(client, $"/Kits/Edit/{kitId}?q=suicidal");
        var result = builder.QuerySelectorAll(".bank-results li").First(li => li.TextContent.Contains("A peer is expressing suicidal thoughts", StringComparison.Ordinal));

        var response = await Html.SubmitAsync(client, result.QuerySelector<IHtmlFormElement>("form")!, []);
        var after = await Html.GetAsync(client, response.Headers.Location!.OriginalString);

        Assert.Contains("D5 Crisis & safety is a hurdle", builder.QuerySelector(".coverage-warnings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, after.QuerySelectorAll(".kit-item").Length);
        Assert.Equal("1", after.QuerySelector("tr[data-competency=D5] .questions-count")!.TextContent);
        Assert.DoesNotContain("D5 Crisis & safety is a hurdle", after.QuerySelector(".coverage-warnings")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builder_FetchRequest_GetsTheWorkspacePartial()
    {
        using var app = new TestApp();
        var kitId = await NewKitAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var builder = await Html.GetAsync(client, $"/Kits/Edit/{kitId}?q=boundaries");
        var form = builder.QuerySelector<IHtmlFormElement>(".bank-results form")!;
        var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action"))
        {
            Content = new FormUrlEncodedContent(form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)).Select(i => KeyValuePair.Create(i.Name!, i.Value))),
        };
        request.Headers.Add("X-Requested-With", "fetch");

        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("class=\"kit-item\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HR_SeesTheKitReadOnly()
    {
        using var app = new TestApp();
        var kitId = await NewKitAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HR);

        var page = await Html.GetAsync(client, $"/Kits/Edit/{kitId}");
        var post = await client.PostAsync($"/Kits/Edit/{kitId}?handler=Add", new FormUrlEncodedContent([]));

        Assert.Empty(page.QuerySelectorAll("form[data-ajax]"));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task Interviewer_CannotOpenKits()
    {
        using var app = new TestApp();
        var kitId = await NewKitAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.Interviewer);

        var response = await client.GetAsync($"/Kits/Edit/{kitId}");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_IsReadableByHR_AndByAnAssignedInterviewerOnly()
    {
        using var app = new TestApp();
        var scenario = await TestData.ScenarioAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var hr = await app.BrowserClientAsAsync(Roles.HR);
        var interviewer = await app.BrowserClientAsAsync(Roles.Interviewer);

        var before = await interviewer.GetAsync($"/Guide/{scenario.Kit.VersionId}");
        await manager.PostAsJsonAsync("/api/v1/interviews", new { candidateId = scenario.CandidateId, kitVersionId = scenario.Kit.VersionId, scheduledAt = "2030-01-01T10:00:00Z", interviewerIds = new[] { scenario.InterviewerId, scenario.SecondInterviewerId } });
        var after = await Html.GetAsync(interviewer, $"/Guide/{scenario.Kit.VersionId}");
        var hrPage = await Html.GetAsync(hr, $"/Guide/{scenario.Kit.VersionId}");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(2, after.QuerySelectorAll(".guide-item").Length);
        Assert.Contains("Page not found", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Peer Support Specialist kit", hrPage.QuerySelector(".guide-head h1")!.TextContent);
    }

    [Fact]
    public async Task GuidePdf_IsARealPdf_WithTheQuestions()
    {
        using var app = new TestApp();
        var scenario = await TestData.ScenarioAsync(app);
        var hr = await app.BrowserClientAsAsync(Roles.HR);
        var firstQuestion = app.WithScope(db => db.Questions.OrderBy(q => q.Id).First().Text);

        var response = await hr.GetAsync($"/Guide/{scenario.Kit.VersionId}?format=pdf");
        var text = PdfText.Flow(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(firstQuestion, text, StringComparison.Ordinal);
        Assert.Contains("Peer Support Specialist kit", text, StringComparison.Ordinal);
    }
}
