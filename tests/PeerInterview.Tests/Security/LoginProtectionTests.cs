using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Tests.Security;

public class LoginProtectionTests
{
    private const string Locked = "This account is locked after too many failed sign-in attempts. Try again in 10 minutes.";

    [Fact]
    public async Task LoginPage_LocksTheAccountAfterFiveFailures_AndThenRefusesTheRightPassword()
    {
        using var app = new TestApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var email = Demo.EmailFor(Roles.HR);

        var messages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            messages.Add(await PageErrorAsync(client, email, "wrong-password"));
        }

        var rightPassword = await PostLoginFormAsync(client, email, DemoAccounts.Password);
        var rightPasswordPage = await Html.ParseAsync(rightPassword);

        Assert.All(messages.Take(4), m => Assert.Equal("The email or password is not right.", m));
        Assert.Equal(Locked, messages[4]);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode); // the form again, not a redirect into the app
        Assert.Equal(Locked, rightPasswordPage.QuerySelector(".errors li")!.TextContent.Trim());
        Assert.DoesNotContain(rightPassword.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("PeerInterview.Auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiLogin_LocksTheAccountAfterFiveFailures_WithTheSameMessage()
    {
        using var app = new TestApp();
        var client = app.CreateClient();
        var email = Demo.EmailFor(Roles.Interviewer);

        for (var i = 0; i < 4; i++)
        {
            var failed = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong" }));
            Assert.Equal("The email or password is not right.", failed);
        }

        var fifth = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong" }));
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoAccounts.Password });

        Assert.Equal(Locked, fifth);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(Locked, await ProblemAsync(right));
        Assert.True(app.WithScope(db => db.Users.Single(u => u.Email == email).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(9)));
    }

    [Fact]
    public async Task UnknownEmail_GetsTheSameAnswersAsARealAccount_SoLockoutRevealsNothing()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        async Task<List<string>> SixFailuresAsync(string email)
        {
            var answers = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                answers.Add(await ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong" })));
            }

            return answers;
        }

        var real = await SixFailuresAsync(Demo.EmailFor(Roles.Admin));
        var unknown = await SixFailuresAsync("nobody@nowhere.example");
        var pageForUnknown = await PageErrorAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "nobody@nowhere.example", "anything");

        Assert.Equal(real, unknown);
        Assert.Equal(Locked, unknown[4]);
        Assert.Equal(Locked, unknown[5]);
        Assert.Equal(Locked, pageForUnknown);
    }

    [Fact]
    public async Task LoginPosts_OverTheLimit_Get429WithRetryAfter_ProblemDetailsForTheApi_AndAReadablePageForTheForm()
    {
        using var app = new TestApp(settings: new()
        {
            ["Security:LoginRateLimit:PermitLimit"] = "3",
            ["Security:LoginRateLimit:WindowSeconds"] = "120",
        });
        var api = app.CreateClient();
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = (await Html.GetAsync(browser, "/Account/Login")).QuerySelector<IHtmlFormElement>("form")!;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await api.PostAsJsonAsync("/api/v1/auth/login", new { email = $"guess{i}@example.org", password = "wrong" })).StatusCode);
        }

        var apiRefused = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.EmailFor(Roles.HR), password = DemoAccounts.Password });
        var formRefused = await Html.SubmitAsync(browser, form, new() { ["Input.Email"] = Demo.EmailFor(Roles.HR), ["Input.Password"] = DemoAccounts.Password });
        var loginPageStillShows = await browser.GetAsync("/Account/Login");
        var problem = await Json.ReadAsync(apiRefused);
        var page = await Html.ParseAsync(formRefused);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, apiRefused.StatusCode);
        Assert.Equal("application/problem+json", apiRefused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("Too many sign-in attempts from this network. Wait ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = apiRefused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 120);

        Assert.Equal(HttpStatusCode.TooManyRequests, formRefused.StatusCode);
        Assert.NotNull(formRefused.Headers.RetryAfter?.Delta);
        Assert.Equal("Too many sign-in attempts", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Wait ", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, loginPageStillShows.StatusCode);
    }

    [Fact]
    public async Task RateLimit_DoesNotTouchOtherEndpoints()
    {
        using var app = new TestApp(settings: new() { ["Security:LoginRateLimit:PermitLimit"] = "1" });
        var client = await app.ApiClientAsAsync(Roles.HR); // uses the one permitted login

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/competencies")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.org", password = "y" })).StatusCode);
    }

    /// <summary>
    /// DESIGN: nothing lives only in one instance's memory. Behind a load balancer an attacker's attempts land on every
    /// instance in turn; the lockout of an unknown email and the sign-in rate limit must still add up across them.
    /// </summary>
    [Fact]
    public async Task SignInLimits_AddUpAcrossInstances_AndStoreNoAddressOrEmail()
    {
        var limit = new Dictionary<string, string?> { ["Security:LoginRateLimit:PermitLimit"] = "6", ["Security:LoginRateLimit:WindowSeconds"] = "300" };
        using var first = new TestApp(settings: limit);
        using var second = TestApp.SharingDatabaseOf(first, limit);
        var instances = new[] { first.CreateClient(), second.CreateClient() };
        const string Nobody = "nobody@nowhere.example";

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            // A, B, A, B, A: no instance sees more than three failures, yet the fifth locks the email, as for a real account.
            answers.Add(await ProblemAsync(await instances[i % 2].PostAsJsonAsync("/api/v1/auth/login", new { email = Nobody, password = "wrong" })));
        }

        var sixthOnB = await ProblemAsync(await instances[1].PostAsJsonAsync("/api/v1/auth/login", new { email = Nobody, password = "wrong" }));
        var seventhOnA = await instances[0].PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.EmailFor(Roles.HR), password = DemoAccounts.Password });

        Assert.All(answers.Take(4), a => Assert.Equal("The email or password is not right.", a));
        Assert.Equal(Locked, answers[4]);
        Assert.Equal(Locked, sixthOnB);
        Assert.Equal(HttpStatusCode.TooManyRequests, seventhOnA.StatusCode); // six attempts allowed per address, over both instances
        Assert.NotNull(seventhOnA.Headers.RetryAfter?.Delta);

        var keys = first.WithScope(db => db.SignInCounters.Select(c => c.Key).ToList());
        Assert.Equal(2, keys.Count); // one for the address, one for the unknown email
        Assert.All(keys, k => Assert.Matches("^(address|email):[0-9A-F]{64}$", k));
        Assert.DoesNotContain(keys, k => k.Contains("nobody", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<HttpResponseMessage> PostLoginFormAsync(HttpClient client, string email, string password)
    {
        var form = (await Html.GetAsync(client, "/Account/Login")).QuerySelector<IHtmlFormElement>("form")!;
        return await Html.SubmitAsync(client, form, new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    private static async Task<string> PageErrorAsync(HttpClient client, string email, string password)
    {
        var response = await PostLoginFormAsync(client, email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).QuerySelector(".errors li")!.TextContent.Trim();
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("detail").GetString()!;
    }
}
