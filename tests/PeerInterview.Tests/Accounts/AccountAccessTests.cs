using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Tests.Accounts;

/// <summary>Access that can be taken away: deactivation, role changes, forced resets, logout and refresh tokens, the password rule.</summary>
public class AccountAccessTests
{
    private static readonly Dictionary<string, string?> FastChecks = new() { ["Security:Sessions:ValidationIntervalSeconds"] = "1" };

    [Fact]
    public void SessionChecks_DefaultToAtMostOneMinute_AndNoSettingMakesThemLonger()
    {
        Assert.True(new SessionCheckOptions().ValidationInterval <= TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(1), new SessionCheckOptions { ValidationIntervalSeconds = 3600 }.ValidationInterval);
        using var app = new TestApp(seeded: false);
        Assert.True(app.Services.GetRequiredService<IOptions<SessionCheckOptions>>().Value.ValidationInterval <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task AdminDeactivatesInterviewer_TheirCookieAndTokenOnAnotherInstanceStopWorking_AndTheyCannotSignIn()
    {
        using var a = new TestApp();
        using var b = TestApp.SharingDatabaseOf(a, FastChecks); // the interviewer's instance; only the database is shared
        var email = Demo.EmailFor(Roles.Interviewer);
        var token = await b.ApiClientAsync(email);
        var cookie = await b.BrowserClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me/interviews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/Interviews/Mine")).StatusCode); // b has now cached "active"

        var admin = await a.ApiClientAsAsync(Roles.Admin);
        var id = await TestData.UserIdAsync(a, email);
        var deactivated = await admin.PostAsync($"/api/v1/users/{id}/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.True((await Json.ReadAsync(deactivated)).GetProperty("deactivated").GetBoolean());

        await Eventually(async () => (await token.GetAsync("/api/v1/me/interviews")).StatusCode == HttpStatusCode.Unauthorized);
        var page = await cookie.GetAsync("/Interviews/Mine");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/me/interviews")).StatusCode);

        // Sign-in is refused on both instances; the reason only for someone who knows the password.
        var anonymous = a.CreateClient();
        var right = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(LoginGuard.Deactivated, (await Json.ReadAsync(right)).GetProperty("detail").GetString());
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not-the-password-at-all" });
        Assert.Equal(LoginGuard.WrongCredentials, (await Json.ReadAsync(wrong)).GetProperty("detail").GetString());
        await Assert.ThrowsAsync<InvalidOperationException>(() => b.BrowserClientAsync(email));

        var audit = await a.WithScopeAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "user.deactivate").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(id, entry.EntityId);
        Assert.DoesNotContain(email, (entry.Before ?? "") + entry.After, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{id}/reactivate", null)).StatusCode);
        var again = await b.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/me/interviews")).StatusCode);
    }

    [Fact]
    public async Task AdminCannotDeactivateThemselves_OrRemoveTheLastAdmin()
    {
        using var app = new TestApp();
        var admin = await app.ApiClientAsAsync(Roles.Admin);
        var adminId = await TestData.UserIdForRoleAsync(app, Roles.Admin);
        var self = await admin.PostAsync($"/api/v1/users/{adminId}/deactivate", null);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("your own account", (await Json.ReadAsync(self)).GetProperty("title").GetString(), StringComparison.Ordinal);

        // A second admin takes Admin from the first, so the second is the last active admin: they cannot drop it themselves,
        // and the service refuses to deactivate or demote the last admin whoever asks.
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = "second-admin@clinic.example", password = "Harbour-Lantern-58", roles = new[] { Roles.Admin } });
        var secondId = (await Json.ReadAsync(created)).GetProperty("id").GetString()!;
        var second = await app.ApiClientAsync("second-admin@clinic.example", "Harbour-Lantern-58");
        Assert.Equal(HttpStatusCode.OK, (await second.PutAsJsonAsync($"/api/v1/users/{adminId}/roles", new { roles = new[] { Roles.HR } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/users")).StatusCode); // the demoted admin's session ended
        var ownRole = await second.PutAsJsonAsync($"/api/v1/users/{secondId}/roles", new { roles = new[] { Roles.HR } });
        Assert.Equal(HttpStatusCode.Conflict, ownRole.StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserService>();
            var deactivate = await users.DeactivateAsync(secondId, byUserId: null);
            Assert.Equal("This is the last administrator", deactivate.Failure?.Title);
            var demote = await users.SetRolesAsync(secondId, [Roles.HR], byUserId: null);
            Assert.Equal("This is the last administrator", demote.Failure?.Title);
        }

        var unknownRole = await second.PutAsJsonAsync($"/api/v1/users/{adminId}/roles", new { roles = new[] { "Overlord" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.True((await Json.ReadAsync(unknownRole)).GetProperty("errors").TryGetProperty("roles", out _));
        var tooMany = await second.PutAsJsonAsync($"/api/v1/users/{adminId}/roles", new { roles = Enumerable.Repeat(Roles.HR, 101).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var audit = await app.WithScopeAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "user.roles").ToListAsync());
        Assert.Contains(audit, e => e.EntityId == adminId && e.After!.Contains(Roles.HR, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoleChange_EndsThePersonsSessions()
    {
        using var app = new TestApp();
        var email = Demo.EmailFor(Roles.Interviewer);
        var token = await app.ApiClientAsync(email);
        var cookie = await app.BrowserClientAsync(email);
        var admin = await app.ApiClientAsAsync(Roles.Admin);
        var id = await TestData.UserIdAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { Roles.Interviewer, Roles.HR } })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me/interviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.GetAsync("/Interviews/Mine")).StatusCode);
        var fresh = await app.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/candidates")).StatusCode); // the new HR role works after signing in again
    }

    [Fact]
    public async Task Logout_EndsTheSessionOnTheServer_SoAReplayedCookieOrTokenIsRefused()
    {
        using var app = new TestApp();
        var email = Demo.EmailFor(Roles.HR);
        var raw = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var cookies = await SignInRawAsync(raw, email);
        var other = await app.BrowserClientAsync(email); // another device of the same person

        var page = await SendAsync(raw, HttpMethod.Get, "/Interviews/Mine", cookies);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = (await Html.ParseAsync(page)).QuerySelector("form.signout input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var logout = await SendAsync(raw, HttpMethod.Post, "/Account/Logout", cookies, new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replayed = await SendAsync(raw, HttpMethod.Get, "/Interviews/Mine", cookies); // the cookie as it was before signing out
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/Account/Login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(raw, HttpMethod.Get, "/api/v1/me/interviews", cookies)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Interviews/Mine")).StatusCode); // only that session ended

        var api = await app.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me/interviews")).StatusCode);
    }

    [Fact]
    public async Task RefreshToken_WorksOnce()
    {
        using var app = new TestApp();
        var client = app.CreateClient();
        var login = await Json.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.EmailFor(Roles.HR), password = DemoAccounts.Password }));
        var refresh = login.GetProperty("refreshToken").GetString();

        var first = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);

        var renewed = app.CreateClient();
        renewed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Json.ReadAsync(first)).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/v1/me/interviews")).StatusCode);
        var old = app.CreateClient();
        old.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/me/interviews")).StatusCode);
    }

    [Fact]
    public async Task ForcedReset_OldPasswordStops_TheLinkSetsANewOneOnce()
    {
        using var app = new TestApp();
        var email = Demo.EmailFor(Roles.Interviewer);
        var token = await app.ApiClientAsync(email);
        var admin = await app.ApiClientAsAsync(Roles.Admin);
        var id = await TestData.UserIdAsync(app, email);
        var reset = await admin.PostAsync($"/api/v1/users/{id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var url = new Uri((await Json.ReadAsync(reset)).GetProperty("resetUrl").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me/interviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoAccounts.Password })).StatusCode);
        var audit = await app.WithScopeAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "user.reset-password").ToListAsync());
        Assert.DoesNotContain(audit, e => (e.After ?? "").Contains(url.Query, StringComparison.Ordinal));

        var person = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = (await Html.GetAsync(person, url.PathAndQuery)).QuerySelector<IHtmlFormElement>("form")!;
        var weak = await Html.ParseAsync(await Html.SubmitAsync(person, form, new() { ["Input.Password"] = "Summer2024!!", ["Input.Confirm"] = "Summer2024!!" }));
        Assert.Contains(PasswordRule.CommonMessage, weak.Body!.TextContent, StringComparison.Ordinal);
        const string NewPassword = "Lantern-Harbour-Orchid-7";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(person, form, new() { ["Input.Password"] = NewPassword, ["Input.Confirm"] = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = NewPassword })).StatusCode);

        var reused = await Html.ParseAsync(await Html.SubmitAsync(person, form, new() { ["Input.Password"] = "Another-Orchid-Lantern-8", ["Input.Confirm"] = "Another-Orchid-Lantern-8" }));
        Assert.Contains(Web.Pages.Account.ResetPasswordModel.LinkExpired, reused.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_DeactivatesAndShowsAResetLinkOnce()
    {
        using var app = new TestApp();
        var admin = await app.BrowserClientAsAsync(Roles.Admin);
        var id = await TestData.UserIdForRoleAsync(app, Roles.HR);
        var page = await Html.GetAsync(admin, "/Admin/Users");
        var deactivate = page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.QuerySelector($"input[name=userId][value='{id}']") is not null && f.TextContent.Contains("Deactivate", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(admin, deactivate, [])).StatusCode);
        page = await Html.GetAsync(admin, "/Admin/Users");
        Assert.Contains("is deactivated", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("tr"), r => r.TextContent.Contains(Demo.EmailFor(Roles.HR), StringComparison.Ordinal) && r.TextContent.Contains("Deactivated", StringComparison.Ordinal));

        var reset = page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.QuerySelector($"input[name=userId][value='{id}']") is not null && f.TextContent.Contains("Reset password", StringComparison.Ordinal));
        var shown = await Html.ParseAsync(await Html.SubmitAsync(admin, reset, []));
        Assert.Contains("/Account/ResetPassword?user=", shown.QuerySelector("input.reset-link")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.Null((await Html.GetAsync(admin, "/Admin/Users")).QuerySelector("input.reset-link"));
    }

    [Fact]
    public async Task PasswordRule_SaysWhy()
    {
        using var app = new TestApp();
        var admin = await app.ApiClientAsAsync(Roles.Admin);
        async Task<string> RefusedAsync(string password)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/users", new { email = $"p{Guid.NewGuid():N}@clinic.example", password, roles = new[] { Roles.HR } });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return string.Join(" ", (await Json.ReadAsync(response)).GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        }

        Assert.Contains("at least 12 characters", await RefusedAsync("Sh0rt!pass"), StringComparison.Ordinal);
        Assert.Contains("list of commonly used passwords", await RefusedAsync("Password2024!"), StringComparison.Ordinal);
        Assert.Contains("list of commonly used passwords", await RefusedAsync("P@SSW0RD123456"), StringComparison.Ordinal);
        Assert.Contains("list of commonly used passwords", await RefusedAsync("qwertyuiop1234"), StringComparison.Ordinal);
        Assert.Contains("list of commonly used passwords", await RefusedAsync("123456789012"), StringComparison.Ordinal);
        var fine = await admin.PostAsJsonAsync("/api/v1/users", new { email = "fine@clinic.example", password = "correct horse battery", roles = new[] { Roles.HR } });
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);

        Assert.Null(PasswordRule.Check(DemoAccounts.Password));
        foreach (var bench in new[] { "Bench!Pass1-admin", "Bench!Pass1-interviewer", "Bench!Pass1-rater" })
        {
            Assert.Null(PasswordRule.Check(bench));
        }
    }

