using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Web.Data;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Tests.Infrastructure;

/// <summary>
/// One app per test over its own database (a SQLite file copied from a database seeded once per test run, or on
/// PostgreSQL a database created from a seeded template: see <see cref="TestDatabase"/>), so tests are isolated
/// without reset tooling and still run against a real database.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly string? _databasePath;
    private readonly string? _ownedPostgres;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IWebHostBuilder>? _configure;

    static TestApp()
    {
        // Hundreds of short-lived apps each watching appsettings*.json exhaust the per-user inotify limit on a busy
        // machine; tests never edit those files. The other watchers (asp-append-version watches wwwroot files) poll
        // instead of taking an inotify instance each, so parallel test runs on one machine cannot run out either.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <param name="configure">Extra host set-up for one test, after the settings (e.g. app configuration or services).</param>
    public TestApp(bool seeded = true, Dictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
        : this(seeded, settings, shareWith: null, configure)
    {
    }

    private TestApp(bool seeded, Dictionary<string, string?>? settings, TestApp? shareWith, Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        if (shareWith is not null)
        {
            ConnectionString = shareWith.ConnectionString;
        }
        else if (TestDatabase.IsPostgres)
        {
            _ownedPostgres = TestDatabase.CreatePostgres(seeded);
            ConnectionString = _ownedPostgres;
        }
        else
        {
            _databasePath = Path.Combine(Path.GetTempPath(), $"peerinterview-test-{Guid.NewGuid():N}.db");
            if (seeded)
            {
                File.Copy(SeededTemplate.Path, _databasePath);
            }

            ConnectionString = $"Data Source={_databasePath};Pooling=False";
        }

        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider,
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Seed:DemoData"] = "true",
            ["Seed:Folder"] = RepoPaths.SeedData,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // The suite signs in hundreds of times; the rate-limit tests set a low limit of their own.
            ["Security:LoginRateLimit:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    /// <summary>A second app instance over the same database as <paramref name="other"/> (which keeps owning it).</summary>
    public static TestApp SharingDatabaseOf(TestApp other, Dictionary<string, string?>? settings = null) => new(seeded: false, settings, other);

    /// <summary>"Sqlite" or "Postgres": the provider this test run uses.</summary>
    public static string Provider => TestDatabase.Provider;

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        _configure?.Invoke(builder);
    }

    public T WithScope<T>(Func<AppDbContext, T> action)
    {
        using var scope = Services.CreateScope();
        return action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithScopeAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>An API client signed in with a bearer token from POST /api/v1/auth/login.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password = DemoAccounts.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> ApiClientAsAsync(string role) => ApiClientAsync(Demo.EmailFor(role));

    /// <summary>A browser-like client (cookies, no auto-redirect) signed in through the real login form.</summary>
    public async Task<HttpClient> BrowserClientAsync(string email, string password = DemoAccounts.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await Html.GetAsync(client, "/Account/Login");
        var response = await Html.SubmitAsync(client, login.QuerySelector<IHtmlFormElement>("form")!, new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException($"Login as {email} failed with {(int)response.StatusCode}.");
        }

        return client;
    }

    public Task<HttpClient> BrowserClientAsAsync(string role) => BrowserClientAsync(Demo.EmailFor(role));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownedPostgres is not null)
        {
            TestDatabase.DropPostgres(_ownedPostgres);
        }

        if (_databasePath is null)
        {
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(_databasePath + suffix);
            }
            catch (IOException)
            {
                // Best effort: a temp file left behind harms nothing.
            }
        }
    }

    private sealed record TokenResponse(string AccessToken);
}

public static class Demo
{
    public static string EmailFor(string role) => DemoAccounts.All.First(a => a.Role == role).Email;
}

/// <summary>A database migrated and seeded once per test run; each <see cref="TestApp"/> starts from a copy.</summary>
internal static class SeededTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Template.Value;

    private static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"peerinterview-template-{Guid.NewGuid():N}.db");
        using (var app = new TemplateApp(path))
        {
            _ = app.Services; // starting the host migrates and seeds
        }

        // Fold the WAL into the main file so a plain file copy is complete.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    private sealed class TemplateApp(string path) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={path};Pooling=False");
            builder.UseSetting("Seed:DemoData", "true");
            builder.UseSetting("Seed:Folder", RepoPaths.SeedData);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedData => Path.Combine(Root, "seed-data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeerInterview.sln")) && Directory.Exists(Path.Combine(dir.FullName, "seed-data")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (PeerInterview.sln) above " + AppContext.BaseDirectory);
    }
}

/// <summary>Parses pages with AngleSharp and submits their real forms, antiforgery token included.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode}.");
        }

        return await ParseAsync(response);
    }

    /// <summary>Parses a response, keeping its address so forms without an action post back to the same page.</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        return (IHtmlDocument)await Context.OpenAsync(r => r.Content(html).Address(address));
    }

    /// <summary>Posts a form with its current field values, overridden by <paramref name="values"/>, as if <paramref name="submitterName"/> (a button's name or text) was clicked.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, Dictionary<string, string> values, string? submitterName = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "file"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked && !values.ContainsKey(input.Name))
                        {
                            fields.Add(new(input.Name, input.Value));
                        }
                    }
                    else if (!values.ContainsKey(input.Name))
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !values.ContainsKey(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !values.ContainsKey(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action");

        // Like a browser: the clicked button's formaction (a Razor Pages handler) wins over the form's action.
        var submitter = submitterName is null ? null : form.Elements.OfType<IHtmlButtonElement>()
            .FirstOrDefault(b => b.Name == submitterName || b.TextContent.Trim() == submitterName)
            ?? throw new InvalidOperationException($"The form has no button \"{submitterName}\".");
        if (submitter?.GetAttribute("formaction") is { Length: > 0 } formAction)
        {
            action = formAction;
        }

        if (!string.IsNullOrEmpty(submitter?.Name))
        {
            fields.Add(new(submitter.Name, submitter.Value));
        }

        var url = string.IsNullOrEmpty(action) ? new Uri(form.Owner!.Url).PathAndQuery : action;
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
