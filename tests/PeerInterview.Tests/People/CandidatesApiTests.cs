using System.Net;
using System.Net.Http.Json;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.People;

public class CandidatesApiTests
{
    [Fact]
    public async Task Manager_AddsCandidate_AtTheAppliedStage()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/candidates", new { name = "Alex Morgan", email = "alex@example.org", phone = "+1 (555) 010-2030", positionId });
        var created = await Json.ReadAsync(response);
        var fetched = await client.GetJsonAsync(response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Applied", created.GetProperty("stage").GetString());
        Assert.Equal("Alex Morgan", fetched.GetProperty("name").GetString());
        Assert.Equal("+1 (555) 010-2030", fetched.GetProperty("phone").GetString());
        Assert.Equal("Peer Support Specialist", fetched.GetProperty("positionTitle").GetString());
        Assert.Equal(0, fetched.GetProperty("interviews").GetArrayLength());
    }

    [Fact]
    public async Task AddCandidate_WithBadFields_IsProblemNamingEachField()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/candidates", new { name = "", email = "not-an-email", phone = "call me", positionId = 999 });
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["email", "name", "phone", "positionId"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, app.WithScope(db => db.Candidates.Count()));
    }

    [Fact]
    public async Task AddCandidate_WithUnknownStage_NamesStage()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsJsonAsync("/api/v1/candidates", new { name = "Alex", email = "alex@example.org", positionId, stage = "shortlisted" });
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("shortlisted", errors.GetProperty("stage")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameEmail_ForTheSamePosition_IsRejected_ButAnotherPositionIsFine()
    {
        using var app = new TestApp();
        var first = await TestData.PositionAsync(app, "Peer Support Specialist");
        var second = await TestData.PositionAsync(app, "Peer Recovery Coach");
        await TestData.CandidateAsync(app, first, "Alex Morgan", "alex@example.org");
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var duplicate = await client.PostAsJsonAsync("/api/v1/candidates", new { name = "Alex M.", email = "ALEX@example.org", positionId = first });
        var elsewhere = await client.PostAsJsonAsync("/api/v1/candidates", new { name = "Alex Morgan", email = "alex@example.org", positionId = second });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("already applied", (await Json.ReadAsync(duplicate)).GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task ListCandidates_SearchesNameAndEmail_FiltersPositionAndStage_AndPages()
    {
        using var app = new TestApp();
        var specialist = await TestData.PositionAsync(app, "Peer Support Specialist");
        var coach = await TestData.PositionAsync(app, "Peer Recovery Coach");
        await TestData.CandidateAsync(app, specialist, "Alex Morgan", "alex@example.org");
        await TestData.CandidateAsync(app, specialist, "Blair Chen", "blair@harbour.example", CandidateStage.Interviewing);
        await TestData.CandidateAsync(app, specialist, "Casey Diaz", "casey@example.org", CandidateStage.Interviewing);
        await TestData.CandidateAsync(app, coach, "Dana Ellis", "dana@harbour.example", CandidateStage.Interviewing);
        var client = await app.ApiClientAsAsync(Roles.HR);

        var byName = await client.GetJsonAsync("/api/v1/candidates?q=MORGAN");
        var byEmail = await client.GetJsonAsync("/api/v1/candidates?q=harbour");
        var filtered = await client.GetJsonAsync($"/api/v1/candidates?positionId={specialist}&stage=interviewing");
        var paged = await client.GetJsonAsync("/api/v1/candidates?pageSize=3&page=2");
        var wildcard = await client.GetJsonAsync("/api/v1/candidates?q=%25");

        Assert.Equal(["Alex Morgan"], Names(byName));
        Assert.Equal(["Blair Chen", "Dana Ellis"], Names(byEmail));
        Assert.Equal(["Blair Chen", "Casey Diaz"], Names(filtered));
        Assert.Equal(4, paged.GetProperty("total").GetInt32());
        Assert.Equal(["Dana Ellis"], Names(paged));
        Assert.Equal(0, wildcard.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListCandidates_WithUnknownStage_NamesStage()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.GetAsync("/api/v1/candidates?stage=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty("stage", out _));
    }

    [Fact]
    public async Task ChangeStage_MovesTheCandidate_AndIsAudited_WithoutPersonalData()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId, "Alex Morgan", stage: CandidateStage.Interviewing);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PutAsJsonAsync($"/api/v1/candidates/{candidateId}/stage", new { stage = "not-hired" });
        var audit = app.WithScope(db => db.AuditEntries.Single(a => a.Action == "candidate.stage" && a.EntityId == candidateId.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NotHired", (await Json.ReadAsync(response)).GetProperty("stage").GetString());
        Assert.Contains("Interviewing", audit.Before, StringComparison.Ordinal);
        Assert.Contains("NotHired", audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", audit.After + audit.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeStage_ToAnUnknownStage_IsProblemNamingStage()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId);
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var bad = await client.PutAsJsonAsync($"/api/v1/candidates/{candidateId}/stage", new { stage = "promoted" });
        var missing = await client.PutAsJsonAsync($"/api/v1/candidates/{candidateId}/stage", new { });
        var unknown = await client.PutAsJsonAsync("/api/v1/candidates/9999/stage", new { stage = "Hired" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json.ReadAsync(bad)).GetProperty("errors").TryGetProperty("stage", out _));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task UpdateCandidate_ChangesDetails()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var other = await TestData.PositionAsync(app, "Peer Recovery Coach");
        var candidateId = await TestData.CandidateAsync(app, positionId, "Alex Morgan");
        var client = await app.ApiClientAsAsync(Roles.Admin);

        var response = await client.PutAsJsonAsync($"/api/v1/candidates/{candidateId}", new { name = "Alex Morgan-Lee", email = "alex.ml@example.org", positionId = other });
        var updated = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Alex Morgan-Lee", updated.GetProperty("name").GetString());
        Assert.Equal("Peer Recovery Coach", updated.GetProperty("positionTitle").GetString());
    }

    [Fact]
    public async Task Interviewer_CannotListOrReadCandidates()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId);
        var client = await app.ApiClientAsAsync(Roles.Interviewer);

        var list = await client.GetAsync("/api/v1/candidates");
        var one = await client.GetAsync($"/api/v1/candidates/{candidateId}");
        var stage = await client.PutAsJsonAsync($"/api/v1/candidates/{candidateId}/stage", new { stage = "Hired" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stage.StatusCode);
    }

    [Fact]
    public async Task HR_ReadsCandidates_ButCannotWrite()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId);
        var client = await app.ApiClientAsAsync(Roles.HR);

        var list = await client.GetAsync("/api/v1/candidates");
        var one = await client.GetAsync($"/api/v1/candidates/{candidateId}");
        var create = await client.PostAsJsonAsync("/api/v1/candidates", new { name = "X", email = "x@example.org", positionId });
        var update = await client.PutAsJsonAsync($"/api/v1/candidates/{candidateId}", new { name = "X", email = "x@example.org", positionId });
        var stage = await client.PutAsJsonAsync($"/api/v1/candidates/{candidateId}/stage", new { stage = "Hired" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stage.StatusCode);
        Assert.Equal(CandidateStage.Applied, app.WithScope(db => db.Candidates.Single().Stage));
    }

    [Fact]
    public async Task Anonymous_Gets401_OnEveryCandidateEndpoint()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        var responses = new[]
        {
            await client.GetAsync("/api/v1/candidates"),
            await client.GetAsync("/api/v1/candidates/1"),
            await client.PostAsJsonAsync("/api/v1/candidates", new { name = "x" }),
            await client.PutAsJsonAsync("/api/v1/candidates/1", new { name = "x" }),
            await client.PutAsJsonAsync("/api/v1/candidates/1/stage", new { stage = "Hired" }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    private static IEnumerable<string?> Names(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString());
}
