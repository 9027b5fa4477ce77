using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.People;

/// <summary>A candidate with personal data in every place it can land: contact details, notes, evidence, summaries, reasons, location, audit.</summary>
internal sealed record ErasableCandidate(ScoringPanel Panel, string QuestionFlag, string OverrideFlag)
{
    public const string Name = "Quintessa Marlowe-Okafor";
    public const string Email = "q.marlowe.okafor@example.org";
    public const string Phone = "+44 7700 900123";

    /// <summary>Text only this candidate's record contains; none of it may survive erasure.</summary>
    public static readonly string[] PersonalTexts =
    [
        Name, Email, Phone,
        "Quintessa spoke about her brother's relapse",
        "Mentioned her diagnosis at Fernhollow Hospital",
        "Strong hire, Quintessa lives near the clinic",
        "Draft thoughts on Marlowe-Okafor",
        "Reopened: Quintessa's second example was misheard",
        "Confirmed after Quintessa's reference call",
        "Quintessa's flat, 4 Elm Row",

        // Fragments too, so JSON-escaped copies (an apostrophe becomes \u0027 in audit snapshots) are caught as well.
        "Quintessa", "Marlowe", "okafor", "900123", "Fernhollow", "Elm Row",
    ];

    public static async Task<ErasableCandidate> CreateAsync(TestApp app)
    {
        var p = await ScoringSetup.PanelAsync(app);
        var flags = await ScoringSetup.FlagsAsync(app, p);
        await app.WithScopeAsync(async db =>
        {
            var candidate = await db.Candidates.SingleAsync(c => c.Id == p.Scenario.CandidateId);
            candidate.Name = Name;
            candidate.Email = Email;
            candidate.Phone = Phone;
            var interview = await db.Interviews.SingleAsync(i => i.Id == p.InterviewId);
            interview.Location = "Quintessa's flat, 4 Elm Row";
            var reviewer = await db.Users.Where(u => u.Email == Demo.EmailFor(Roles.HiringManager)).Select(u => u.Id).SingleAsync();
            db.RedFlagReviews.Add(new RedFlagReview
            {
                CandidateId = candidate.Id,
                RedFlagId = int.Parse(flags.QuestionFlag[1..], System.Globalization.CultureInfo.InvariantCulture),
                Decision = RedFlagDecision.Confirmed,
                Reason = "Confirmed after Quintessa's reference call",
                ReviewedById = reviewer,
                ReviewedAt = DateTimeOffset.UtcNow,
            });

            // An entry that quotes the candidate, as an older version or a careless feature might have written.
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow,
                Action = "legacy.note",
                EntityType = "Position",
                EntityId = p.Scenario.PositionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                After = $"{{\"Note\":\"Shortlisted {Name} ({Email})\"}}",
            });
            return await db.SaveChangesAsync();
        });

        // Interviewer A: evidence with personal details, a red flag with evidence, a summary; submitted.
        await p.A.RatedAsync(p.CardA, p.Item1, 4, notes: "Quintessa spoke about her brother's relapse");
        await p.A.RatedAsync(p.CardA, p.Item2, notObserved: true, value: null);
        var flagged = await p.A.FlagAsync(p.CardA, flags.QuestionFlag, true, evidence: "Mentioned her diagnosis at Fernhollow Hospital");
        Assert.Equal(HttpStatusCode.OK, flagged.StatusCode);
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        var summary = await p.A.SummaryAsync(p.CardA, "StrongYes", "Strong hire, Quintessa lives near the clinic", view.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.A.SubmitAsync(p.CardA)).StatusCode);

        // A manager reopens it with a reason naming her; A changes a rating (audited while reopened) and resubmits.
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var reopened = await manager.PostAsJsonAsync($"/api/v1/scorecards/{p.CardA}/reopen", new { reason = "Reopened: Quintessa's second example was misheard" });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var rating = ScoringSetup.Item(await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}"), p.Item1).GetProperty("rating");
        await p.A.RatedAsync(p.CardA, p.Item1, 5, notes: "Quintessa spoke about her brother's relapse", version: rating.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await p.A.SubmitAsync(p.CardA)).StatusCode);

        // Interviewer B: a draft with evidence and a summary, not submitted.
        await p.B.RatedAsync(p.CardB, p.Item1, 2, notes: "Draft thoughts on Marlowe-Okafor");
        return new ErasableCandidate(p, flags.QuestionFlag, flags.OverrideFlag);
    }

    /// <summary>Every TEXT cell of every table that contains <paramref name="needle"/>, as "table.column".</summary>
    public static Task<List<string>> CellsContainingAsync(TestApp app, string needle) =>
        app.WithScopeAsync(async db =>
        {
            var hits = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var postgres = TestDatabase.IsPostgres;
            var columns = new List<(string Table, string Column)>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = postgres
                    ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_\\_%'"
                    : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (table, column) in columns)
            {
                await using var find = connection.CreateCommand();
                find.CommandText = postgres
                    ? $"SELECT count(*) FROM \"{table}\" WHERE strpos(lower(CAST(\"{column}\" AS TEXT)), lower(@needle)) > 0"
                    : $"SELECT count(*) FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($needle)) > 0";
                var parameter = find.CreateParameter();
                parameter.ParameterName = postgres ? "needle" : "$needle";
                parameter.Value = needle;
                find.Parameters.Add(parameter);
                if (Convert.ToInt64(await find.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    hits.Add($"{table}.{column}");
                }
            }

            return hits;
        });
}

