// Autosave load generator for bench/autosave.sh: sets up interviewers with one scorecard each through the API, then
// measures /healthz and the autosave PUT under the same closed-loop load, and checks that no write was lost.
//
//     dotnet run -c Release --project bench/AutosaveLoad -- --base-url http://127.0.0.1:5199 \
//         --admin-email a@b.test --admin-password '...' [--clients 64] [--seconds 30] [--health-seconds 10]
//         [--warmup-seconds 3] [--paced-seconds 30] [--app-pid PID] [--out bench/out/autosave]
//
// Writes results.json (all figures), expected.json (the last value each client saved, per item) and mismatches.json
// to --out, and prints a Markdown summary.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutosaveLoad;

var options = Options.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
Directory.CreateDirectory(options.Out);

using var handler = new SocketsHttpHandler
{
    // One keep-alive connection per concurrent client, as wrk -c does.
    MaxConnectionsPerServer = options.Clients * 2,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
};
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

var setupClock = Stopwatch.StartNew();
Log($"setup: kit, {options.Clients} interviewers, {options.Clients / 2} candidates and interviews");
var admin = await ApiClient.SignInAsync(http, options.AdminEmail, options.AdminPassword, ct);
var tag = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
var world = await Setup.CreateAsync(admin, options.Clients, options.ClientPassword, tag, ct);
var setupSeconds = setupClock.Elapsed.TotalSeconds;
Log($"setup done in {setupSeconds:F1} s: kit {world.KitId} version {world.KitVersionId} ({string.Join(", ", world.Competencies)}), {world.Seats.Count} scorecards");

Log("signing in every interviewer and opening their scorecard");
var interviewers = new Interviewer[world.Seats.Count];
await Parallel.ForEachAsync(world.Seats, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (seat, token) =>
{
    var api = await ApiClient.SignInAsync(http, seat.Email, options.ClientPassword, token);
    var interviewer = new Interviewer(seat, api);
    await interviewer.OpenAsync(token);
    interviewers[seat.Number - 1] = interviewer;
});
var healthClients = interviewers.Select(i => HealthStep(admin)).ToList();
var autosaveClients = interviewers.Select(i => (Func<CancellationToken, Task<Sample>>)i.AutosaveAsync).ToList();

var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
Log($"warm-up: {options.WarmupSeconds} s of /healthz, then {options.WarmupSeconds} s of autosave");
var healthWarmup = await LoadRun.RunAsync("healthz warm-up", healthClients, warmup, options.AppPid, ct);
var autosaveWarmup = await LoadRun.RunAsync("autosave warm-up", autosaveClients, warmup, options.AppPid, ct);

Log($"GET /healthz: {options.Clients} clients for {options.HealthSeconds} s");
var healthBefore = await LoadRun.RunAsync("GET /healthz", healthClients, TimeSpan.FromSeconds(options.HealthSeconds), options.AppPid, ct);
Log($"  {healthBefore.RequestsPerSecond} requests/s, p99 {healthBefore.P99} ms, {healthBefore.Errors} errors");

Log($"autosave PUT /api/v1/scorecards/{{id}}/ratings/{{kitItemId}}: {options.Clients} clients for {options.Seconds} s");
var autosave = await LoadRun.RunAsync("autosave", autosaveClients, TimeSpan.FromSeconds(options.Seconds), options.AppPid, ct);
Log($"  {autosave.RequestsPerSecond} requests/s, p50 {autosave.P50} ms, p99 {autosave.P99} ms, {autosave.Errors} errors");

Log($"GET /healthz again (drift check): {options.Clients} clients for {options.HealthSeconds} s");
var healthAfter = await LoadRun.RunAsync("GET /healthz (after)", healthClients, TimeSpan.FromSeconds(options.HealthSeconds), options.AppPid, ct);
Log($"  {healthAfter.RequestsPerSecond} requests/s, p99 {healthAfter.P99} ms");

// The issue's load is a closed loop (each client saves again the moment the last save answers). A person's page saves
// at most about once a second; this phase measures latency at that rate, 64 interviewers at once.
PhaseResult? paced = null;
if (options.PacedSeconds > 0)
{
    Log($"autosave paced at one save per second per client: {options.Clients} clients for {options.PacedSeconds} s");
    paced = await LoadRun.RunAsync("autosave, 1 save/s per client", autosaveClients, TimeSpan.FromSeconds(options.PacedSeconds), options.AppPid, ct, TimeSpan.FromSeconds(1));
    Log($"  {paced.RequestsPerSecond} requests/s, p50 {paced.P50} ms, p99 {paced.P99} ms, {paced.Errors} errors");
}

Log("verifying: every client reads its scorecard back");
var mismatches = new List<Mismatch>();
foreach (var interviewer in interviewers)
{
    mismatches.AddRange(await interviewer.VerifyAsync(ct));
}

