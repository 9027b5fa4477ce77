using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Interviews;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Reports.Analytics;

namespace PeerInterview.Tests.Reports.Analytics;

public class AnalyticsHttpTests
{
    /// <summary>
    /// Two candidates for one position, both interviewed by A (the demo interviewer) and B; A rates every question one
    /// point above B. Returns the panel of the first candidate and the second candidate's name.
    /// </summary>
    private static async Task<ScoringPanel> TwoCandidatesAPointApartAsync(TestApp app)
    {
        var p = await ScoringSetup.PanelAsync(app);
        await SubmitAsync(p, p.A, p.CardA, 4, 5);
        await SubmitAsync(p, p.B, p.CardB, 3, 4);

        var second = await TestData.CandidateAsync(app, p.Scenario.PositionId, "Robin Hale");
        var interview = await SchedulingApiTests.ScheduledAsync(app, p.Scenario with { CandidateId = second });
        var cards = interview.GetProperty("scorecards").EnumerateArray()
            .ToDictionary(c => c.GetProperty("interviewerId").GetString()!, c => c.GetProperty("id").GetInt32());
        await SubmitAsync(p, p.A, cards[p.Scenario.InterviewerId], 3, 4);
        await SubmitAsync(p, p.B, cards[p.Scenario.SecondInterviewerId], 2, 3);
        return p;
    }

    private static async Task SubmitAsync(ScoringPanel p, HttpClient client, int card, int item1, int item2)
    {
        await client.RatedAsync(card, p.Item1, item1, notes: "Concrete example.");
        await client.RatedAsync(card, p.Item2, item2, notes: "Concrete example.");
        var view = await client.GetJsonAsync($"/api/v1/scorecards/{card}");
        Assert.Equal(HttpStatusCode.OK, (await client.SummaryAsync(card, "Yes", "Solid.", view.GetProperty("version").GetInt32())).StatusCode);
        var submitted = await client.SubmitAsync(card);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
    }

