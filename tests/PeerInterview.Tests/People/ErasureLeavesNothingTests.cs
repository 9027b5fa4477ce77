using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Reports;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.People;

/// <summary>
/// Erasure leaves nothing behind: no erased text in the SQLite file, its WAL or a backup taken afterwards, the
/// PostgreSQL tables rewritten; and nothing can be written about an erased candidate's interviews any more.
/// </summary>
public class ErasureLeavesNothingTests
{
    private static readonly object Confirmed = new { confirm = true, reason = "Erasure request, ticket 7310" };

    /// <summary>
    /// A submitted scorecard (A) and a draft (B) whose every note carries <paramref name="marker"/>: rating evidence saved
    /// several times over (each autosave leaves the old version in the page's free space), red-flag evidence, the
    /// summary, a reopen reason, the save history, and a hiring manager's review reason on a pending knock-out.
    /// </summary>
    private static async Task<ScoringPanel> MarkedPanelAsync(TestApp app, string marker)
    {
        var p = await ScoringSetup.PanelAsync(app);
        var (questionFlag, knockOut, _) = await ScoringSetup.FlagsAsync(app, p);
        var saved = await p.A.RatedAsync(p.CardA, p.Item1, 3, notes: $"{marker} first draft of the evidence");
        for (var i = 0; i < 4; i++)
        {
            saved = await p.A.RatedAsync(p.CardA, p.Item1, 3, notes: $"{marker} evidence, rewrite {i} with more detail {new string('x', 40 * i)}", version: saved.GetProperty("version").GetInt32());
        }

        await p.A.RatedAsync(p.CardA, p.Item2, 4, notes: $"{marker} second answer");
        Assert.Equal(HttpStatusCode.OK, (await p.A.FlagAsync(p.CardA, questionFlag, true, $"{marker} blamed the client")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.A.FlagAsync(p.CardA, knockOut, true, $"{marker} shared a diagnosis")).StatusCode);
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        Assert.Equal(HttpStatusCode.OK, (await p.A.SummaryAsync(p.CardA, "No", $"{marker} summary of the interview", view.GetProperty("version").GetInt32())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.A.SubmitAsync(p.CardA)).StatusCode);

        var admin = await app.ApiClientAsAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/scorecards/{p.CardA}/reopen", new { reason = $"{marker} reopen reason" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.A.SubmitAsync(p.CardA)).StatusCode);
        await p.B.RatedAsync(p.CardB, p.Item1, 2, notes: $"{marker} draft note from B");

        Assert.Equal(HttpStatusCode.OK, (await admin.ReviewAsync(p.Scenario.CandidateId, knockOut, "confirm", $"{marker} review reason")).StatusCode);
        return p;
    }

