using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Tests.Reliability;

/// <summary>
/// The app runs as its own process; an interviewer's page autosaves from several loops at once; the process is killed
/// with SIGKILL mid-stream and restarted on the same file. Every save the app had acknowledged (2xx) must be there.
/// </summary>
[Trait("Provider", "Sqlite")]
public class CrashRecoveryTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> DemoHiring = new() { ["Seed:DemoHiring"] = "true" };

    /// <summary>What one record last looked like when acknowledged, and what was on the wire when the process died.</summary>
    private sealed class Track
    {
        public JsonElement? Acked { get; set; }
        public int AckedVersion { get; set; }
        public object? InFlight { get; set; }
        public int Acks { get; set; }
    }

    [Fact]
    public async Task AcknowledgedAutosaves_SurviveSigkill_AndAreThereAfterRestart()
    {
        var database = AppProcess.SeededDatabaseCopy();
        try
        {
            int cardId;
            List<int> items;
            string flagKey;
            var ratings = new ConcurrentDictionary<int, Track>();
            var flag = new Track();
            var summary = new Track();

            await using (var app = await AppProcess.StartAsync(database, DemoHiring))
            {
                using var client = await app.ApiClientAsync(DemoAccounts.All.First(a => a.Role == Roles.Interviewer).Email);
                var mine = await client.GetJsonAsync("/api/v1/me/interviews");
                cardId = mine.GetProperty("next").GetProperty("scorecardId").GetInt32();
                var view = await client.GetJsonAsync($"/api/v1/scorecards/{cardId}");
                items = [.. view.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kitItemId").GetInt32())];
                flagKey = view.GetProperty("globalRedFlags")[0].GetProperty("key").GetString()!;
                Assert.True(items.Count >= 4, $"The demo kit has {items.Count} items.");

                // Three rating loops over disjoint items, one red-flag loop, one summary loop: concurrent writers.
                using var stop = new CancellationTokenSource();
                var loops = new List<Task>();
                for (var loop = 0; loop < 3; loop++)
                {
                    var mineItems = items.Where((_, i) => i % 3 == loop).ToList();
                    loops.Add(RatingLoopAsync(client, cardId, mineItems, ratings, loop, stop.Token));
                }

                loops.Add(FlagLoopAsync(client, cardId, flagKey, flag, stop.Token));
                loops.Add(SummaryLoopAsync(client, cardId, summary, stop.Token));

                // Let the stream run until every loop has had a good number of saves acknowledged, then pull the plug.
                var clock = Stopwatch.StartNew();
                while ((ratings.Values.Sum(t => t.Acks) < 30 || flag.Acks < 6 || summary.Acks < 6) && clock.Elapsed < TimeSpan.FromSeconds(20))
                {
                    await Task.Delay(50);
                }

                app.Kill();
                stop.Cancel();
                output.WriteLine($"Killed after {clock.Elapsed.TotalSeconds:F1} s: {ratings.Values.Sum(t => t.Acks)} rating, {flag.Acks} red-flag and {summary.Acks} summary saves acknowledged; " +
                    $"{ratings.Values.Count(t => t.InFlight is not null) + (flag.InFlight is null ? 0 : 1) + (summary.InFlight is null ? 0 : 1)} in flight.");
                await Task.WhenAll(loops);
                Assert.True(flag.Acks > 0 && summary.Acks > 0 && ratings.Values.Sum(t => t.Acks) > 0, $"Too few saves before the kill:\n{app.Output}");
            }

            await using (var restarted = await AppProcess.StartAsync(database, DemoHiring))
            {
                using var client = await restarted.ApiClientAsync(DemoAccounts.All.First(a => a.Role == Roles.Interviewer).Email);
                var view = await client.GetJsonAsync($"/api/v1/scorecards/{cardId}");

                foreach (var (itemId, track) in ratings)
                {
                    var saved = view.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kitItemId").GetInt32() == itemId).GetProperty("rating");
                    AssertAckedSurvived($"rating {itemId}", track, saved, "version", s => (s.GetProperty("value").GetInt32(), s.GetProperty("notes").GetString()));
                }

                var savedFlag = view.GetProperty("globalRedFlags").EnumerateArray().Single(f => f.GetProperty("key").GetString() == flagKey);
                AssertAckedSurvived("red flag", flag, savedFlag, "version", s => (s.GetProperty("checked").GetBoolean(), s.GetProperty("evidence").GetString()));
                AssertAckedSurvived("summary", summary, view, "version", s => s.GetProperty("summary").GetString());
            }
        }
        finally
        {
            AppProcess.DeleteDatabase(database);
        }
    }

    /// <summary>
    /// The saved record is the last acknowledged one, or — when the process died after committing but before answering —
    /// the one that was in flight (version one higher). Anything older means an acknowledged save was lost.
    /// </summary>
    private static void AssertAckedSurvived<T>(string what, Track track, JsonElement saved, string versionName, Func<JsonElement, T> valueOf)
    {
        var version = saved.GetProperty(versionName).GetInt32();
        if (track.Acked is not { } acked)
        {
            Assert.InRange(version, 0, 1);
            return;
        }

        if (version == track.AckedVersion)
        {
            Assert.Equal(valueOf(acked), valueOf(saved));
        }
        else
        {
            Assert.True(version == track.AckedVersion + 1, $"{what}: acknowledged version {track.AckedVersion} but version {version} is saved (a save was lost).");
            Assert.Equal(track.InFlight, (object?)valueOf(saved));
        }
    }

    private static async Task RatingLoopAsync(HttpClient client, int card, List<int> items, ConcurrentDictionary<int, Track> tracks, int loop, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var item = items[n % items.Count];
            var track = tracks.GetOrAdd(item, _ => new Track());
            var value = n % 5 + 1;
            var notes = $"loop {loop} save {n}: {new string('x', n % 300)}";
            track.InFlight = (value, notes);
            if (await SaveAsync(client, $"/api/v1/scorecards/{card}/ratings/{item}", new { value, notObserved = false, notes, version = track.AckedVersion }, track) is false)
            {
                return;
            }
        }
    }

    private static async Task FlagLoopAsync(HttpClient client, int card, string key, Track track, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var isChecked = n % 2 == 0;
            var evidence = $"flag evidence {n}";
            track.InFlight = (isChecked, evidence);
            if (await SaveAsync(client, $"/api/v1/scorecards/{card}/red-flags/{key}", new { @checked = isChecked, evidence, version = track.AckedVersion }, track) is false)
            {
                return;
            }
        }
    }

    private static async Task SummaryLoopAsync(HttpClient client, int card, Track track, CancellationToken stop)
    {
        // The scorecard's version starts at the one the page loaded.
        track.AckedVersion = (await client.GetJsonAsync($"/api/v1/scorecards/{card}")).GetProperty("version").GetInt32();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var text = $"summary draft {n}";
            track.InFlight = text;
            if (await SaveAsync(client, $"/api/v1/scorecards/{card}", new { recommendation = n % 2 == 0 ? "Yes" : "No", summary = text, version = track.AckedVersion }, track) is false)
            {
                return;
            }
        }
    }

    /// <summary>One autosave; on 2xx records it as acknowledged. False once the app is gone.</summary>
    private static async Task<bool> SaveAsync(HttpClient client, string url, object body, Track track)
    {
        HttpResponseMessage response;
        JsonElement saved;
        try
        {
            response = await client.PutAsJsonAsync(url, body);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"PUT {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            saved = await Json.ReadAsync(response);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return false; // the process died: this save was never acknowledged
        }

        track.Acked = saved;
        track.AckedVersion = saved.GetProperty("version").GetInt32();
        track.InFlight = null;
        track.Acks++;
        return true;
    }
}