    private static JsonElement Interviewer(JsonElement analytics, string id) =>
        analytics.GetProperty("leniency").EnumerateArray().Single(l => l.GetProperty("interviewerId").GetString() == id);

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.HiringManager)]
    [InlineData(Roles.HR)]
    public async Task Readers_CanOpenThePageAndTheApi(string role)
    {
        using var app = new TestApp();

        var page = await (await app.BrowserClientAsAsync(role)).GetAsync("/Reports/Analytics");
        var api = await (await app.ApiClientAsAsync(role)).GetAsync("/api/v1/analytics");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Interviewers_AreDenied_AndAnonymousMustSignIn()
    {
        using var app = new TestApp();
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var page = await (await app.BrowserClientAsAsync(Roles.Interviewer)).GetAsync("/Reports/Analytics");
        var api = await (await app.ApiClientAsAsync(Roles.Interviewer)).GetAsync("/api/v1/analytics");
        var anonymousPage = await anonymous.GetAsync("/Reports/Analytics");
        var anonymousApi = await anonymous.GetAsync("/api/v1/analytics");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.StartsWith("/Account/Login", anonymousPage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
    }

    [Fact]
    public async Task Api_InterviewerOnePointAbove_IsPlusOne_AndCoRaterMinusOne_OnFourSharedQuestions()
    {
        using var app = new TestApp();
        var p = await TwoCandidatesAPointApartAsync(app);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var analytics = await hr.GetJsonAsync($"/api/v1/analytics?positionId={p.Scenario.PositionId}");

        Assert.Equal(2, analytics.GetProperty("candidates").GetInt32());
        Assert.Equal(4, analytics.GetProperty("submittedScorecards").GetInt32());
        var a = Interviewer(analytics, p.Scenario.InterviewerId);
        var b = Interviewer(analytics, p.Scenario.SecondInterviewerId);
        Assert.Equal(1.0, a.GetProperty("leniency").GetDouble(), 10);
        Assert.Equal(-1.0, b.GetProperty("leniency").GetDouble(), 10);
        Assert.Equal(4, a.GetProperty("sharedItems").GetInt32());
        Assert.False(a.GetProperty("enoughData").GetBoolean());
        Assert.Equal(20, analytics.GetProperty("thresholds").GetProperty("minimumSharedItems").GetInt32());
    }

    [Fact]
    public async Task Api_Alpha_PerCompetency_MatchesTheRatersCompetencyMeans()
    {
        using var app = new TestApp();
        var p = await TwoCandidatesAPointApartAsync(app);
        var competencyOf = await app.WithScopeAsync(db => db.KitItems
            .Where(i => i.Id == p.Item1 || i.Id == p.Item2)
            .Select(i => new { i.Id, CompetencyId = i.CompetencyIdSnapshot ?? i.Question!.CompetencyId })
            .ToDictionaryAsync(i => i.Id, i => i.CompetencyId));
        // Ratings (A, B) per candidate: item 1 (4, 3) and (3, 2); item 2 (5, 4) and (4, 3).
        var ratings = new Dictionary<int, (double A, double B)[]> { [p.Item1] = [(4, 3), (3, 2)], [p.Item2] = [(5, 4), (4, 3)] };

        var analytics = await (await app.ApiClientAsAsync(Roles.HiringManager)).GetJsonAsync($"/api/v1/analytics?positionId={p.Scenario.PositionId}");

        var rows = analytics.GetProperty("reliability").EnumerateArray().ToList();
        Assert.Equal(competencyOf.Values.Distinct().Count(), rows.Count);
        foreach (var row in rows)
        {
            var items = competencyOf.Where(c => c.Value == row.GetProperty("competencyId").GetInt32()).Select(c => ratings[c.Key]).ToList();
            var units = Enumerable.Range(0, 2).Select(candidate => (IReadOnlyList<double>)
                [items.Average(i => i[candidate].A), items.Average(i => i[candidate].B)]);
            var expected = KrippendorffAlpha.Interval([.. units]);
            Assert.Equal(expected.Alpha!.Value, row.GetProperty("alpha").GetDouble(), 10);
            Assert.Equal(2, row.GetProperty("candidates").GetInt32());
            Assert.False(row.GetProperty("enoughCandidates").GetBoolean());
        }
    }

    [Fact]
    public async Task Page_ShowsLeniencyWithNotEnoughData_AlphaSampleNote_AndNoCandidateNames()
    {
        using var app = new TestApp();
        var p = await TwoCandidatesAPointApartAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HR);

        var page = await Html.GetAsync(client, $"/Reports/Analytics?positionId={p.Scenario.PositionId}");

        var a = page.QuerySelector($"tr[data-interviewer='{p.Scenario.InterviewerId}']")!;
        var b = page.QuerySelector($"tr[data-interviewer='{p.Scenario.SecondInterviewerId}']")!;
        Assert.Contains("Indy Interviewer", a.TextContent, StringComparison.Ordinal);
        Assert.Equal("+1.00", a.QuerySelector(".leniency-value")!.TextContent.Trim());
        Assert.Equal("\u22121.00", b.QuerySelector(".leniency-value")!.TextContent.Trim());
        Assert.Contains("Not enough data", a.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 of the 20 shared questions needed", a.TextContent, StringComparison.Ordinal);
        Assert.NotNull(a.QuerySelector("svg.lean-bar rect.lenient"));
        Assert.NotNull(b.QuerySelector("svg.lean-bar rect.severe"));
        Assert.NotEmpty(page.QuerySelectorAll("tr[data-competency]"));
        Assert.All(page.QuerySelectorAll("tr[data-competency]"), row =>
        {
            Assert.Contains("Too few candidates to judge", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("(provisional)", row.QuerySelector(".alpha-reading")!.TextContent, StringComparison.Ordinal);
        });
        Assert.Contains("Based on 2 candidates and 4 submitted scorecards", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Rivera", page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Robin Hale", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task ErasedCandidates_StillCount()
    {
        using var app = new TestApp();
        var p = await TwoCandidatesAPointApartAsync(app);
        await app.WithScopeAsync(async db =>
        {
            var candidate = await db.Candidates.SingleAsync(c => c.Id == p.Scenario.CandidateId);
            candidate.Name = "Erased candidate";
            candidate.Email = null;
            candidate.ErasedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });

        var analytics = await (await app.ApiClientAsAsync(Roles.HR)).GetJsonAsync($"/api/v1/analytics?positionId={p.Scenario.PositionId}");

        Assert.Equal(2, analytics.GetProperty("candidates").GetInt32());
        Assert.Equal(4, Interviewer(analytics, p.Scenario.InterviewerId).GetProperty("sharedItems").GetInt32());
    }

    [Fact]
    public async Task Filters_DraftsNeverCount_AndDatesOutsideTheInterviewsAreEmpty()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await SubmitAsync(p, p.A, p.CardA, 4, 5);
        await p.B.RatedAsync(p.CardB, p.Item1, 1, notes: "Draft only."); // B never submits
        var hr = await app.ApiClientAsAsync(Roles.HR);
        var scheduled = await app.WithScopeAsync(db => db.Interviews.Where(i => i.Id == p.InterviewId).Select(i => i.ScheduledAt).SingleAsync());
        var day = DateOnly.FromDateTime(scheduled.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = DateOnly.FromDateTime(scheduled.UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var onTheDay = await hr.GetJsonAsync($"/api/v1/analytics?positionId={p.Scenario.PositionId}&from={day}&to={day}");
        var earlier = await hr.GetJsonAsync($"/api/v1/analytics?positionId={p.Scenario.PositionId}&to={before}");
        var reversed = await hr.GetAsync($"/api/v1/analytics?from={day}&to={before}");
        var unknown = await hr.GetAsync("/api/v1/analytics?positionId=999999");

        Assert.Equal(1, onTheDay.GetProperty("submittedScorecards").GetInt32());
        var a = Interviewer(onTheDay, p.Scenario.InterviewerId);
        Assert.Equal(JsonValueKind.Null, a.GetProperty("leniency").ValueKind);
        Assert.Equal(0, a.GetProperty("sharedItems").GetInt32());
        Assert.DoesNotContain(onTheDay.GetProperty("leniency").EnumerateArray(), l => l.GetProperty("interviewerId").GetString() == p.Scenario.SecondInterviewerId);
        Assert.Equal(0, earlier.GetProperty("submittedScorecards").GetInt32());
        Assert.Empty(earlier.GetProperty("leniency").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Page_WithNoSubmittedScorecards_ShowsTheEmptyState()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);

        var page = await Html.GetAsync(client, $"/Reports/Analytics?positionId={p.Scenario.PositionId}");

        Assert.Contains("No submitted scorecards yet", page.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table"));
        var option = page.QuerySelector<IHtmlSelectElement>("select[name=positionId]")!.SelectedOptions.Single();
        Assert.Equal(p.Scenario.PositionId.ToString(System.Globalization.CultureInfo.InvariantCulture), option.Value);
    }
}