    private static List<string> Findings(string marker, params (string Name, byte[] Bytes)[] files)
    {
        var encodings = new (string Name, Encoding Encoding)[] { ("UTF-8", Encoding.UTF8), ("UTF-16LE", Encoding.Unicode), ("UTF-16BE", Encoding.BigEndianUnicode) };
        return [.. from file in files
                   from encoding in encodings
                   where file.Bytes.AsSpan().IndexOf(encoding.Encoding.GetBytes(marker)) >= 0
                   select $"{file.Name} ({encoding.Name})"];
    }

    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task AfterErasure_NoErasedText_IsInTheDatabaseFile_ItsWal_OrAFreshBackup()
    {
        using var app = new TestApp();
        var marker = $"Mk{Guid.NewGuid():N}"[..20];
        var p = await MarkedPanelAsync(app, marker);
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var path = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Default")).DataSource;
        Assert.NotEmpty(Findings(marker, ("database", ReadShared(path)), ("WAL", ReadShared(path + "-wal")))); // the scan can see it

        var erased = await (await app.ApiClientAsAsync(Roles.HR)).PostAsJsonAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/erase", Confirmed);
        Assert.True(erased.StatusCode == HttpStatusCode.OK, await erased.Content.ReadAsStringAsync());

        // As the erasure left them, then after a checkpoint of our own, then in a backup taken now.
        var asLeft = Findings(marker, ("database", ReadShared(path)), ("WAL", ReadShared(path + "-wal")));
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        var checkpointed = Findings(marker, ("database after checkpoint", ReadShared(path)), ("WAL after checkpoint", ReadShared(path + "-wal")));
        var backup = Path.Combine(Path.GetTempPath(), $"peerinterview-erasure-backup-{Guid.NewGuid():N}.db");
        try
        {
            var code = await DatabaseCommands.RunAsync(["backup", backup], configuration, TextWriter.Null, TextWriter.Null);
            Assert.Equal(DatabaseCommands.Done, code);
            var inBackup = Findings(marker, ("backup", ReadShared(backup)));

            Assert.True(asLeft.Count == 0, "Erased text remains in: " + string.Join(", ", asLeft));
            Assert.True(checkpointed.Count == 0, "Erased text remains in: " + string.Join(", ", checkpointed));
            Assert.True(inBackup.Count == 0, "Erased text remains in: " + string.Join(", ", inBackup));
        }
        finally
        {
            File.Delete(backup);
        }

        // The scores are still there under the pseudonym.
        Assert.Equal(3, app.WithScope(db => db.Ratings.Single(r => r.ScorecardId == p.CardA && r.KitItemId == p.Item1).Value));
    }

    [Fact]
    [Trait("Provider", "Postgres")]
    public async Task AfterErasure_OnPostgres_TheTouchedTablesAreRewrittenWithoutTheOldRows()
    {
        using var app = new TestApp();
        var marker = $"Mk{Guid.NewGuid():N}"[..20];
        var p = await MarkedPanelAsync(app, marker);
        string[] tables = ["Ratings", "RedFlagChecks", "Scorecards", "ScorecardEvents", "RedFlagReviews", "AuditEntries", "Candidates", "Interviews"];
        var before = await FileNodesAsync(app, tables);

        var erased = await (await app.ApiClientAsAsync(Roles.HR)).PostAsJsonAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/erase", Confirmed);
        var after = await FileNodesAsync(app, tables);

        Assert.True(erased.StatusCode == HttpStatusCode.OK, await erased.Content.ReadAsStringAsync());

        // VACUUM FULL writes each table to a new file holding only live rows; the old file, with the old row versions, is removed.
        Assert.All(tables, t => Assert.NotEqual(before[t], after[t]));
        Assert.Empty(await ErasableCandidate.CellsContainingAsync(app, marker));
    }

    private static Task<Dictionary<string, long>> FileNodesAsync(TestApp app, string[] tables) =>
        app.WithScopeAsync(async db =>
        {
            var nodes = new Dictionary<string, long>();
            foreach (var table in tables)
            {
                nodes[table] = await db.Database.SqlQueryRaw<long>("SELECT pg_relation_filenode({0}::regclass)::bigint AS \"Value\"", $"\"{table}\"").SingleAsync();
            }

            return nodes;
        });

