using System.Net;
using System.Net.Http.Json;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Api;

/// <summary>GET/PUT /api/v1/me/preferences: each person's own settings (the scorecard's single-key shortcuts).</summary>
public class PreferencesApiTests
{
    [Fact]
    public async Task Shortcuts_StartOn_TurnOffForThatPersonOnly_AndBadInputIsAProblemThatChangesNothing()
    {
        using var app = new TestApp();
        var interviewer = await app.ApiClientAsAsync(Roles.Interviewer);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        Assert.True((await Json.ReadAsync(await interviewer.GetAsync("/api/v1/me/preferences"))).GetProperty("keyboardShortcuts").GetBoolean());

        var off = await interviewer.PutAsJsonAsync("/api/v1/me/preferences", new { keyboardShortcuts = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await Json.ReadAsync(await interviewer.GetAsync("/api/v1/me/preferences"))).GetProperty("keyboardShortcuts").GetBoolean());
        Assert.True((await Json.ReadAsync(await manager.GetAsync("/api/v1/me/preferences"))).GetProperty("keyboardShortcuts").GetBoolean());

        var missing = await interviewer.PutAsJsonAsync("/api/v1/me/preferences", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("keyboardShortcuts", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await Json.ReadAsync(await interviewer.GetAsync("/api/v1/me/preferences"))).GetProperty("keyboardShortcuts").GetBoolean());

        var audited = await app.WithScopeAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.Action == "user.preferences")));
        Assert.Equal(1, audited);
    }
}