public class CandidateErasureTests
{
    private static readonly object Confirmed = new { confirm = true, reason = "Erasure request by email, ticket 4411" };

    private sealed record ScoreRow(int ScorecardId, int KitItemId, int? Value, bool NotObserved);

    private sealed record FlagRow(int ScorecardId, int? RedFlagId, int? KitItemRedFlagId, bool Checked);

    private sealed record CardRow(int Id, ScorecardState State, Recommendation? Recommendation, DateTimeOffset? SubmittedAt);

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Erase_RemovesEveryPieceOfPersonalData_FromEveryTable()
    {
        using var app = new TestApp();
        var c = await ErasableCandidate.CreateAsync(app);
        foreach (var text in ErasableCandidate.PersonalTexts)
        {
            Assert.NotEmpty(await ErasableCandidate.CellsContainingAsync(app, text)); // the setup really stored it
        }

        var hr = await app.ApiClientAsAsync(Roles.HR);
        var response = await hr.PostAsJsonAsync($"/api/v1/candidates/{c.Panel.Scenario.CandidateId}/erase", Confirmed);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        foreach (var text in ErasableCandidate.PersonalTexts)
        {
            var cells = await ErasableCandidate.CellsContainingAsync(app, text);
            Assert.True(cells.Count == 0, $"'{text}' is still stored in: {string.Join(", ", cells)}");
        }

        var candidate = app.WithScope(db => db.Candidates.AsNoTracking().Single(x => x.Id == c.Panel.Scenario.CandidateId));
        Assert.Equal($"Erased candidate {candidate.PseudonymId}", candidate.Name);
        Assert.Null(candidate.Email);
        Assert.Null(candidate.Phone);
        Assert.NotNull(candidate.ErasedAt);
        Assert.Null(app.WithScope(db => db.Interviews.Single(i => i.Id == c.Panel.InterviewId).Location));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Erase_LeavesNoTraceOfTheName_InTheDatabaseFile()
    {
        using var app = new TestApp();
        var c = await ErasableCandidate.CreateAsync(app);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.PostAsJsonAsync($"/api/v1/candidates/{c.Panel.Scenario.CandidateId}/erase", Confirmed);
        var path = new SqliteConnectionStringBuilder(app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default")).DataSource;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        var bytes = await File.ReadAllBytesAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var text in new[] { ErasableCandidate.Name, ErasableCandidate.Email, ErasableCandidate.Phone })
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"'{text}' is still in the database file's free space.");
        }
    }

