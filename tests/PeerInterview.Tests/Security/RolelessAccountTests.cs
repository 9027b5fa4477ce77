using AngleSharp.Dom;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Security;

/// <summary>
/// An account whose roles were all taken away can still sign in (Identity allows it) but must see nothing: no question bank,
/// no API, just a page that says why, and it can still sign out.
/// </summary>
public class RolelessAccountTests
{
    private const string Email = "no-role@example.org";
    private const string Password = "NoRole!Pass1";

    [Fact]
    public async Task AnAccountWithoutARole_IsRefusedEveryPageAndApi_ButCanSignOut()
    {
        using var app = new TestApp();
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { UserName = Email, Email = Email, EmailConfirmed = true }, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        using var browser = await app.BrowserClientAsync(Email, Password);
        foreach (var page in new[] { "/", "/Questions", "/Questions/Competencies", "/Interviews/Mine", "/Questions/Review" })
        {
            var response = await browser.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode}");
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var denied = await Html.GetAsync(browser, "/Account/AccessDenied");
        Assert.Contains("Your account has no role yet", denied.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(denied.QuerySelectorAll("nav a"), a => a.TextContent.Contains("Question bank", StringComparison.Ordinal));

        using var api = await app.ApiClientAsync(Email, Password);
        foreach (var url in new[] { "/api/v1/questions", "/api/v1/competencies", "/api/v1/kits", "/api/v1/positions" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(url)).StatusCode);
        }

        var signOut = denied.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.signout")!;
        var signedOut = await Html.SubmitAsync(browser, signOut, []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await browser.GetAsync("/Questions");
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactorSetup_IsClosed_BecauseTheSignInPageHasNoSecondStep()
    {
        using var app = new TestApp();
        using var api = await app.ApiClientAsAsync(Roles.Interviewer);
        var response = await api.PostAsync("/api/v1/auth/manage/2fa", new StringContent("{\"enable\": true, \"twoFactorCode\": \"000000\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Two-factor sign-in is not supported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Still a working account afterwards: the password still signs in to the page without a second step.
        using var browser = await app.BrowserClientAsAsync(Roles.Interviewer);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Interviews/Mine")).StatusCode);
    }
}
