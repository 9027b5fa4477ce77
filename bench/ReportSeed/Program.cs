// Data generator for bench/report.sh: through the public API only (so every row goes through the real schema and the
// real submit rules), as the bootstrap admin, it creates a published kit of --items questions covering every
// competency, --raters interviewer accounts, a position with --candidates candidates, one interview each with the whole
// panel, and has every rater rate every item (1–5 around the candidate's own level, ~3% not observed, evidence on
// every rating, an occasional red flag), recommend and submit. Prints "positionId candidateId" on stdout.
//
//     dotnet run -c Release --project bench/ReportSeed -- --base-url http://127.0.0.1:5199 \
//         --admin-email a@b.test --admin-password '...' [--candidates 200] [--raters 3] [--items 20] [--parallel 6]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AutosaveLoad;

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => args[x.i + 1], StringComparer.Ordinal);
string Opt(string name, string? fallback = null) => options.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");
var candidates = int.Parse(Opt("candidates", "200"), CultureInfo.InvariantCulture);
var raterCount = int.Parse(Opt("raters", "3"), CultureInfo.InvariantCulture);
var itemCount = int.Parse(Opt("items", "20"), CultureInfo.InvariantCulture);
var parallel = int.Parse(Opt("parallel", "6"), CultureInfo.InvariantCulture);
const string RaterPassword = "Bench!Pass1-rater";
string[] interviewerRole = ["Interviewer"];
var ct = CancellationToken.None;

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 32, AutomaticDecompression = DecompressionMethods.None, UseCookies = false };
using var http = new HttpClient(handler) { BaseAddress = new Uri(Opt("base-url")), Timeout = TimeSpan.FromSeconds(60) };
var clock = Stopwatch.StartNew();
var admin = await ApiClient.SignInAsync(http, Opt("admin-email"), Opt("admin-password"), ct);
var tag = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

// --- kit: round-robin over the competencies (hurdles first) until --items questions ---------------------------------
var competencies = (await admin.GetAsync("/api/v1/competencies", ct)).AsArray()
    .Where(c => !c!["isRetired"]!.GetValue<bool>())
    .OrderByDescending(c => c!["isHurdle"]!.GetValue<bool>())
    .Select(c => c!["code"]!.GetValue<string>())
    .ToList();
var pools = new Dictionary<string, Queue<int>>();
foreach (var code in competencies)
{
    var page = await admin.GetAsync($"/api/v1/questions?competency={Uri.EscapeDataString(code)}&status=active&pageSize=10", ct);
    pools[code] = new Queue<int>(page["items"]!.AsArray().Select(q => q!["id"]!.GetValue<int>()));
}

var chosen = new List<int>();
while (chosen.Count < itemCount && pools.Values.Any(p => p.Count > 0))
{
    foreach (var code in competencies)
    {
        if (chosen.Count < itemCount && pools[code].Count > 0 && pools[code].Dequeue() is var id && !chosen.Contains(id))
        {
            chosen.Add(id);
        }
    }
}

var kit = await admin.PostAsync("/api/v1/kits", new { name = $"Report bench kit {tag}", role = "Peer Support Specialist", targetMinutes = 90 }, ct);
var kitId = kit["kitId"]!.GetValue<int>();
for (var i = 0; i < chosen.Count; i++)
{
    await admin.PostAsync($"/api/v1/kits/{kitId}/items", new { questionId = chosen[i], section = i < chosen.Count / 2 ? "Opening" : "Lived experience", minutes = 4 }, ct);
}

var versionId = (await admin.PostAsync($"/api/v1/kits/{kitId}/publish", new { }, ct))["versionId"]!.GetValue<int>();
Console.Error.WriteLine($"[seed] kit {kitId} version {versionId}: {chosen.Count} items");

// --- raters, position, candidates, interviews -----------------------------------------------------------------------
var raters = new List<(string Id, ApiClient Api)>();
for (var r = 1; r <= raterCount; r++)
{
    var email = $"bench-rater-{tag}-{r}@bench.test";
    var user = await admin.PostAsync("/api/v1/users", new { email, password = RaterPassword, roles = interviewerRole, displayName = $"Bench Rater {r}" }, ct);
    raters.Add((user["id"]!.GetValue<string>(), await ApiClient.SignInAsync(http, email, RaterPassword, ct)));
}

