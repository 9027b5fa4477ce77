using System.Net;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Api;

public class QuestionsApiTests
{
    [Fact]
    public async Task SeededBank_Has109Questions_With23NeedingReview()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var all = await client.GetJsonAsync("/api/v1/questions?pageSize=1");
        var review = await client.GetJsonAsync("/api/v1/questions?status=needs-review&pageSize=50");

        Assert.Equal(109, all.GetProperty("total").GetInt32());
        Assert.Equal(23, review.GetProperty("total").GetInt32());
        Assert.All(review.GetProperty("items").EnumerateArray(), q => Assert.True(q.GetProperty("titleInferred").GetBoolean()));
    }

    [Fact]
    public async Task Restart_DoesNotDuplicateSeededDocuments()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HR);
        var before = (await client.GetJsonAsync("/api/v1/imports")).GetArrayLength();

        // A second host over the same database runs the initializer again.
        using var again = app.WithWebHostBuilder(_ => { });
        var client2 = again.CreateClient();
        await client2.GetAsync("/healthz");

        var questions = await client.GetJsonAsync("/api/v1/questions?pageSize=1");
        Assert.Equal(5, before);
        Assert.Equal(5, (await client.GetJsonAsync("/api/v1/imports")).GetArrayLength());
        Assert.Equal(109, questions.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Anonymous_GetsProblem401()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/questions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Roles.Interviewer)]
    [InlineData(Roles.HR)]
    [InlineData(Roles.HiringManager)]
    [InlineData(Roles.Admin)]
    public async Task EveryRole_CanReadTheBank(string role)
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(role);

        var page = await client.GetJsonAsync("/api/v1/questions?q=suicidal");
        var competencies = await client.GetJsonAsync("/api/v1/competencies");

        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(7, competencies.GetArrayLength());
    }

    [Theory]
    [InlineData(Roles.Interviewer)]
    [InlineData(Roles.HR)]
    public async Task ReadOnlyRoles_CannotEditQuestions(string role)
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(role);

        var response = await client.PutJsonAsync("/api/v1/questions/1", new { text = "Changed?", version = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var unchanged = await client.GetJsonAsync("/api/v1/questions/1");
        Assert.NotEqual("Changed?", unchanged.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Filters_NarrowTheBank()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var d5 = await client.GetJsonAsync("/api/v1/questions?competency=D5&pageSize=200");
        var behavioural = await client.GetJsonAsync("/api/v1/questions?type=behavioural&source=4&pageSize=200");
        var search = await client.GetJsonAsync("/api/v1/questions?q=best%20practices&pageSize=200");

        Assert.True(d5.GetProperty("total").GetInt32() > 0);
        Assert.All(d5.GetProperty("items").EnumerateArray(), q => Assert.Equal("D5", q.GetProperty("competencyCode").GetString()));
        Assert.Equal(10, behavioural.GetProperty("total").GetInt32());
        Assert.InRange(search.GetProperty("total").GetInt32(), 3, 20);
        Assert.Contains(search.GetProperty("items").EnumerateArray(), q => q.GetProperty("text").GetString() == "What strategies do you use to stay updated on best practices in peer support?");
    }

    [Fact]
    public async Task BadFilter_IsProblemNamingTheField()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.GetAsync("/api/v1/questions?status=maybe&pageSize=5000");
        var problem = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Manager_EditsQuestion_AndStaleVersionIsRejected()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var question = await client.GetJsonAsync("/api/v1/questions/3");
        var version = question.GetProperty("version").GetInt32();

        var ok = await client.PutJsonAsync("/api/v1/questions/3", new
        {
            text = "Tell us about a time you helped someone through a hard moment.",
            competency = "D1",
            anchorPoor = "Vague, no example",
            anchorMeets = "One concrete example",
            anchorExcellent = "Concrete example with reflection",
            redFlags = new[] { new { text = "Takes credit for the peer's recovery", severity = "Concern" } },
            version,
        });
        var stale = await client.PutJsonAsync("/api/v1/questions/3", new { text = "Lost update", version });
        var after = await client.GetJsonAsync("/api/v1/questions/3");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Tell us about a time you helped someone through a hard moment.", after.GetProperty("text").GetString());
        Assert.Equal("D1", after.GetProperty("competency").GetString());
        Assert.Equal("One concrete example", after.GetProperty("anchorMeets").GetString());
        Assert.Contains(after.GetProperty("redFlags").EnumerateArray(), f => f.GetProperty("text").GetString() == "Takes credit for the peer's recovery");
    }

    [Fact]
    public async Task Edit_WithUnknownCompetency_IsProblemNamingTheField()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var version = (await client.GetJsonAsync("/api/v1/questions/2")).GetProperty("version").GetInt32();

        var response = await client.PutJsonAsync("/api/v1/questions/2", new { competency = "D99", text = "", version });
        var problem = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("competency", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Edit_ThatAsksAboutMedication_GetsLintWarning()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var version = (await client.GetJsonAsync("/api/v1/questions/4")).GetProperty("version").GetInt32();

        await client.PutJsonAsync("/api/v1/questions/4", new { text = "What medication do you take for your condition?", version });
        var linted = await client.GetJsonAsync("/api/v1/questions?hasLint=true");

        Assert.Equal(1, linted.GetProperty("total").GetInt32());
        Assert.Equal(4, linted.GetProperty("items")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task ReviewingAnInferredTitle_MakesItActive()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var inferred = (await client.GetJsonAsync("/api/v1/questions?status=needs-review&pageSize=1")).GetProperty("items")[0];
        var id = inferred.GetProperty("id").GetInt32();
        var version = (await client.GetJsonAsync($"/api/v1/questions/{id}")).GetProperty("version").GetInt32();

        var response = await client.PutJsonAsync($"/api/v1/questions/{id}", new { text = "How would you keep a peer in crisis safe?", status = "Active", version });
        var review = await client.GetJsonAsync("/api/v1/questions?status=needs-review&pageSize=1");
        var detail = await client.GetJsonAsync($"/api/v1/questions/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(22, review.GetProperty("total").GetInt32());
        Assert.False(detail.GetProperty("titleInferred").GetBoolean());
        Assert.Equal(inferred.GetProperty("text").GetString(), detail.GetProperty("sources")[0].GetProperty("originalText").GetString());
    }

    [Fact]
    public async Task BestPracticesDuplicates_AreOneGroup_AndMergeKeepsProvenance()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var fromSeed000 = (await client.GetJsonAsync("/api/v1/questions?q=stay%20updated%20on%20best%20practices&source=1")).GetProperty("items")[0];
        var group = fromSeed000.GetProperty("duplicateGroupId").GetInt32();
        var members = (await client.GetJsonAsync($"/api/v1/questions?duplicateGroup={group}")).GetProperty("items").EnumerateArray().ToList();
        var keep = fromSeed000.GetProperty("id").GetInt32();
        var others = members.Select(m => m.GetProperty("id").GetInt32()).Where(id => id != keep).ToArray();

        var sources = members.Select(m => m.GetProperty("sourceDocumentId").GetInt32()).Order().ToList();
        var merged = await client.PostAsync($"/api/v1/questions/{keep}/merge", System.Net.Http.Json.JsonContent.Create(new { questionIds = others }));
        var survivor = await client.GetJsonAsync($"/api/v1/questions/{keep}");
        var archived = await client.GetJsonAsync($"/api/v1/questions/{others[0]}");

        Assert.Equal([1, 2, 3], sources);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(3, survivor.GetProperty("sources").GetArrayLength());
        Assert.Equal("Archived", archived.GetProperty("status").GetString());
        Assert.Equal(keep, archived.GetProperty("mergedIntoId").GetInt32());
        Assert.Equal(107, (await client.GetJsonAsync("/api/v1/questions?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task UnknownQuestion_Is404Problem()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HR);

        var response = await client.GetAsync("/api/v1/questions/99999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_FindsWordPrefixes_AndEditedWording()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var version = (await client.GetJsonAsync("/api/v1/questions/7")).GetProperty("version").GetInt32();

        var prefix = await client.GetJsonAsync("/api/v1/questions?q=suicid&pageSize=50");
        await client.PutJsonAsync("/api/v1/questions/7", new { text = "How would you welcome a zebrafinch keeper to a drop-in?", version });
        var edited = await client.GetJsonAsync("/api/v1/questions?q=zebrafinch");
        var oldWording = await client.GetJsonAsync("/api/v1/questions?q=qualities%20essential");

        Assert.Contains(prefix.GetProperty("items").EnumerateArray(), q => q.GetProperty("text").GetString()!.Contains("suicidal", StringComparison.Ordinal));
        Assert.Equal(7, edited.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.DoesNotContain(oldWording.GetProperty("items").EnumerateArray(), q => q.GetProperty("id").GetInt32() == 7);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("-- ; *")]
    [InlineData("crisis\" OR \"x")]
    [InlineData("NEAR(a b)")]
    public async Task Search_WithSyntaxCharacters_IsAnAnswerNotAnError(string q)
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HR);

        var response = await client.GetAsync("/api/v1/questions?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
