using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PeerInterview.BrowserTests;

/// <summary>
/// A scheduled panel interview for the scoring tests, built through the public API as the demo hiring manager would:
/// a kit with one active question per competency (the first with a knock-out red flag of its own), published, a
/// position, a candidate, and the two demo interviewers on the panel.
/// </summary>
public sealed record ScoringPanel(int InterviewId, int FirstScorecardId, int SecondScorecardId, IReadOnlyList<int> KitItemIds, string ItemFlagKey)
{
    public const string Interviewer = "interviewer@demo.peerinterview.test";
    public const string SecondInterviewer = "interviewer2@demo.peerinterview.test";
    public const string ItemFlagText = "Shares another person's story without consent";

    public static async Task<ScoringPanel> CreateAsync(BrowserApp app)
    {
        using var manager = await ApiAsync(app, "manager@demo.peerinterview.test");
        var questionIds = new List<int>();
        for (var d = 1; d <= 7; d++)
        {
            var page = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/questions?status=active&hasLint=false&competency=D{d}&pageSize=1");
            questionIds.Add(page.GetProperty("items")[0].GetProperty("id").GetInt32());
        }

        var kit = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/kits", new { name = "Scoring test kit", role = "Peer Support Specialist", targetMinutes = 30 }));
        var kitId = kit.GetProperty("kitId").GetInt32();
        foreach (var questionId in questionIds)
        {
            kit = await ReadAsync(await manager.PostAsJsonAsync($"/api/v1/kits/{kitId}/items", new { questionId, section = "Questions", minutes = 4 }));
        }

        var draftItemIds = kit.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetInt32()).ToList();
        await ReadAsync(await manager.PutAsJsonAsync($"/api/v1/kits/{kitId}/items/{draftItemIds[0]}", new { redFlags = new[] { new { text = ItemFlagText, severity = "KnockOut" } } }));
        var published = await ReadAsync(await manager.PostAsync($"/api/v1/kits/{kitId}/publish", null));
        var versionId = published.GetProperty("versionId").GetInt32();

        var position = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/positions", new { title = "Scoring test position", kitId }));
        var candidate = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/candidates", new { name = "Casey Candidate", email = "casey@example.org", positionId = position.GetProperty("id").GetInt32() }));
        var users = await manager.GetFromJsonAsync<JsonElement>("/api/v1/users");
        string IdOf(string email) => users.EnumerateArray().First(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
        var first = IdOf(Interviewer);
        var second = IdOf(SecondInterviewer);
        var interview = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/interviews", new
        {
            candidateId = candidate.GetProperty("id").GetInt32(),
            kitVersionId = versionId,
            scheduledAt = DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"),
            interviewerIds = new[] { first, second },
        }));
        var scorecards = interview.GetProperty("scorecards").EnumerateArray().ToList();
        int ScorecardOf(string userId) => scorecards.First(s => s.GetProperty("interviewerId").GetString() == userId).GetProperty("id").GetInt32();

        // The published version's own item ids and flag key, as the interviewer's API reads them.
        using var interviewer = await ApiAsync(app, Interviewer);
        var view = await interviewer.GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{ScorecardOf(first)}");
        var items = view.GetProperty("items").EnumerateArray().ToList();
        return new ScoringPanel(
            interview.GetProperty("id").GetInt32(),
            ScorecardOf(first),
            ScorecardOf(second),
            [.. items.Select(i => i.GetProperty("kitItemId").GetInt32())],
            items[0].GetProperty("redFlags")[0].GetProperty("key").GetString()!);
    }

    /// <summary>An API client signed in with a bearer token (no cookies, so no antiforgery header is needed).</summary>
    public static async Task<HttpClient> ApiAsync(BrowserApp app, string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = PeerInterview.Web.Seeding.DemoAccounts.Password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
