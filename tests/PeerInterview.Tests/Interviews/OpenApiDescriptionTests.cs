using PeerInterview.Tests.Infrastructure;

namespace PeerInterview.Tests.Interviews;

public class OpenApiDescriptionTests
{
    [Fact]
    public async Task OpenApi_DescribesPeopleAndSchedulingEndpoints_WithTheirProblemResponses()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        var paths = (await Json.ReadAsync(await client.GetAsync("/openapi/v1.json"))).GetProperty("paths");
        var schedule = paths.GetProperty("/api/v1/interviews").GetProperty("post").GetProperty("responses");

        foreach (var path in new[]
        {
            "/api/v1/positions", "/api/v1/positions/{id}", "/api/v1/candidates", "/api/v1/candidates/{id}", "/api/v1/candidates/{id}/stage",
            "/api/v1/interviews/{id}", "/api/v1/interviews/{id}/interviewers", "/api/v1/interviews/{id}/interviewers/{interviewerId}",
            "/api/v1/interviews/{id}/cancel", "/api/v1/me/interviews",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(schedule.TryGetProperty("201", out _));
        Assert.True(schedule.TryGetProperty("400", out _));
    }
}