var positionId = (await admin.PostAsync("/api/v1/positions", new { title = $"Peer Support Specialist (report bench {tag})", kitId }, ct))["id"]!.GetValue<int>();
var scheduledAt = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
var interviews = new (int CandidateId, Dictionary<string, int> Cards)[candidates];
await Parallel.ForEachAsync(Enumerable.Range(0, candidates), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (n, token) =>
{
    var candidate = await admin.PostAsync("/api/v1/candidates", new { name = $"Bench Candidate {n + 1:D3}", email = $"bench-{tag}-{n + 1:D3}@example.org", positionId }, token);
    var interview = await admin.PostAsync("/api/v1/interviews", new
    {
        candidateId = candidate["id"]!.GetValue<int>(),
        kitVersionId = versionId,
        scheduledAt,
        interviewerIds = raters.Select(r => r.Id).ToArray(),
    }, token);
    interviews[n] = (candidate["id"]!.GetValue<int>(), interview["scorecards"]!.AsArray()
        .ToDictionary(s => s!["interviewerId"]!.GetValue<string>(), s => s!["id"]!.GetValue<int>(), StringComparer.Ordinal));
});
Console.Error.WriteLine($"[seed] position {positionId}: {candidates} candidates and interviews after {clock.Elapsed.TotalSeconds:F0} s");

// --- every rater scores every candidate and submits -----------------------------------------------------------------
string[] phrases =
[
    "Described a specific time they sat with someone in crisis and what they said first.",
    "Named their own recovery boundaries and how they check in with a supervisor.",
    "Gave a general answer; when asked for an example, talked about a friend rather than a peer.",
    "Walked through a warm handoff to a clinician, including what they told the person.",
    "Used person-first language throughout and asked what the person wanted from the plan.",
];
var work = interviews.SelectMany((iv, n) => raters.Select((r, k) => (Candidate: n, Rater: k))).ToList();
var done = 0;
await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (job, token) =>
{
    var (api, raterId) = (raters[job.Rater].Api, raters[job.Rater].Id);
    var card = interviews[job.Candidate].Cards[raterId];
    var random = new Random((job.Candidate * 31) + job.Rater);
    var level = 2.6 + (new Random(job.Candidate).NextDouble() * 2.2); // the candidate's own level, shared by raters
    var view = await api.GetAsync($"/api/v1/scorecards/{card}", token);
    foreach (var item in view["items"]!.AsArray())
    {
        var notObserved = random.NextDouble() < 0.03;
        int? value = notObserved ? null : Math.Clamp((int)Math.Round(level + ((random.NextDouble() - 0.5) * 2.2)), 1, 5);
        await api.RequireAsync(HttpMethod.Put, $"/api/v1/scorecards/{card}/ratings/{item!["kitItemId"]!.GetValue<int>()}",
            new { value, notObserved, notes = phrases[random.Next(phrases.Length)], version = 0 }, token);
    }

    if (random.NextDouble() < 0.06 && view["globalRedFlags"]!.AsArray().FirstOrDefault() is { } flag)
    {
        await api.RequireAsync(HttpMethod.Put, $"/api/v1/scorecards/{card}/red-flags/{flag["key"]!.GetValue<string>()}",
            new { @checked = true, evidence = "Spoke about a former client by name.", version = 0 }, token);
    }

    var version = (await api.GetAsync($"/api/v1/scorecards/{card}", token))["version"]!.GetValue<int>();
    var recommendation = level switch { < 3 => "No", < 3.6 => "Yes", < 4.3 => "Yes", _ => "StrongYes" };
    await api.RequireAsync(HttpMethod.Put, $"/api/v1/scorecards/{card}", new { recommendation, summary = "Summary for the panel discussion.", version }, token);
    await api.RequireAsync(HttpMethod.Post, $"/api/v1/scorecards/{card}/submit", new { }, token);
    if (Interlocked.Increment(ref done) % 100 == 0)
    {
        Console.Error.WriteLine($"[seed] {done} of {work.Count} scorecards submitted after {clock.Elapsed.TotalSeconds:F0} s");
    }
});

Console.Error.WriteLine($"[seed] done in {clock.Elapsed.TotalSeconds:F0} s: {candidates} candidates × {raterCount} raters × {chosen.Count} items");
Console.WriteLine($"{positionId} {interviews[0].CandidateId}");
