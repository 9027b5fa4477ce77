using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Kits;

public class KitsApiTests
{
    private static async Task<int[]> ActiveQuestionIdsAsync(HttpClient client, string competency, int count)
    {
        var page = await client.GetJsonAsync($"/api/v1/questions?competency={competency}&status=active&pageSize={count}");
        return [.. page.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetInt32())];
    }

    private static async Task<int> CreateKitAsync(HttpClient client, string name = "Peer Support — first interview")
    {
        var response = await client.PostAsJsonAsync("/api/v1/kits", new { name, role = "Peer Support Specialist", targetMinutes = 60 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("kitId").GetInt32();
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, int kitId, int questionId, string section = "Behavioural", int minutes = 5) =>
        client.PostAsJsonAsync($"/api/v1/kits/{kitId}/items", new { questionId, section, minutes });

    /// <summary>A kit that passes publishing: two questions each for D5 and D7 and one for D1.</summary>
    private static async Task<int> PublishableKitAsync(HttpClient client)
    {
        var kitId = await CreateKitAsync(client);
        foreach (var id in (await ActiveQuestionIdsAsync(client, "D5", 2)).Concat(await ActiveQuestionIdsAsync(client, "D7", 2)).Concat(await ActiveQuestionIdsAsync(client, "D1", 1)))
        {
            (await AddAsync(client, kitId, id)).EnsureSuccessStatusCode();
        }

        return kitId;
    }

    [Fact]
    public async Task CreateKit_StartsADraftWithDefaultSections()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var kit = await client.GetJsonAsync($"/api/v1/kits/{await CreateKitAsync(client)}");

        Assert.Equal("Draft", kit.GetProperty("status").GetString());
        Assert.Equal(1, kit.GetProperty("versionNumber").GetInt32());
        Assert.Equal(["Opening", "Behavioural", "Scenarios", "Close"], kit.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task CreateKit_WithoutName_NamesTheField()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/kits", new { name = "", role = "Peer", targetMinutes = 5 });
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("targetMinutes", out _));
    }

    [Fact]
    public async Task AddItem_RejectsDuplicatesUnknownQuestionsAndBadMinutes()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await CreateKitAsync(client);
        var question = (await ActiveQuestionIdsAsync(client, "D5", 1))[0];

        var first = await AddAsync(client, kitId, question);
        var duplicate = await AddAsync(client, kitId, question);
        var unknown = await AddAsync(client, kitId, 99999);
        var badMinutes = await AddAsync(client, kitId, (await ActiveQuestionIdsAsync(client, "D1", 1))[0], minutes: 0);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await Json.ReadAsync(duplicate)).GetProperty("errors").TryGetProperty("questionId", out _));
        Assert.True((await Json.ReadAsync(unknown)).GetProperty("errors").TryGetProperty("questionId", out _));
        Assert.True((await Json.ReadAsync(badMinutes)).GetProperty("errors").TryGetProperty("minutes", out _));
        Assert.Equal(1, (await client.GetJsonAsync($"/api/v1/kits/{kitId}")).GetProperty("sections")[1].GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Publish_EmptyKit_IsRefused()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsync($"/api/v1/kits/{await CreateKitAsync(client)}/publish", null);
        var problem = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no questions", problem.GetProperty("errors").GetProperty("kit")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithoutACrisisQuestion_NamesTheHurdle()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await CreateKitAsync(client);
        foreach (var id in await ActiveQuestionIdsAsync(client, "D7", 2))
        {
            await AddAsync(client, kitId, id);
        }

        var response = await client.PostAsync($"/api/v1/kits/{kitId}/publish", null);
        var messages = (await Json.ReadAsync(response)).GetProperty("errors").GetProperty("kit").EnumerateArray().Select(m => m.GetString()).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(messages, m => m!.StartsWith("D5 Crisis & safety is a hurdle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_WithANeedsReviewQuestion_IsRefused()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await PublishableKitAsync(client);
        var inferred = (await client.GetJsonAsync("/api/v1/questions?status=needs-review&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
        await AddAsync(client, kitId, inferred);

        var response = await client.PostAsync($"/api/v1/kits/{kitId}/publish", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("needs review", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FreezesTheVersion_AndEditingMakesANewDraft()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await PublishableKitAsync(client);

        var published = await Json.ReadAsync(await client.PostAsync($"/api/v1/kits/{kitId}/publish", null));
        var v1 = published.GetProperty("versionId").GetInt32();
        var v1Before = await client.GetJsonAsync($"/api/v1/kits/versions/{v1}");
        var firstItem = v1Before.GetProperty("sections")[1].GetProperty("items")[0];
        var questionId = firstItem.GetProperty("questionId").GetInt32();

        // Edit the kit and the bank question after publishing.
        var extra = (await ActiveQuestionIdsAsync(client, "D6", 1))[0];
        var edit = await AddAsync(client, kitId, extra, "Close");
        var version = (await client.GetJsonAsync($"/api/v1/questions/{questionId}")).GetProperty("version").GetInt32();
        await client.PutAsJsonAsync($"/api/v1/questions/{questionId}", new { text = "Reworded in the bank?", version });
        var v1After = await client.GetJsonAsync($"/api/v1/kits/versions/{v1}");
        var draft = await Json.ReadAsync(edit);

        Assert.Equal(1, published.GetProperty("number").GetInt32());
        Assert.Equal(2, draft.GetProperty("versionNumber").GetInt32());
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("Published", v1After.GetProperty("status").GetString());
        Assert.Equal(5, v1After.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("items").GetArrayLength()));
        Assert.Equal(firstItem.GetProperty("questionText").GetString(), v1After.GetProperty("sections")[1].GetProperty("items")[0].GetProperty("questionText").GetString());
        Assert.Equal(6, draft.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task SecondPublish_DescribesWhatChanged()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await PublishableKitAsync(client);
        await client.PostAsync($"/api/v1/kits/{kitId}/publish", null);
        await AddAsync(client, kitId, (await ActiveQuestionIdsAsync(client, "D6", 1))[0]);
        await client.PutAsJsonAsync($"/api/v1/kits/{kitId}/weights", new { weights = new Dictionary<string, double> { ["D5"] = 2 } });

        var second = await Json.ReadAsync(await client.PostAsync($"/api/v1/kits/{kitId}/publish", null));

        Assert.Equal(2, second.GetProperty("number").GetInt32());
        Assert.StartsWith("Added 1 question; weights changed for D5 (v1 → v2)", second.GetProperty("changeSummary").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, app.WithScope(db => db.AuditEntries.Count(a => a.Action == "kit.publish")));
    }

    [Fact]
    public async Task Weights_ShowAsPercentages_AndBadWeightsNameTheCompetency()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await PublishableKitAsync(client);

        var ok = await Json.ReadAsync(await client.PutAsJsonAsync($"/api/v1/kits/{kitId}/weights", new { weights = new Dictionary<string, double> { ["D5"] = 2 } }));
        var bad = await client.PutAsJsonAsync($"/api/v1/kits/{kitId}/weights", new { weights = new Dictionary<string, double> { ["D5"] = -1, ["D99"] = 1 } });
        var rows = ok.GetProperty("coverage").GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("weightPercent").GetDouble());

        Assert.Equal(50.0, rows["D5"]);
        Assert.Equal(25.0, rows["D7"]);
        Assert.Equal(0.0, rows["D2"]);
        var errors = (await Json.ReadAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("weights.D5", out _));
        Assert.True(errors.TryGetProperty("weights.D99", out _));
    }

    [Fact]
    public async Task MoveItem_ReordersWithinAndAcrossSections()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await PublishableKitAsync(client);
        var kit = await client.GetJsonAsync($"/api/v1/kits/{kitId}");
        var items = kit.GetProperty("sections")[1].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        var opening = kit.GetProperty("sections")[0].GetProperty("id").GetInt32();

        await client.PostAsJsonAsync($"/api/v1/kits/{kitId}/items/{items[2]}/move", new { step = -1 });
        var afterStep = await client.GetJsonAsync($"/api/v1/kits/{kitId}");
        await client.PostAsJsonAsync($"/api/v1/kits/{kitId}/items/{items[4]}/move", new { sectionId = opening, index = 0 });
        var afterDrag = await client.GetJsonAsync($"/api/v1/kits/{kitId}");

        Assert.Equal([items[0], items[2], items[1], items[3], items[4]], afterStep.GetProperty("sections")[1].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal([items[4]], afterDrag.GetProperty("sections")[0].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal(4, afterDrag.GetProperty("sections")[1].GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ItemOverrides_DoNotChangeTheBankQuestion()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await PublishableKitAsync(client);
        var item = (await client.GetJsonAsync($"/api/v1/kits/{kitId}")).GetProperty("sections")[1].GetProperty("items")[0];
        var bankAnchor = (await client.GetJsonAsync($"/api/v1/questions/{item.GetProperty("questionId").GetInt32()}")).GetProperty("anchorMeets").GetString();

        var response = await client.PutAsJsonAsync($"/api/v1/kits/{kitId}/items/{item.GetProperty("id").GetInt32()}", new
        {
            anchorMeets = "Names the crisis line and stays with the person",
            redFlags = new[] { new { text = "Would leave the person alone", severity = "KnockOut" } },
        });
        var body = await Json.ReadAsync(response);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var updated = body.GetProperty("sections")[1].GetProperty("items")[0];
        var question = await client.GetJsonAsync($"/api/v1/questions/{item.GetProperty("questionId").GetInt32()}");

        Assert.Equal("Names the crisis line and stays with the person", updated.GetProperty("anchorMeetsOverride").GetString());
        Assert.Equal("KnockOut", updated.GetProperty("redFlagOverrides")[0].GetProperty("severity").GetString());
        Assert.Equal(bankAnchor, question.GetProperty("anchorMeets").GetString());
        Assert.NotEqual("Names the crisis line and stays with the person", bankAnchor);
    }

    [Fact]
    public async Task Clone_CopiesItems_Retire_FreezesTheKit()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await PublishableKitAsync(client);

        var clone = await Json.ReadAsync(await client.PostAsJsonAsync($"/api/v1/kits/{kitId}/clone", new { name = "Evening programme kit" }));
        var retire = await client.PostAsync($"/api/v1/kits/{kitId}/retire", null);
        var addAfterRetire = await AddAsync(client, kitId, (await ActiveQuestionIdsAsync(client, "D6", 1))[0]);

        Assert.Equal("Evening programme kit", clone.GetProperty("name").GetString());
        Assert.Equal(5, clone.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, addAfterRetire.StatusCode);
    }

    [Fact]
    public async Task Anonymous_Is401_OnKits()
    {
        using var app = new TestApp();

        var response = await app.CreateClient().GetAsync("/api/v1/kits");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Interviewer, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.HR, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.HiringManager, HttpStatusCode.OK, HttpStatusCode.Created)]
    [InlineData(Roles.Admin, HttpStatusCode.OK, HttpStatusCode.Created)]
    public async Task Roles_ReadAndWriteKits(string role, HttpStatusCode read, HttpStatusCode write)
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(role);

        var list = await client.GetAsync("/api/v1/kits");
        var create = await client.PostAsJsonAsync("/api/v1/kits", new { name = "Kit", role = "Peer", targetMinutes = 45 });

        Assert.Equal(read, list.StatusCode);
        Assert.Equal(write, create.StatusCode);
    }

    [Theory]
    [InlineData("items", "POST")]
    [InlineData("weights", "PUT")]
    [InlineData("publish", "POST")]
    [InlineData("clone", "POST")]
    [InlineData("retire", "POST")]
    public async Task HR_CannotChangeKits(string action, string method)
    {
        using var app = new TestApp();
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var kitId = await CreateKitAsync(manager);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/kits/{kitId}/{action}") { Content = JsonContent.Create(new { questionId = 1, weights = new Dictionary<string, double>() }) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await app.WithScopeAsync(db => db.KitVersions.CountAsync()));
    }
}
