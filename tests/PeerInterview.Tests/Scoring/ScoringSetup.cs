using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Interviews;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Scoring;

/// <summary>An interview with two interviewers (A = the demo interviewer, B = the second one) and their API clients.</summary>
internal sealed record ScoringPanel(Scenario Scenario, int InterviewId, int CardA, int CardB, int Item1, int Item2, HttpClient A, HttpClient B);

internal static class ScoringSetup
{
    public static async Task<ScoringPanel> PanelAsync(TestApp app, params string[] interviewerIds)
    {
        var s = await TestData.ScenarioAsync(app);
        var interview = await SchedulingApiTests.ScheduledAsync(app, s, interviewerIds);
        var cards = interview.GetProperty("scorecards").EnumerateArray()
            .ToDictionary(c => c.GetProperty("interviewerId").GetString()!, c => c.GetProperty("id").GetInt32());
        var items = await app.WithScopeAsync(db => db.KitItems.Where(i => i.KitVersionId == s.Kit.VersionId).OrderBy(i => i.Order).Select(i => i.Id).ToListAsync());
        return new ScoringPanel(
            s,
            interview.GetProperty("id").GetInt32(),
            cards.GetValueOrDefault(s.InterviewerId),
            cards.GetValueOrDefault(s.SecondInterviewerId),
            items[0],
            items[1],
            await app.ApiClientAsAsync(Roles.Interviewer),
            await app.ApiClientAsync(TestData.SecondInterviewerEmail));
    }

    public static Task<HttpResponseMessage> RateAsync(this HttpClient client, int card, int item, int? value, bool notObserved = false, string? notes = null, int version = 0) =>
        client.PutAsJsonAsync($"/api/v1/scorecards/{card}/ratings/{item}", new { value, notObserved, notes, version });

    /// <summary>Rates an item, asserting it saved; returns the saved rating.</summary>
    public static async Task<JsonElement> RatedAsync(this HttpClient client, int card, int item, int? value, bool notObserved = false, string? notes = null, int version = 0)
    {
        var response = await client.RateAsync(card, item, value, notObserved, notes, version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json.ReadAsync(response);
    }

    public static Task<HttpResponseMessage> FlagAsync(this HttpClient client, int card, string key, bool isChecked, string? evidence = null, int version = 0) =>
        client.PutAsJsonAsync($"/api/v1/scorecards/{card}/red-flags/{key}", new { @checked = isChecked, evidence, version });

    public static Task<HttpResponseMessage> SummaryAsync(this HttpClient client, int card, string? recommendation, string? summary, int version) =>
        client.PutAsJsonAsync($"/api/v1/scorecards/{card}", new { recommendation, summary, version });

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, int card) =>
        client.PostAsync($"/api/v1/scorecards/{card}/submit", null);

    /// <summary>Rates both items 3 with notes, recommends and submits; asserts it was accepted.</summary>
    public static async Task<JsonElement> CompleteAndSubmitAsync(this HttpClient client, ScoringPanel p, int card, string notes = "Clear example.", string summary = "Solid.")
    {
        await client.RatedAsync(card, p.Item1, 3, notes: notes);
        await client.RatedAsync(card, p.Item2, 4, notes: notes);
        var view = await client.GetJsonAsync($"/api/v1/scorecards/{card}");
        var saved = await client.SummaryAsync(card, "Yes", summary, view.GetProperty("version").GetInt32());
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var submitted = await client.SubmitAsync(card);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return await Json.ReadAsync(submitted);
    }

    public static JsonElement Item(JsonElement view, int kitItemId) =>
        view.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kitItemId").GetInt32() == kitItemId);

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string[] ErrorKeys(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    /// <summary>Adds a red flag of its own to item 1's question and an override flag to item 2; returns their keys.</summary>
    public static async Task<(string QuestionFlag, string OverrideFlag, string Global)> FlagsAsync(TestApp app, ScoringPanel p)
    {
        var keys = await app.WithScopeAsync(async db =>
        {
            var questionId = await db.KitItems.Where(i => i.Id == p.Item1).Select(i => i.QuestionId).SingleAsync();
            var own = new RedFlag { Text = "Blames the person supported", Severity = RedFlagSeverity.Concern, QuestionId = questionId };
            db.RedFlags.Add(own);
            var replaced = await db.KitItems.Where(i => i.Id == p.Item2).Select(i => i.QuestionId).SingleAsync();
            db.RedFlags.Add(new RedFlag { Text = "Replaced by the kit's override", Severity = RedFlagSeverity.Concern, QuestionId = replaced });
            var overrideFlag = new KitItemRedFlag { KitItemId = p.Item2, Text = "Shares a diagnosis unprompted", Severity = RedFlagSeverity.KnockOut };
            db.KitItemRedFlags.Add(overrideFlag);
            await db.SaveChangesAsync();
            var global = await db.RedFlags.Where(f => f.QuestionId == null && !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
            return ($"q{own.Id}", $"k{overrideFlag.Id}", $"g{global}");
        });

        // As if the kit had been published with these flags.
        await TestData.RefreezeAsync(app, p.Scenario.Kit.VersionId);
        return keys;
    }

    public static Task<string> ReplacedQuestionFlagAsync(TestApp app, ScoringPanel p) =>
        app.WithScopeAsync(async db =>
        {
            var questionId = await db.KitItems.Where(i => i.Id == p.Item2).Select(i => i.QuestionId).SingleAsync();
            return $"q{await db.RedFlags.Where(f => f.QuestionId == questionId).OrderByDescending(f => f.Id).Select(f => f.Id).FirstAsync()}";
        });
}
