using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using PeerInterview.Web.Seeding;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Security;

public partial class SecurityHeadersTests
{
    public static TheoryData<string, bool> Urls => new()
    {
        { "/Account/Login", false },          // page, anonymous
        { "/Questions", false },              // page → login redirect
        { "/css/site.css", false },           // static file
        { "/sw.js", false },                  // the service worker script
        { "/no-such-page", false },           // re-executed error page (404)
        { "/api/v1/questions", false },       // API 401 problem details
        { "/api/v1/no-such-endpoint", false },
        { "/healthz", false },
        { "/Questions", true },               // signed-in page
        { "/api/v1/competencies", true },     // signed-in API answer (cookie)
        { "/Guide/999999", true },            // signed-in 404
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url, bool signedIn)
    {
        using var app = new TestApp();
        var client = signedIn ? await app.BrowserClientAsAsync(Roles.HiringManager) : app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("worker-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Candidates")]
    [InlineData("/api/v1/candidates")]
    [InlineData("/api/v1/me/interviews")]
    public async Task PersonalData_IsNeverCached(string url)
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HR);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task StaticFiles_StayCacheable()
    {
        using var app = new TestApp();

        var response = await app.CreateClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    /// <summary>The CSP allows no inline script or style, so the markup must not contain any (they would silently stop working).</summary>
    [Fact]
    public void PagesAndScripts_HaveNoInlineScriptsHandlersOrStyles()
    {
        var web = Path.Combine(RepoPaths.Root, "src", "PeerInterview.Web");
        var files = Directory.GetFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(web, "wwwroot"), "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)))
            .ToList();

        var problems = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(web, file);
            if (file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".html", StringComparison.Ordinal))
            {
                problems.AddRange(InlineScript().Matches(text).Select(m => $"{name}: inline <script> '{m.Value}'"));
                problems.AddRange(HandlerAttribute().Matches(text).Select(m => $"{name}: event handler attribute '{m.Value.Trim()}'"));
                problems.AddRange(StyleAttribute().Matches(text).Select(m => $"{name}: style attribute '{m.Value.Trim()}'"));
                problems.AddRange(StyleElement().Matches(text).Select(m => $"{name}: <style> element"));
            }
            else
            {
                problems.AddRange(ScriptInjection().Matches(text).Select(m => $"{name}: '{m.Value}' needs unsafe-eval or inline styles"));
            }

            problems.AddRange(JavascriptUrl().Matches(text).Select(m => $"{name}: javascript: URL"));
        }

        Assert.True(files.Count > 20, "the scan found the pages");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Tag helpers write markup too (the validation summary once wrote an inline style): scan what pages actually render.</summary>
    [Fact]
    public async Task RenderedPages_HaveNoInlineScriptsHandlersOrStyles_EvenWithValidationErrors()
    {
        using var app = new TestApp();
        var world = await World.CreateAsync(app);
        var admin = await app.BrowserClientAsAsync(Roles.Admin);
        var interviewer = await app.BrowserClientAsAsync(Roles.Interviewer);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var pages = (await EndpointInventory.DiscoverAsync(app)).Where(p => p.IsPage && p.Method == "GET" && p.Handler is null).ToList();

        var rendered = new List<(string Url, string Html)>();
        foreach (var probe in pages)
        {
            var url = EndpointInventory.Url(probe, world.Value);
            var client = probe.Pattern.StartsWith("/Scorecards", StringComparison.Ordinal) ? interviewer : admin;
            var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                rendered.Add((url, await response.Content.ReadAsStringAsync()));
            }
        }

        // Forms answered with validation errors (a property error under a model-only summary, and an "All" summary).
        var login = await Html.GetAsync(anonymous, "/Account/Login");
        var badLogin = await Html.SubmitAsync(anonymous, (AngleSharp.Html.Dom.IHtmlFormElement)login.QuerySelector("form")!, new() { ["Input.Email"] = "not-an-email", ["Input.Password"] = "" });
        rendered.Add(("POST /Account/Login (invalid)", await badLogin.Content.ReadAsStringAsync()));
        var kits = await Html.GetAsync(admin, "/Kits");
        var badKit = await Html.SubmitAsync(admin, (AngleSharp.Html.Dom.IHtmlFormElement)kits.QuerySelector("main form")!, new() { ["Input.Name"] = "" });
        rendered.Add(("POST /Kits (invalid)", await badKit.Content.ReadAsStringAsync()));

        var problems = rendered.SelectMany(r =>
            InlineScript().Matches(r.Html).Select(m => $"{r.Url}: {m.Value}")
                .Concat(HandlerAttribute().Matches(r.Html).Select(m => $"{r.Url}: {m.Value.Trim()}"))
                .Concat(StyleAttribute().Matches(r.Html).Select(m => $"{r.Url}: style attribute near '{Near(r.Html, m.Index)}'"))
                .Concat(StyleElement().Matches(r.Html).Select(_ => $"{r.Url}: <style>"))).ToList();

        Assert.True(rendered.Count >= 25, $"only {rendered.Count} pages rendered");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Near(string html, int index) => html.Substring(Math.Max(0, index - 40), Math.Min(80, html.Length - Math.Max(0, index - 40)));

    [Fact]
    public void SecureCookies_AreTheDefaultOutsideDevelopmentAndTesting()
    {
        var empty = new ConfigurationBuilder().Build();
        var forcedOff = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Security:Cookies:SecureOnly"] = "false" }).Build();

        Assert.True(SecuritySetup.SecureCookies(empty, new Env("Production")));
        Assert.True(SecuritySetup.SecureCookies(empty, new Env("Staging")));
        Assert.False(SecuritySetup.SecureCookies(empty, new Env("Development")));
        Assert.False(SecuritySetup.SecureCookies(empty, new Env("Testing")));
        Assert.False(SecuritySetup.SecureCookies(forcedOff, new Env("Production")));
    }

    [Fact]
    public async Task WithSecureCookies_AuthAndAntiforgeryCookiesAreHostPrefixedSecureHttpOnlyAndSameSite()
    {
        using var app = new TestApp(settings: new() { ["Security:Cookies:SecureOnly"] = "true" });
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var login = await client.GetAsync("/Account/Login");
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery", StringComparison.Ordinal));
        var posted = await Html.SubmitAsync(client, (AngleSharp.Html.Dom.IHtmlFormElement)(await Html.ParseAsync(login)).QuerySelector("form")!, new()
        {
            ["Input.Email"] = Demo.EmailFor(Roles.HR),
            ["Input.Password"] = DemoAccounts.Password,
        });
        var auth = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-PeerInterview.Auth=", StringComparison.Ordinal));
        var signedIn = await client.GetAsync("/Candidates"); // the cookies round-trip over https

        Assert.StartsWith("__Host-PeerInterview.Antiforgery=", antiforgery, StringComparison.Ordinal);
        AssertFlags(antiforgery, "samesite=strict");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        AssertFlags(auth, "samesite=lax");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.All(login.Headers.GetValues("Set-Cookie").Concat(posted.Headers.GetValues("Set-Cookie")), c =>
        {
            Assert.StartsWith("__Host-", c, StringComparison.Ordinal);
            AssertFlags(c, c.Contains("Antiforgery", StringComparison.Ordinal) ? "samesite=strict" : "samesite=lax");
        });
    }

    [Fact]
    public async Task InTesting_CookiesAreHttpOnlyAndSameSite_WithoutTheSecureFlag()
    {
        using var app = new TestApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await Html.GetAsync(client, "/Account/Login");

        var posted = await Html.SubmitAsync(client, (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form")!, new()
        {
            ["Input.Email"] = Demo.EmailFor(Roles.HR),
            ["Input.Password"] = DemoAccounts.Password,
        });

        var auth = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("PeerInterview.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertFlags(string cookie, string sameSite)
    {
        var flags = cookie.Split(';').Select(p => p.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", flags);
        Assert.Contains("httponly", flags);
        Assert.Contains(sameSite, flags);
        Assert.Contains("path=/", flags);
        Assert.DoesNotContain(flags, f => f.StartsWith("domain=", StringComparison.Ordinal));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();

    [GeneratedRegex(@"\beval\(|new Function\(|setAttribute\(\s*['""]style|\.cssText\b|setTimeout\(\s*['""]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptInjection();

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "PeerInterview.Web";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
