using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.People;

public class PositionsApiTests
{
    [Fact]
    public async Task Manager_CreatesPosition_OwnedByThemByDefault()
    {
        using var app = new TestApp();
        var kit = await TestData.PublishedKitVersionAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/positions", new { title = "  Peer Support Specialist  ", location = "Riverside Clinic", kitId = kit.KitId });
        var created = await Json.ReadAsync(response);
        var fetched = await client.GetJsonAsync(response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Peer Support Specialist", created.GetProperty("title").GetString());
        Assert.Equal("Morgan Manager", fetched.GetProperty("hiringManagerName").GetString());
        Assert.Equal(kit.VersionId, fetched.GetProperty("latestPublishedKitVersionId").GetInt32());
        Assert.Equal(1, fetched.GetProperty("latestPublishedKitVersionNumber").GetInt32());
    }

    [Fact]
    public async Task CreatePosition_WithoutTitle_IsProblemNamingTitle()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/positions", new { title = " ", location = "Anywhere" });
        var problem = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["title"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, app.WithScope(db => db.Positions.Count()));
    }

    [Fact]
    public async Task CreatePosition_WithAnInterviewerAsHiringManager_OrAnUnknownKit_IsRejected()
    {
        using var app = new TestApp();
        var interviewerId = await TestData.UserIdForRoleAsync(app, Roles.Interviewer);
        var client = await app.ApiClientAsAsync(Roles.Admin);

        var response = await client.PostAsJsonAsync("/api/v1/positions", new { title = "Peer Mentor", hiringManagerId = interviewerId, kitId = 999 });
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Hiring manager or Admin", errors.GetProperty("hiringManagerId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("999", errors.GetProperty("kitId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePosition_WithARetiredKit_IsRejected()
    {
        using var app = new TestApp();
        var retired = await TestData.PublishedKitVersionAsync(app, "Old kit", retired: true);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/positions", new { title = "Peer Mentor", kitId = retired.KitId });
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("retired", errors.GetProperty("kitId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Position_DefaultsToTheKitsLatestPublishedVersion_NotItsDraft()
    {
        using var app = new TestApp();
        var kit = await TestData.PublishedKitVersionAsync(app);
        var v2 = await TestData.AddKitVersionAsync(app, kit.KitId, 2, KitStatus.Published);
        await TestData.AddKitVersionAsync(app, kit.KitId, 3, KitStatus.Draft);
        var positionId = await TestData.PositionAsync(app, kitId: kit.KitId);
        var client = await app.ApiClientAsAsync(Roles.HR);

        var position = await client.GetJsonAsync($"/api/v1/positions/{positionId}");

        Assert.Equal(v2, position.GetProperty("latestPublishedKitVersionId").GetInt32());
        Assert.Equal(2, position.GetProperty("latestPublishedKitVersionNumber").GetInt32());
    }

    [Fact]
    public async Task ListPositions_SearchesTitleAndLocation_AndPages()
    {
        using var app = new TestApp();
        await TestData.PositionAsync(app, "Peer Support Specialist", location: "Riverside Clinic");
        await TestData.PositionAsync(app, "Peer Recovery Coach", location: "Harbour House");
        await TestData.PositionAsync(app, "Certified Peer Specialist", location: "riverside outreach");
        await TestData.PositionAsync(app, "Recovery Navigator", location: null);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var riverside = await client.GetJsonAsync("/api/v1/positions?q=RIVERSIDE");
        var peer = await client.GetJsonAsync("/api/v1/positions?q=peer&pageSize=2&page=2");
        var all = await client.GetJsonAsync("/api/v1/positions");

        Assert.Equal(2, riverside.GetProperty("total").GetInt32());
        Assert.Equal(3, peer.GetProperty("total").GetInt32());
        Assert.Equal(["Peer Support Specialist"], peer.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal("Certified Peer Specialist", all.GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task ListPositions_WithBadPaging_IsProblemNamingTheFields()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.GetAsync("/api/v1/positions?page=0&pageSize=1000");
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("page", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task UpdatePosition_SavesChanges_AndIsAudited()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app, "Peer Support Specialist");
        var adminId = await TestData.UserIdForRoleAsync(app, Roles.Admin);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PutAsJsonAsync($"/api/v1/positions/{positionId}", new { title = "Senior Peer Support Specialist", location = "Harbour House", hiringManagerId = adminId });
        var updated = await Json.ReadAsync(response);
        var audit = app.WithScope(db => db.AuditEntries.Single(a => a.Action == "position.update" && a.EntityId == positionId.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Senior Peer Support Specialist", updated.GetProperty("title").GetString());
        Assert.Equal("Avery Admin", updated.GetProperty("hiringManagerName").GetString());
        Assert.Contains("Peer Support Specialist", audit.Before, StringComparison.Ordinal);
        Assert.Contains("Senior Peer Support Specialist", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPosition_Is404Problem()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var get = await client.GetAsync("/api/v1/positions/4040");
        var put = await client.PutAsJsonAsync("/api/v1/positions/4040", new { title = "Ghost" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Interviewer_CannotListOrReadPositions()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var client = await app.ApiClientAsAsync(Roles.Interviewer);

        var list = await client.GetAsync("/api/v1/positions");
        var one = await client.GetAsync($"/api/v1/positions/{positionId}");
        var create = await client.PostAsJsonAsync("/api/v1/positions", new { title = "Mine now" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task HR_ReadsPositions_ButCannotWrite()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HR);

        var list = await client.GetAsync("/api/v1/positions");
        var one = await client.GetAsync($"/api/v1/positions/{positionId}");
        var create = await client.PostAsJsonAsync("/api/v1/positions", new { title = "HR's own" });
        var update = await client.PutAsJsonAsync($"/api/v1/positions/{positionId}", new { title = "Renamed by HR" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(1, await app.WithScopeAsync(db => db.Positions.CountAsync()));
    }

    [Fact]
    public async Task Anonymous_Gets401_OnEveryPositionEndpoint()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        var responses = new[]
        {
            await client.GetAsync("/api/v1/positions"),
            await client.GetAsync("/api/v1/positions/1"),
            await client.PostAsJsonAsync("/api/v1/positions", new { title = "x" }),
            await client.PutAsJsonAsync("/api/v1/positions/1", new { title = "x" }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }
}