var expected = interviewers.SelectMany(i => i.Expected).ToList();
var saves = interviewers.Sum(i => i.Saves);
var ratio = healthBefore.RequestsPerSecond == 0 ? 0 : Math.Round(autosave.RequestsPerSecond / healthBefore.RequestsPerSecond, 3);
var ratioAfter = healthAfter.RequestsPerSecond == 0 ? 0 : Math.Round(autosave.RequestsPerSecond / healthAfter.RequestsPerSecond, 3);

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
var results = new
{
    options.Clients,
    options.Seconds,
    options.HealthSeconds,
    options.WarmupSeconds,
    world.KitVersionId,
    KitItems = Setup.KitQuestions,
    world.Competencies,
    Scorecards = world.Seats.Count,
    Phases = new[] { healthWarmup, autosaveWarmup, healthBefore, autosave, healthAfter, paced }.OfType<PhaseResult>().ToArray(),
    SuccessfulSaves = saves,
    Resyncs = interviewers.Sum(i => i.Resyncs),
    ItemsVerified = expected.Count,
    LostWrites = mismatches.Count,
    AutosaveToHealthz = ratio,
    AutosaveToHealthzAfter = ratioAfter,
};
await File.WriteAllTextAsync(Path.Combine(options.Out, "results.json"), JsonSerializer.Serialize(results, json), ct);
await File.WriteAllTextAsync(Path.Combine(options.Out, "expected.json"), Interviewer.ToJson(expected).ToJsonString(json), ct);
await File.WriteAllTextAsync(Path.Combine(options.Out, "mismatches.json"), JsonSerializer.Serialize(mismatches, json), ct);

Console.WriteLine(Summary());
return autosave.Errors == 0 && (paced?.Errors ?? 0) == 0 && mismatches.Count == 0 ? 0 : 2;

string Summary()
{
    var lines = new List<string>
    {
        "| phase | clients | requests | requests/s | p50 | p95 | p99 | max | errors | per client (min–max) | app CPU per request | generator CPU | load average at start |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    };
    foreach (var p in new[] { healthBefore, autosave, healthAfter, paced }.OfType<PhaseResult>())
    {
        lines.Add(FormattableString.Invariant(
            $"| {p.Name} | {p.Clients} | {p.Requests:N0} | {p.RequestsPerSecond:N0} | {p.P50:F2} ms | {p.P95:F2} ms | {p.P99:F2} ms | {p.Max:F1} ms | {p.Errors}{Statuses(p)} | {p.MinPerClient:N0}–{p.MaxPerClient:N0} | {p.AppCpuMsPerRequest:F2} ms | {p.GeneratorCpuSeconds / p.Seconds:P0} of a core | {p.LoadAverageAtStart} |"));
    }

    lines.Add("");
    lines.Add(FormattableString.Invariant($"- autosave ÷ /healthz: **{ratio:F3}** (÷ the drift-check /healthz run: {ratioAfter:F3})"));
    lines.Add(FormattableString.Invariant($"- successful saves (warm-up included): {saves:N0}; items verified: {expected.Count} on {world.Seats.Count} scorecards; **lost writes: {mismatches.Count}**"));
    lines.Add(FormattableString.Invariant($"- setup through the API: {setupSeconds:F1} s; kit of {Setup.KitQuestions} questions ({string.Join(", ", world.Competencies)})"));
    foreach (var m in mismatches.Take(10))
    {
        lines.Add($"  - client {m.Client}, scorecard {m.ScorecardId}, item {m.KitItemId}: expected {m.Expected}, found {m.Actual}");
    }

    return string.Join('\n', lines);
}

static string Statuses(PhaseResult p) =>
    p.Errors == 0 ? "" : " (" + string.Join(", ", p.Statuses.Where(s => s.Key is not ("200" or "204")).Select(s => $"{s.Key}: {s.Value}")) + ")";

static Func<CancellationToken, Task<Sample>> HealthStep(ApiClient caller) => async token =>
{
    var response = await caller.SendAsync(HttpMethod.Get, "/healthz", null, token);
    return new Sample(response.Status, response.Milliseconds);
};

static void Log(string message) => Console.Error.WriteLine($"[autosave {DateTime.Now:HH:mm:ss}] {message}");

/// <summary>Command-line options; the defaults are the issue's numbers.</summary>
internal sealed record Options(
    string BaseUrl,
    string AdminEmail,
    string AdminPassword,
    string ClientPassword,
    int Clients,
    int Seconds,
    int HealthSeconds,
    int WarmupSeconds,
    int PacedSeconds,
    int? AppPid,
    string Out)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new Options(
            Required("base-url"),
            Required("admin-email"),
            Required("admin-password"),
            values.GetValueOrDefault("client-password", "Bench!Pass1-interviewer"),
            Number("clients", 64),
            Number("seconds", 30),
            Number("health-seconds", 10),
            Number("warmup-seconds", 3),
            Number("paced-seconds", 30),
            values.TryGetValue("app-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            values.GetValueOrDefault("out", Path.Combine("bench", "out", "autosave")));
    }
}
