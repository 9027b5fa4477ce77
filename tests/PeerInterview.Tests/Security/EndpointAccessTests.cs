using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Seeding;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Security;

/// <summary>
/// Every endpoint from the app's endpoint data sources, called anonymously and as each role, against <see cref="AccessTable"/>.
/// API endpoints are called with a bearer token, pages with the signed-in cookie and a valid antiforgery token, so what is
/// measured is authorisation, not CSRF protection (which <see cref="AntiforgeryTests"/> covers).
/// </summary>
public class EndpointAccessTests
{
    public static TheoryData<string> Callers => new() { "Anonymous", Roles.Admin, Roles.HiringManager, Roles.Interviewer, Roles.HR };

    [Fact]
    public async Task EveryEndpoint_IsInTheAccessTable_AndEveryRowIsAnEndpoint()
    {
        using var app = new TestApp();
        var keys = (await EndpointInventory.DiscoverAsync(app)).Select(p => p.Key).ToList();

        var unclassified = keys.Where(k => !AccessTable.Rows.ContainsKey(k)).ToList();
        var stale = AccessTable.Rows.Keys.Where(k => !keys.Contains(k)).ToList();

        Assert.True(keys.Count > 100, $"only {keys.Count} endpoints found");
        Assert.True(unclassified.Count == 0,
            "Endpoints missing from AccessTable.Rows (add a row saying who may call each):" + Environment.NewLine +
            string.Join(Environment.NewLine, unclassified.Select(k => $"        [\"{k}\"] = ?,")));
        Assert.True(stale.Count == 0, "AccessTable rows that match no endpoint: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EachCaller_GetsExactlyTheAccessTheTableGives(string caller)
    {
        using var app = new TestApp();
        var role = caller == "Anonymous" ? null : caller;
        var world = await World.CreateAsync(app);
        var probes = (await EndpointInventory.DiscoverAsync(app)).Where(p => AccessTable.Rows.ContainsKey(p.Key)).ToList();
        var api = role is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.ApiClientAsAsync(role);
        var browser = role is null ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.BrowserClientAsAsync(role);
        var token = await World.AntiforgeryTokenAsync(browser, role is null ? "/Account/Login" : "/Interviews/Mine");

        var mismatches = new List<string>();
        foreach (var probe in World.InSafeOrder(probes))
        {
            using var request = world.Request(probe, token);
            var response = await (probe.IsPage ? browser : api).SendAsync(request);
            var got = await ClassifyAsync(probe, response);
            var expected = AccessTable.Rows[probe.Key].For(role);
            if (got != expected)
            {
                mismatches.Add($"{probe.Key} as {caller}: expected {expected}, got {got} ({(int)response.StatusCode} {response.Headers.Location}) {Short(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(probes.Count > 100);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>What the response means for access; a 500 is never acceptable.</summary>
    internal static async Task<Access> ClassifyAsync(EndpointProbe probe, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(status < 500, $"{probe.Key}: {status} {await response.Content.ReadAsStringAsync()}");
        // Page posts carry a valid antiforgery token and no page answers 400 itself: a 400 would mean the probe never reached the handler.
        Assert.False(probe.IsPage && status == 400, $"{probe.Key}: 400 (antiforgery token refused?)");
        if (probe.IsApi && status is 401 or 403)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return status switch
        {
            401 => Access.SignIn,
            // The sign-in challenge carries ReturnUrl; signing out also lands on the login page, without one.
            302 when location.Contains("/Account/Login?ReturnUrl=", StringComparison.OrdinalIgnoreCase) => Access.SignIn,
            403 => Access.Forbidden,
            302 when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => Access.Forbidden,
            404 => Access.Hidden,
            _ => Access.Ok,
        };
    }

    private static string Short(string body) => body.Length <= 160 ? body : body[..160] + "…";
}

/// <summary>The records the probes point at: one scheduled panel (scorecard A belongs to the demo interviewer) and a kit with a draft.</summary>
internal sealed class World
{
    private readonly Dictionary<string, string> _ids;
    private readonly ScoringPanel _panel;
    private readonly string _refreshToken;

    private World(Dictionary<string, string> ids, ScoringPanel panel, string refreshToken)
    {
        _ids = ids;
        _panel = panel;
        _refreshToken = refreshToken;
    }

    public static async Task<World> CreateAsync(TestApp app)
    {
        var panel = await ScoringSetup.PanelAsync(app);
        var s = panel.Scenario;
        var admin = await app.ApiClientAsAsync(Roles.Admin);
        // A draft of the kit, so item routes point at items that can change.
        var draft = await admin.PostAsJsonAsync($"/api/v1/kits/{s.Kit.KitId}/sections", new { name = "Extra" });
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var draftItem = await app.WithScopeAsync(db =>
            (from i in db.KitItems
             join v in db.KitVersions on i.KitVersionId equals v.Id
             where v.KitId == s.Kit.KitId && v.Status == KitStatus.Draft
             orderby i.Id
             select i.Id).FirstAsync());
        var questionId = await app.WithScopeAsync(db => db.Questions.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync());
        var competencyId = await app.WithScopeAsync(db => db.Competencies.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var globalFlag = await app.WithScopeAsync(db => db.RedFlags.Where(f => f.QuestionId == null).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
        // A refresh token of someone who is not a caller (a caller's own would die when a probe resets their 2FA key).
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = TestData.SecondInterviewerEmail, password = DemoPassword });
        var refreshToken = (await Json.ReadAsync(login)).GetProperty("refreshToken").GetString()!;
        // The account the admin-only account controls act on (deactivate, roles, reset): nobody the probes sign in as.
        var target = await admin.PostAsJsonAsync("/api/v1/users", new { email = "probe-target@clinic.example", password = DemoPassword, roles = new[] { Roles.Interviewer } });
        Assert.True(target.IsSuccessStatusCode, await target.Content.ReadAsStringAsync());
        var targetId = (await Json.ReadAsync(target)).GetProperty("id").GetString()!;

        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["kits"] = s.Kit.KitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["questions"] = questionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["competencies"] = competencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["positions"] = s.PositionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["candidates"] = s.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["interviews"] = panel.InterviewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["scorecards"] = panel.CardA.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["versionId"] = s.Kit.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["itemId"] = draftItem.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kitItemId"] = panel.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["key"] = $"g{globalFlag}",
            ["redFlagId"] = $"g{globalFlag}",
            ["Candidate"] = s.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Position"] = s.PositionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["interviewerId"] = s.SecondInterviewerId,
            ["documentName"] = "v1",
            ["users"] = targetId,
        };
        return new World(ids, panel, refreshToken);
    }

    private const string DemoPassword = DemoAccounts.Password;

    /// <summary>Reads first; among changes, those that end something (delete, cancel, retire, discard, sign out) last.</summary>
    public static IEnumerable<EndpointProbe> InSafeOrder(IEnumerable<EndpointProbe> probes) =>
        probes.OrderBy(p => p.Key.Contains("Logout", StringComparison.OrdinalIgnoreCase) && !p.IsSafe)
            .ThenBy(p => !p.IsSafe)
            .ThenBy(p => p.Method == "DELETE" || new[] { "cancel", "retire", "discard", "remove" }.Any(w => p.Key.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ThenBy(p => p.Key, StringComparer.Ordinal);

    public static async Task<string?> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var page = await Html.GetAsync(client, url);
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
    }

    public string Value(string parameter, string pattern)
    {
        if (!parameter.Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            return _ids[parameter];
        }

        var resource = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries).First(segment => _ids.ContainsKey(segment));
        return _ids[resource];
    }

    public HttpRequestMessage Request(EndpointProbe probe, string? antiforgeryToken)
    {
        var url = EndpointInventory.Url(probe, Value);
        if (probe.Key == "POST /api/v1/imports")
        {
            url += "?dryRun=true";
        }

        var request = new HttpRequestMessage(probe.HttpMethod, url);
        if (probe.IsPage && !probe.IsSafe)
        {
            var fields = new Dictionary<string, string>(PageFields(probe));
            if (antiforgeryToken is not null)
            {
                fields["__RequestVerificationToken"] = antiforgeryToken;
            }

            request.Content = new FormUrlEncodedContent(fields);
        }
        else if (probe.Key == "POST /api/v1/imports")
        {
            // The endpoint only accepts multipart (anything else is 415 at routing, before authorisation): a dry run of a tiny file.
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("1. How do you support someone in crisis?\n"));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            request.Content = new MultipartFormDataContent { { file, "file", "probe.txt" } };
        }
        else if (!probe.IsSafe)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(ApiBody(probe)), Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Form fields a page handler needs so that an allowed caller reaches its logic (the values may still be refused as invalid).</summary>
    public Dictionary<string, string> PageFields(EndpointProbe probe) => probe.Key switch
    {
        "POST /Interviews/{id:int}?handler=Reopen" => new() { ["scorecardId"] = _panel.CardB.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "Probe" },
        "POST /Interviews/{id:int}?handler=AddInterviewer" or "POST /Interviews/{id:int}?handler=RemoveInterviewer" => new() { ["interviewerId"] = _ids["interviewerId"] },
        "POST /Kits/Edit/{id:int}?handler=Remove" or "POST /Kits/Edit/{id:int}?handler=Move" or "POST /Kits/Edit/{id:int}?handler=Minutes" or "POST /Kits/Edit/{id:int}?handler=Customise" =>
            new() { ["itemId"] = _ids["itemId"], ["minutes"] = "5", ["step"] = "1" },
        "POST /Questions/Competencies?handler=Update" => new() { ["id"] = _ids["competencies"], ["name"] = "Probe" },
        "POST /Admin/Users?handler=Deactivate" or "POST /Admin/Users?handler=Reactivate" or "POST /Admin/Users?handler=ResetPassword" => new() { ["userId"] = _ids["users"] },
        "POST /Admin/Users?handler=Roles" => new() { ["userId"] = _ids["users"], ["roles"] = Roles.Interviewer },
        "POST /Questions/Review" => new() { ["id"] = _ids["questions"], ["text"] = "", ["version"] = "0" },
        _ => [],
    };

    private object ApiBody(EndpointProbe probe) => probe.Key switch
    {
        "POST /api/v1/auth/login" => new { email = Demo.EmailFor(Roles.HR), password = DemoPassword },
        "POST /api/v1/auth/refresh" => new { refreshToken = _refreshToken },
        "PUT /api/v1/scorecards/{id:int}/ratings/{kitItemId:int}" => new { value = 3, notObserved = false, notes = (string?)null, version = 0 },
        "PUT /api/v1/scorecards/{id:int}/red-flags/{key}" => new { @checked = true, evidence = (string?)null, version = 0 },
        "PUT /api/v1/scorecards/{id:int}" => new { recommendation = "Yes", summary = (string?)null, version = 0 },
        "PUT /api/v1/scorecards/{id:int}/position" => new { kitItemId = _panel.Item1 },
        "POST /api/v1/scorecards/{id:int}/reopen" => new { reason = "Probe" },
        "PUT /api/v1/users/{id}/roles" => new { roles = new[] { Roles.Interviewer, Roles.HR } },
        _ => new { },
    };
}
