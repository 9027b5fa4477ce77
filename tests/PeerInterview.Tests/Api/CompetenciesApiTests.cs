using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Api;

public class CompetenciesApiTests
{
    [Fact]
    public async Task DefaultFramework_HasSevenCompetencies_WithD5AndD7AsHurdles()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.Interviewer);

        var list = (await client.GetJsonAsync("/api/v1/competencies")).EnumerateArray().ToList();

        Assert.Equal(["D1", "D2", "D3", "D4", "D5", "D6", "D7"], list.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(["D5", "D7"], list.Where(c => c.GetProperty("isHurdle").GetBoolean()).Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(109, list.Sum(c => c.GetProperty("questionCount").GetInt32()));
    }

    [Fact]
    public async Task Manager_RenamesAddsAndMakesHurdles()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var d6 = (await client.GetJsonAsync("/api/v1/competencies"))[5].GetProperty("id").GetInt32();

        var renamed = await client.PutAsJsonAsync($"/api/v1/competencies/{d6}", new { name = "Communication & collaboration", isHurdle = true });
        var added = await client.PostAsJsonAsync("/api/v1/competencies", new { code = "D8", name = "Trauma-informed practice" });
        var duplicate = await client.PostAsJsonAsync("/api/v1/competencies", new { code = "d8", name = "Again" });
        var list = (await client.GetJsonAsync("/api/v1/competencies")).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.True((await Json.ReadAsync(duplicate)).GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal("Communication & collaboration", list[5].GetProperty("name").GetString());
        Assert.True(list[5].GetProperty("isHurdle").GetBoolean());
        Assert.Equal("D8", list[7].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Retiring_ACompetencyWithQuestions_IsRefused()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var d1 = (await client.GetJsonAsync("/api/v1/competencies"))[0].GetProperty("id").GetInt32();

        var response = await client.PutAsJsonAsync($"/api/v1/competencies/{d1}", new { isRetired = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty("isRetired", out _));
    }

    [Theory]
    [InlineData(Roles.Interviewer)]
    [InlineData(Roles.HR)]
    public async Task ReadOnlyRoles_CannotChangeTheFramework(string role)
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(role);

        var add = await client.PostAsJsonAsync("/api/v1/competencies", new { code = "D9", name = "x" });
        var update = await client.PutAsJsonAsync("/api/v1/competencies/1", new { name = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
    }

    [Fact]
    public async Task Manager_MakesD6AHurdle_ThroughThePage()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, "/Questions/Competencies");
        var form = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form.competency-form").First(f => f.TextContent.Contains("D6", StringComparison.Ordinal));

        var response = await Html.SubmitAsync(client, form, new() { ["isHurdle"] = "true", ["name"] = "Communication & collaboration" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(app.WithScope(db => db.Competencies.Single(c => c.Code == "D6").IsHurdle));
        Assert.Equal("Communication & collaboration", app.WithScope(db => db.Competencies.Single(c => c.Code == "D6").Name));
    }
}
