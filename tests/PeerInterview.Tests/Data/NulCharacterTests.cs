using System.Net;
using System.Net.Http.Json;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Data;

/// <summary>PostgreSQL refuses U+0000 in text; both providers save text without it and refuse it in query strings.</summary>
public class NulCharacterTests
{
    [Fact]
    public async Task TextWithANulCharacter_IsSavedWithoutIt_OnEitherProvider()
    {
        using var app = new TestApp();
        var position = await TestData.PositionAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await manager.PutAsJsonAsync($"/api/v1/positions/{position}", new { title = "Peer\u0000 Support", location = "North\u0000side", kitId = (int?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = app.WithScope(db => db.Positions.Single(p => p.Id == position));
        Assert.Equal("Peer Support", saved.Title);
        Assert.Equal("Northside", saved.Location);
    }

    [Fact]
    public async Task QueryStringWithANulCharacter_IsABadRequest()
    {
        using var app = new TestApp();
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await manager.GetAsync("/api/v1/questions?q=peer%00support");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
