using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Reports;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Audit;

/// <summary>DESIGN: HR sees the audit trail. The page, the JSON API and the CSV download, and who may not see them.</summary>
public class AuditTrailTests
{
    [Fact]
    public async Task HR_SeesWhoChangedWhat_WithTheChangeFieldByField_AndALinkToTheRecord()
    {
        using var app = new TestApp();
        var (candidateId, managerEmail) = await CandidateMovedToNotHiredAsync(app);
        using var hr = await app.BrowserClientAsAsync(Roles.HR);

        var page = await Html.GetAsync(hr, $"/Audit?entityType=Candidate&entityId={candidateId}");
        var rows = page.QuerySelectorAll(".audit-table > tbody > tr").ToList();

        Assert.Equal(2, rows.Count); // newest first: the stage change, then the creation
        var stage = rows[0];
        Assert.Contains("Moved a candidate to another stage", stage.TextContent, StringComparison.Ordinal);
        Assert.Contains(managerEmail, stage.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Candidates/Details/{candidateId}", stage.QuerySelector("td:nth-child(4) a")!.GetAttribute("href"));
        var field = stage.QuerySelector(".audit-fields tbody tr")!;
        Assert.Equal(["Stage", "Interviewing", "NotHired"], field.Children.Select(c => c.TextContent.Trim()));
        Assert.Contains("Added a candidate", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("2 entries, newest first (times in UTC)", page.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.TextContent == "Audit");
    }

    [Fact]
    public async Task Filters_NarrowByActionPersonAndDay_AndABackwardsRangeIsExplained()
    {
        using var app = new TestApp();
        var (candidateId, managerEmail) = await CandidateMovedToNotHiredAsync(app);
        var managerId = await TestData.UserIdAsync(app, managerEmail);
        using var hr = await app.ApiClientAsAsync(Roles.HR);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var byAction = await hr.GetJsonAsync($"/api/v1/audit?action=candidate.stage&entityId={candidateId}");
        var byPerson = await hr.GetJsonAsync($"/api/v1/audit?userId={managerId}&entityType=Candidate&entityId={candidateId}");
        var onTheDay = await hr.GetJsonAsync($"/api/v1/audit?from={today}&to={today}&entityType=Candidate&entityId={candidateId}");
        var fromTomorrow = await hr.GetJsonAsync($"/api/v1/audit?from={tomorrow}&entityType=Candidate&entityId={candidateId}");
        var backwards = await hr.GetAsync($"/api/v1/audit?from={tomorrow}&to={today}");
        var tooBig = await hr.GetAsync("/api/v1/audit?pageSize=500");
        using var browser = await app.BrowserClientAsAsync(Roles.HR);
        var backwardsPage = await Html.GetAsync(browser, $"/Audit?from={tomorrow}&to={today}");

        var only = Assert.Single(byAction.GetProperty("items").EnumerateArray());
        Assert.Equal("candidate.stage", only.GetProperty("action").GetString());
        Assert.Equal(managerEmail, only.GetProperty("user").GetString());
        Assert.Equal(2, byPerson.GetProperty("total").GetInt32());
        Assert.Equal(2, onTheDay.GetProperty("total").GetInt32());
        Assert.Equal(0, fromTomorrow.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("The start date must be on or before the end date.", backwardsPage.QuerySelector(".notice.danger")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pages_HoldTwentyFiveEntriesEach_NewestFirst()
    {
        using var app = new TestApp();
        using var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var positionId = await TestData.PositionAsync(app);
        for (var i = 0; i < 30; i++)
        {
            (await manager.PostAsJsonAsync("/api/v1/candidates", new { name = $"Candidate {i}", email = $"candidate{i}@example.org", positionId })).EnsureSuccessStatusCode();
        }

        using var hr = await app.ApiClientAsAsync(Roles.HR);
        var all = await hr.GetJsonAsync("/api/v1/audit?pageSize=200");
        Assert.True(all.GetProperty("total").GetInt32() >= 30);

        var first = await hr.GetJsonAsync("/api/v1/audit");
        var second = await hr.GetJsonAsync("/api/v1/audit?page=2");

        var ids = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        var times = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(ids.Take(25), first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(ids.Skip(25).Take(25), second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task CsvDownload_CarriesTheFilteredEntries_GuardsAgainstFormulas_AndIsItselfAudited()
    {
        using var app = new TestApp();
        using var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var created = await manager.PostAsJsonAsync("/api/v1/positions", new { title = "=HYPERLINK(\"http://evil\")", location = "Riverside", kitId = (int?)null });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var positionId = (await Json.ReadAsync(created)).GetProperty("id").GetInt32();
        using var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.GetAsync($"/api/v1/audit/export?entityType=Position&entityId={positionId}");
        var rows = Csv.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["at_utc", "user", "action", "description", "entity_type", "entity_id", "before", "after"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal("position.create", row[2]);
        Assert.Equal(positionId.ToString(CultureInfo.InvariantCulture), row[5]);
        Assert.Contains("HYPERLINK", row[7], StringComparison.Ordinal);
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.StartsWith('='));
        Assert.True(app.WithScope(db => db.AuditEntries.Any(a => a.Action == "audit.export")), "downloading the audit trail is audited");
    }

    [Fact]
    public async Task RecordedMarkup_IsShownAsText()
    {
        using var app = new TestApp();
        using var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var created = await manager.PostAsJsonAsync("/api/v1/positions", new { title = "<script>alert(1)</script><b>Peer</b>", location = "Riverside", kitId = (int?)null });
        var positionId = (await Json.ReadAsync(created)).GetProperty("id").GetInt32();
        using var hr = await app.BrowserClientAsAsync(Roles.HR);

        var page = await Html.GetAsync(hr, $"/Audit?entityType=Position&entityId={positionId}");

        Assert.Empty(page.QuerySelectorAll("main script, main b"));
        Assert.Contains(page.QuerySelectorAll(".audit-fields td"), td => td.TextContent == "<script>alert(1)</script><b>Peer</b>");
    }

    [Theory]
    [InlineData(Roles.HiringManager)]
    [InlineData(Roles.Interviewer)]
    public async Task HiringManagersAndInterviewers_CannotReadTheAuditTrail(string role)
    {
        using var app = new TestApp();
        using var api = await app.ApiClientAsAsync(role);
        using var browser = await app.BrowserClientAsAsync(role);

        var list = await api.GetAsync("/api/v1/audit");
        var export = await api.GetAsync("/api/v1/audit/export");
        var page = await browser.GetAsync("/Audit");
        var home = await Html.GetAsync(browser, "/Questions");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(home.QuerySelectorAll("nav a"), a => a.TextContent == "Audit");
    }

    private static async Task<(int CandidateId, string ManagerEmail)> CandidateMovedToNotHiredAsync(TestApp app)
    {
        var managerEmail = Demo.EmailFor(Roles.HiringManager);
        using var manager = await app.ApiClientAsync(managerEmail);
        var positionId = await TestData.PositionAsync(app);
        var created = await manager.PostAsJsonAsync("/api/v1/candidates", new { name = "Alex Morgan", email = "alex@example.org", positionId, stage = "Interviewing" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var candidateId = (await Json.ReadAsync(created)).GetProperty("id").GetInt32();
        var moved = await manager.PutAsJsonAsync($"/api/v1/candidates/{candidateId}/stage", new { stage = "not-hired" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        return (candidateId, managerEmail);
    }
}
