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

    [Fact]
    public void Clean_DropsNuls_AndReplacesOnlyLoneSurrogates()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate (metadata stores them as UTF-8).
        const char High = (char)0xD83D, Low = (char)0xDE00, Replacement = (char)0xFFFD;

        Assert.Equal("plain text", PeerInterview.Web.Data.NulCharacters.Clean("plain text"));
        Assert.Equal("ab", PeerInterview.Web.Data.NulCharacters.Clean("a\0b"));
        Assert.Equal($"half {Replacement} pair", PeerInterview.Web.Data.NulCharacters.Clean($"half {High} pair"));
        Assert.Equal($"low {Replacement} first", PeerInterview.Web.Data.NulCharacters.Clean($"low {Low} first"));
        Assert.Equal($"end {Replacement}", PeerInterview.Web.Data.NulCharacters.Clean($"end {High}"));
        Assert.Equal($"whole {High}{Low} pair", PeerInterview.Web.Data.NulCharacters.Clean($"whole {High}{Low} pair"));
    }
}