    [Fact]
    public async Task ApiSignInOverPlainHttp_WithSecureOnly_IsRefusedWithAReason()
    {
        using var app = new TestApp(settings: new() { ["Security:Cookies:SecureOnly"] = "true" });
        var response = await app.CreateClient(new() { BaseAddress = new Uri("http://localhost") })
            .PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.EmailFor(Roles.HR), password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("HTTPS required", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("accessToken", problem.ToString(), StringComparison.Ordinal);

        var https = await app.CreateClient(new() { BaseAddress = new Uri("https://localhost") })
            .PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.EmailFor(Roles.HR), password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
    }

    [Fact]
    public void CookieLifetime_IsBounded_AndConfigurable()
    {
        IConfiguration With(string? minutes) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Security:Cookies:LifetimeMinutes"] = minutes }).Build();
        Assert.Equal(TimeSpan.FromMinutes(CookieLifetime.DefaultMinutes), CookieLifetime.From(With(null)));
        Assert.Equal(TimeSpan.FromMinutes(15), CookieLifetime.From(With("15")));
        Assert.Equal(CookieLifetime.Maximum, CookieLifetime.From(With("100000")));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The session was still accepted after 30 s.");
            await Task.Delay(250);
        }
    }

    /// <summary>Signs in through the login form by hand and returns the Cookie header a browser would then send.</summary>
    private static async Task<string> SignInRawAsync(HttpClient raw, string email)
    {
        var login = await raw.GetAsync("/Account/Login");
        var antiforgery = CookiesFrom(login);
        var token = (await Html.ParseAsync(login)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedIn = await SendAsync(raw, HttpMethod.Post, "/Account/Login", antiforgery, new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = token,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return antiforgery + "; " + CookiesFrom(signedIn);
    }

    private static string CookiesFrom(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string cookies, Dictionary<string, string>? form = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookies);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        return client.SendAsync(request);
    }
}