    [Fact]
    public async Task EveryWrite_OnAnErasedCandidatesInterview_Is409CandidateErased_AndChangesNothing()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var (_, knockOut, global) = await ScoringSetup.FlagsAsync(app, p);
        await p.A.RatedAsync(p.CardA, p.Item1, 4, notes: "Clear");
        await p.A.RatedAsync(p.CardA, p.Item2, 4, notes: "Clear");
        Assert.Equal(HttpStatusCode.OK, (await p.A.FlagAsync(p.CardA, knockOut, true, "Shared a diagnosis")).StatusCode);
        var version = (await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await p.A.SummaryAsync(p.CardA, "Yes", "Fine", version)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.A.SubmitAsync(p.CardA)).StatusCode);
        await p.B.RatedAsync(p.CardB, p.Item1, 3, notes: "Draft");
        var admin = await app.ApiClientAsAsync(Roles.Admin);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var managerId = await TestData.UserIdForRoleAsync(app, Roles.HiringManager);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsAsync(Roles.HR)).PostAsJsonAsync($"/api/v1/candidates/{p.Scenario.CandidateId}/erase", Confirmed)).StatusCode);
        var before = await StateAsync(app, p);

        var writes = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["reopen"] = () => admin.PostAsJsonAsync($"/api/v1/scorecards/{p.CardA}/reopen", new { reason = "Check again" }),
            ["submit"] = () => p.B.SubmitAsync(p.CardB),
            ["rating"] = () => p.B.RateAsync(p.CardB, p.Item2, 3, notes: "More", version: 0),
            ["rating on a submitted card"] = () => p.A.RateAsync(p.CardA, p.Item1, 2, notes: "Changed", version: 1),
            ["red flag"] = () => p.B.FlagAsync(p.CardB, global, true, "Raised voice"),
            ["summary"] = () => p.B.SummaryAsync(p.CardB, "No", "Summary", 0),
            ["position"] = () => p.B.PutAsJsonAsync($"/api/v1/scorecards/{p.CardB}/position", new { kitItemId = p.Item2 }),
            ["add interviewer"] = () => manager.PostAsJsonAsync($"/api/v1/interviews/{p.InterviewId}/interviewers", new { interviewerId = managerId }),
            ["remove interviewer"] = () => manager.DeleteAsync($"/api/v1/interviews/{p.InterviewId}/interviewers/{p.Scenario.SecondInterviewerId}"),
            ["cancel"] = () => manager.PostAsync($"/api/v1/interviews/{p.InterviewId}/cancel", null),
            ["schedule"] = () => Interviews.SchedulingApiTests.ScheduleAsync(manager, p.Scenario, p.Scenario.InterviewerId),
            ["confirm"] = () => manager.ReviewAsync(p.Scenario.CandidateId, knockOut, "confirm", "Confirmed by the manager"),
            ["dismiss"] = () => admin.ReviewAsync(p.Scenario.CandidateId, knockOut, "dismiss", "Dismissed by an admin"),
        };

        foreach (var (name, write) in writes)
        {
            var response = await write();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{name}: {(int)response.StatusCode} {body}");
            Assert.True(body.Contains("\"Candidate erased\"", StringComparison.Ordinal), $"{name}: {body}");
        }

        Assert.Equal(before, await StateAsync(app, p));
    }

    private static Task<string> StateAsync(TestApp app, ScoringPanel p) =>
        app.WithScopeAsync(async db =>
        {
            var cards = await db.Scorecards.AsNoTracking().Where(s => s.Interview!.CandidateId == p.Scenario.CandidateId).OrderBy(s => s.Id)
                .Select(s => $"{s.Id}:{s.InterviewerId}:{s.State}:{s.Revision}:{s.CurrentKitItemId}").ToListAsync();
            var ratings = await db.Ratings.AsNoTracking().Where(r => r.ScorecardId == p.CardA || r.ScorecardId == p.CardB).OrderBy(r => r.Id)
                .Select(r => $"{r.Id}:{r.Value}:{r.Version}").ToListAsync();
            var checks = await db.RedFlagChecks.AsNoTracking().Where(r => r.ScorecardId == p.CardA || r.ScorecardId == p.CardB).CountAsync();
            var interviews = await db.Interviews.AsNoTracking().Where(i => i.CandidateId == p.Scenario.CandidateId).Select(i => $"{i.Id}:{i.IsCancelled}").ToListAsync();
            var reviews = await db.RedFlagReviews.AsNoTracking().CountAsync(r => r.CandidateId == p.Scenario.CandidateId);
            var audit = await db.AuditEntries.AsNoTracking().CountAsync();
            return string.Join("|", cards.Concat(ratings).Concat(interviews).Append($"checks {checks}").Append($"reviews {reviews}").Append($"audit {audit}"));
        });
}
