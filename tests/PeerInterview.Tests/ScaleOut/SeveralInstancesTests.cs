using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Interviews;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Tests.ScaleOut;

/// <summary>
/// Two app instances on real Kestrel ports over one PostgreSQL database, as behind a load balancer: what one issues
/// (bearer token, sign-in cookie) the other accepts, and what one writes the other shows.
/// </summary>
[Trait("Provider", "Postgres")]
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task TwoInstancesOverOneDatabase_AcceptEachOthersTokensAndCookies_AndShareLiveProgress()
    {
        // The scenario is set up in-process over the database; A and B are two more instances on real ports.
        using var setup = new TestApp();
        var s = await TestData.ScenarioAsync(setup);
        var interview = await SchedulingApiTests.ScheduledAsync(setup, s);
        var id = interview.GetProperty("id").GetInt32();
        var card = interview.GetProperty("scorecards").EnumerateArray()
            .First(c => c.GetProperty("interviewerId").GetString() == s.InterviewerId).GetProperty("id").GetInt32();
        var item = await setup.WithScopeAsync(db => db.KitItems.Where(i => i.KitVersionId == s.Kit.VersionId).OrderBy(i => i.Order).Select(i => i.Id).FirstAsync());
        using var first = TestApp.SharingDatabaseOf(setup);
        using var second = TestApp.SharingDatabaseOf(setup);
        var a = Start(first);
        var b = Start(second);
        Assert.NotEqual(a.Port, b.Port);

        // (a) A bearer token issued by A works on B; a token B cannot read does not.
        using var managerOnB = new HttpClient { BaseAddress = b };
        managerOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(a, Demo.EmailFor(Roles.HiringManager)));
        using var forgedOnB = new HttpClient { BaseAddress = b };
        forgedOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8" + new string('A', 200));
        var before = await managerOnB.GetAsync($"/api/v1/interviews/{id}/progress");
        var forged = await forgedOnB.GetAsync($"/api/v1/interviews/{id}/progress");

        // (b) A cookie from signing in through A's login page is accepted by B; without it B sends people to sign in.
        var cookies = new CookieContainer();
        using var browserOnA = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = a };
        var login = await Html.GetAsync(browserOnA, "/Account/Login");
        var signIn = await Html.SubmitAsync(browserOnA, login.QuerySelector<IHtmlFormElement>("form")!, new()
        {
            ["Input.Email"] = Demo.EmailFor(Roles.HiringManager),
            ["Input.Password"] = DemoAccounts.Password,
        });
        using var browserOnB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = b };
        using var strangerOnB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = b };
        var pageOnB = await browserOnB.GetAsync($"/Interviews/{id}");
        var strangerPage = await strangerOnB.GetAsync($"/Interviews/{id}");

        // (c) An autosave made through A shows in the live panel progress read through B.
        using var interviewerOnA = new HttpClient { BaseAddress = a };
        interviewerOnA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(a, Demo.EmailFor(Roles.Interviewer)));
        var saved = await interviewerOnA.PutAsJsonAsync($"/api/v1/scorecards/{card}/ratings/{item}", new { value = 4, notObserved = false, notes = "Named the crisis line.", version = 0 });
        var after = await managerOnB.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/interviews/{id}/progress");

        // Both instances run in this one process (and could share a key folder on disk): check the keys come from the database.
        var storedKeys = await setup.WithScopeAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        var keysOfA = first.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId.ToString()).Order().ToList();
        var keysOfB = second.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId.ToString()).Order().ToList();
        Assert.NotEmpty(keysOfA);
        Assert.Equal(keysOfA, keysOfB);
        Assert.All(keysOfA, id => Assert.Contains(storedKeys, xml => xml.Contains($"id=\"{id}\"", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageOnB.StatusCode);
        Assert.Contains("data-panel-progress", await pageOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, strangerPage.StatusCode);
        Assert.Contains("/Account/Login", strangerPage.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(0, Row(await Json.ReadAsync(before), card).GetProperty("itemsRated").GetInt32());
        Assert.Equal(1, Row(after, card).GetProperty("itemsRated").GetInt32());
    }

    /// <summary>Starts the app on a free Kestrel port and returns its address.</summary>
    private static Uri Start(TestApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    private static async Task<string> TokenAsync(Uri instance, string email)
    {
        using var client = new HttpClient { BaseAddress = instance };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoAccounts.Password });
        response.EnsureSuccessStatusCode();
        return (await Json.ReadAsync(response)).GetProperty("accessToken").GetString()!;
    }

    private static System.Text.Json.JsonElement Row(System.Text.Json.JsonElement progress, int scorecardId) =>
        progress.GetProperty("panel").EnumerateArray().First(p => p.GetProperty("scorecardId").GetInt32() == scorecardId);
}
