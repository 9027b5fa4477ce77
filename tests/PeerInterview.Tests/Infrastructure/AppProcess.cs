using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Tests.Infrastructure;

/// <summary>
/// The app as a real, separate process (<c>dotnet PeerInterview.Web.dll</c>) on a real port over its own SQLite file:
/// for tests that kill it, restart it, or run its command-line verbs (backup, restore).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private AppProcess(Process process, ConcurrentQueue<string> output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The web project's build output, in the same configuration (Debug/Release) as this test assembly.</summary>
    public static string WebDll { get; } = FindWebDll();

    /// <summary>Starts the app on a free port over <paramref name="databasePath"/> and waits until /healthz answers.</summary>
    public static async Task<AppProcess> StartAsync(string databasePath, IDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var output = new ConcurrentQueue<string>();
        var start = StartInfo(databasePath, settings, []);
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        var process = Start(start, output);
        var app = new AppProcess(process, output, address);

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting:\n{app.Output}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await app.DisposeAsync();
                throw new TimeoutException($"The app did not answer /healthz within 60 s:\n{app.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs a command-line verb (<c>backup</c>, <c>restore</c>) against <paramref name="databasePath"/>; returns exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunCommandAsync(string databasePath, params string[] args) =>
        RunCommandAsync(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={databasePath}" }, args);

    /// <summary>Runs a command-line verb with these settings (for instance another database provider).</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IDictionary<string, string?> settings, params string[] args)
    {
        var output = new ConcurrentQueue<string>();
        using var process = Start(StartInfo(null, settings, args), output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within 60 s:\n{string.Join('\n', output)}");
        }

        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, string.Join('\n', output));
    }

    /// <summary>SIGKILL on Linux (the whole process tree): no shutdown hooks, no flushing, like a power cut for the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client with a bearer token from POST /api/v1/auth/login.</summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password = DemoAccounts.Password)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>A copy of the seeded template database (migrated, demo users, seed documents) at a new temp path.</summary>
    public static string SeededDatabaseCopy()
    {
        var path = Path.Combine(Path.GetTempPath(), $"peerinterview-proc-{Guid.NewGuid():N}.db");
        File.Copy(SeededTemplate.Path, path);
        return path;
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(path + suffix);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static ProcessStartInfo StartInfo(string? databasePath, IDictionary<string, string?>? settings, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "src", "PeerInterview.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Default"] = databasePath is null ? null : $"Data Source={databasePath}",
            ["Seed__DemoData"] = "true",
            ["Seed__Folder"] = RepoPaths.SeedData,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static Process Start(ProcessStartInfo start, ConcurrentQueue<string> output)
    {
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler keep = (sender, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            while (output.Count > 200 && output.TryDequeue(out _))
            {
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindWebDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name; // net10.0
        var candidates = new[]
        {
            Path.Combine(RepoPaths.Root, "src", "PeerInterview.Web", "bin", configuration, framework, "PeerInterview.Web.dll"),
            Path.Combine(AppContext.BaseDirectory, "PeerInterview.Web.dll"),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("Build the web project first; looked for " + string.Join(", ", candidates));
    }

    private sealed record TokenResponse(string AccessToken);
}