    [Fact]
    public async Task Erase_KeepsEveryScore_UnderThePseudonym()
    {
        using var app = new TestApp();
        var c = await ErasableCandidate.CreateAsync(app);
        var before = await ScoresAsync(app, c);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.PostAsJsonAsync($"/api/v1/candidates/{c.Panel.Scenario.CandidateId}/erase", Confirmed);
        var body = await Json.ReadAsync(response);
        var after = await ScoresAsync(app, c);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before.Ratings, after.Ratings);
        Assert.Equal(before.Flags, after.Flags);
        Assert.Equal(before.Cards, after.Cards);
        Assert.Contains(after.Ratings, r => r.Value == 5);
        Assert.Contains(after.Ratings, r => r.NotObserved);
        Assert.Contains(after.Flags, f => f.Checked);
        Assert.Contains(after.Cards, s => s.Recommendation == Recommendation.StrongYes && s.SubmittedAt is not null);
        var pseudonym = body.GetProperty("pseudonymId").GetString();
        Assert.Equal($"Erased candidate {pseudonym}", body.GetProperty("label").GetString());
        Assert.Equal(c.Panel.Scenario.CandidateId, app.WithScope(db => db.Candidates.Single(x => x.PseudonymId == pseudonym).Id));
        Assert.Equal(CandidateStage.Interviewing, app.WithScope(db => db.Candidates.Single(x => x.PseudonymId == pseudonym).Stage));
    }

    [Fact]
    public async Task Erase_IsAudited_WithWhoAndThePseudonym_ButNotTheName()
    {
        using var app = new TestApp();
        var c = await ErasableCandidate.CreateAsync(app);
        var hr = await app.ApiClientAsAsync(Roles.HR);
        var hrId = await TestData.UserIdForRoleAsync(app, Roles.HR);

        var response = await hr.PostAsJsonAsync(
            $"/api/v1/candidates/{c.Panel.Scenario.CandidateId}/erase",
            new { confirm = true, reason = $"{ErasableCandidate.Name} asked by email from {ErasableCandidate.Email}" });
        var pseudonym = app.WithScope(db => db.Candidates.Single(x => x.Id == c.Panel.Scenario.CandidateId).PseudonymId);
        var entry = Assert.Single(app.WithScope(db => db.AuditEntries.Where(a => a.Action == "candidate.erase").ToList()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(hrId, entry.UserId);
        Assert.Equal(nameof(Candidate), entry.EntityType);
        Assert.Equal(c.Panel.Scenario.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Contains(pseudonym, entry.After, StringComparison.Ordinal);
        Assert.Contains("asked by email", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Quintessa", entry.After, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ErasableCandidate.Email, entry.After, StringComparison.OrdinalIgnoreCase);
        Assert.True((DateTimeOffset.UtcNow - entry.At).Duration() < TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData(Roles.HiringManager, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Interviewer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.HR, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task Erase_IsForHrAndAdmins_Only(string role, HttpStatusCode expected)
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId, "Rowan Example");
        var client = await app.ApiClientAsAsync(role);

        var response = await client.PostAsJsonAsync($"/api/v1/candidates/{candidateId}/erase", Confirmed);
        var name = app.WithScope(db => db.Candidates.Single(x => x.Id == candidateId).Name);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, !name.Contains("Rowan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erase_Anonymously_Is401()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsJsonAsync($"/api/v1/candidates/{candidateId}/erase", Confirmed);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(app.WithScope(db => db.Candidates.Single(x => x.Id == candidateId).ErasedAt));
    }

    [Fact]
    public async Task Erase_Twice_IsAClear409_AndAuditedOnce()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var first = await hr.PostAsJsonAsync($"/api/v1/candidates/{candidateId}/erase", Confirmed);
        var label = app.WithScope(db => db.Candidates.Single(x => x.Id == candidateId).Name);
        var second = await hr.PostAsJsonAsync($"/api/v1/candidates/{candidateId}/erase", Confirmed);
        var problem = await ScoringSetup.ProblemAsync(second, HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Already erased", problem.GetProperty("title").GetString());
        Assert.Contains("nothing more to erase", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(label, app.WithScope(db => db.Candidates.Single(x => x.Id == candidateId).Name));
        Assert.Equal(1, app.WithScope(db => db.AuditEntries.Count(a => a.Action == "candidate.erase")));
    }

    [Fact]
    public async Task Erase_WithoutConfirmationOrReason_IsRejected_AndChangesNothing()
    {
        using var app = new TestApp();
        var positionId = await TestData.PositionAsync(app);
        var candidateId = await TestData.CandidateAsync(app, positionId, "Rowan Example");
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.PostAsJsonAsync($"/api/v1/candidates/{candidateId}/erase", new { confirm = false, reason = " " });
        var problem = await ScoringSetup.ProblemAsync(response, HttpStatusCode.BadRequest);
        var missing = await hr.PostAsJsonAsync($"/api/v1/candidates/{candidateId + 1000}/erase", Confirmed);

        Assert.Equal(["confirm", "reason"], ScoringSetup.ErrorKeys(problem).Order(StringComparer.Ordinal));
        Assert.Equal("Rowan Example", app.WithScope(db => db.Candidates.Single(x => x.Id == candidateId).Name));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ErasedCandidate_CannotBeScheduledEditedOrScored()
    {
        using var app = new TestApp();
        var c = await ErasableCandidate.CreateAsync(app);
        var s = c.Panel.Scenario;
        var hr = await app.ApiClientAsAsync(Roles.HR);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/v1/candidates/{s.CandidateId}/erase", Confirmed)).StatusCode);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var schedule = await manager.PostAsJsonAsync("/api/v1/interviews", new
        {
            candidateId = s.CandidateId,
            kitVersionId = s.Kit.VersionId,
            scheduledAt = DateTimeOffset.UtcNow.AddDays(3),
            interviewerIds = new[] { s.InterviewerId },
        });
        var edit = await manager.PutAsJsonAsync($"/api/v1/candidates/{s.CandidateId}", new { name = "Quintessa Again", email = "again@example.org", positionId = s.PositionId });
        var rating = await c.Panel.B.RateAsync(c.Panel.CardB, c.Panel.Item2, 3, notes: "More about Quintessa");

        Assert.Equal("Candidate erased", (await ScoringSetup.ProblemAsync(schedule, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Candidate erased", (await ScoringSetup.ProblemAsync(edit, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Candidate erased", (await ScoringSetup.ProblemAsync(rating, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Empty(await ErasableCandidate.CellsContainingAsync(app, "Quintessa"));
    }

    private static async Task<(List<ScoreRow> Ratings, List<FlagRow> Flags, List<CardRow> Cards)> ScoresAsync(TestApp app, ErasableCandidate c)
    {
        var cards = new[] { c.Panel.CardA, c.Panel.CardB };
        return await app.WithScopeAsync(async db => (
            await db.Ratings.Where(r => cards.Contains(r.ScorecardId)).OrderBy(r => r.Id).Select(r => new ScoreRow(r.ScorecardId, r.KitItemId, r.Value, r.NotObserved)).ToListAsync(),
            await db.RedFlagChecks.Where(f => cards.Contains(f.ScorecardId)).OrderBy(f => f.Id).Select(f => new FlagRow(f.ScorecardId, f.RedFlagId, f.KitItemRedFlagId, f.Checked)).ToListAsync(),
            await db.Scorecards.Where(s => cards.Contains(s.Id)).OrderBy(s => s.Id).Select(s => new CardRow(s.Id, s.State, s.Recommendation, s.SubmittedAt)).ToListAsync()));
    }
}
