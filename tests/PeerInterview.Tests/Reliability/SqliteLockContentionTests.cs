using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;

namespace PeerInterview.Tests.Reliability;

/// <summary>
/// Another connection (a backup, a second instance, a long import) holds SQLite's write lock for longer than the busy
/// timeout while a panel autosaves: every save must still succeed, none may answer "database is locked".
/// </summary>
[Trait("Provider", "Sqlite")]
public class SqliteLockContentionTests
{
    [Fact]
    public async Task Autosaves_WhileAnotherConnectionHoldsTheWriteLockPastTheBusyTimeout_AllSucceed()
    {
        // A one-second busy timeout, so the lock below outlasts it and only the retry can save the requests.
        using var app = new TestApp(settings: new() { ["Database:BusyTimeoutSeconds"] = "1" });
        var p = await ScoringSetup.PanelAsync(app);
        var path = app.WithScope(db => new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);

        await using var blocker = new SqliteConnection($"Data Source={path};Pooling=False");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var saves = new List<Task<HttpResponseMessage>>
        {
            p.A.RateAsync(p.CardA, p.Item1, 4, notes: "Held the lock test A1"),
            p.A.RateAsync(p.CardA, p.Item2, 2),
            p.B.RateAsync(p.CardB, p.Item1, 5, notes: "Held the lock test B1"),
            p.B.RateAsync(p.CardB, p.Item2, 3),
            p.A.SummaryAsync(p.CardA, "Yes", "Summary written while locked", 0),
            p.B.SummaryAsync(p.CardB, "No", "Second summary", 0),
        };
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        var responses = await Task.WhenAll(saves);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        for (var i = 0; i < responses.Length; i++)
        {
            Assert.True(responses[i].StatusCode == HttpStatusCode.OK, $"Save {i} answered {(int)responses[i].StatusCode}: {bodies[i]}");
        }

        // The saves really waited for the lock (so the test exercised contention), and what they saved is there.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"The saves finished after {clock.Elapsed}, before the lock was released.");
        var a = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        var b = await p.B.GetJsonAsync($"/api/v1/scorecards/{p.CardB}");
        Assert.Equal(4, ScoringSetup.Item(a, p.Item1).GetProperty("rating").GetProperty("value").GetInt32());
        Assert.Equal(2, ScoringSetup.Item(a, p.Item2).GetProperty("rating").GetProperty("value").GetInt32());
        Assert.Equal(5, ScoringSetup.Item(b, p.Item1).GetProperty("rating").GetProperty("value").GetInt32());
        Assert.Equal(3, ScoringSetup.Item(b, p.Item2).GetProperty("rating").GetProperty("value").GetInt32());
        Assert.Equal("Summary written while locked", a.GetProperty("summary").GetString());
        Assert.Equal("No", b.GetProperty("recommendation").GetString());

        // Each save committed exactly once: retries re-ran the whole unit of work, never half of it twice.
        var events = app.WithScope(db => db.ScorecardEvents.Count(e => e.ScorecardId == p.CardA || e.ScorecardId == p.CardB));
        Assert.Equal(6, events);
    }
}
