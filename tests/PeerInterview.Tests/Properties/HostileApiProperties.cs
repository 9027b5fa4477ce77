using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Properties;

/// <summary>
/// The API under hostile input: random and mutated import files, and random JSON bodies (random shapes, wrong types,
/// huge numbers, nulls, deep nesting, invalid UTF-8) sent to the JSON write endpoints. Never a 5xx; bad input gets a
/// problem-details 4xx and leaves the database exactly as it was (row counts and the targeted records).
/// One app per property keeps the run short.
/// </summary>
public class HostileApiProperties(Xunit.Abstractions.ITestOutputHelper log)
{
    private static readonly JsonSerializerOptions Snapshot = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    // On PostgreSQL this found NULs, lone surrogates and a document-wide red flag longer than its column (SQLite ignores
    // lengths): see Data/SavedText.cs and ImportApiTests.OverlongTextAndFileName_….
    [Fact]
    public async Task Imports_OfHostileFiles_NeverFailWith500_AndARejectedImportWritesNothing()
    {
        using var app = new TestApp();
        using var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var before = Counts(app);

        var property = Prop.ForAll(HostileDocuments.Any(), document =>
        {
            var response = manager.ImportAsync(document.Content, "hostile.txt", dryRun: false).GetAwaiter().GetResult();
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{status} for {document}: {body}");
            var after = Counts(app);
            if (status >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} without problem details: {body}");
                Assert.True(before == after, $"A rejected import ({status}) wrote something: {before} → {after}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            before = after;
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property));
        log.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task JsonWrites_WithRandomBodies_NeverFailWith5xx_AndBadInputWritesNothing()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        using var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var questionId = app.WithScope(db => db.Questions.OrderBy(q => q.Id).Select(q => q.Id).First());
        var globalFlag = app.WithScope(db => db.RedFlags.Where(f => f.QuestionId == null && !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Id).First());
        var s = p.Scenario;
        Target[] targets =
        [
            new("PUT", $"/api/v1/scorecards/{p.CardA}/ratings/{p.Item1}", ["value:int", "notObserved:bool", "notes:string", "version:int"], p.A),
            new("PUT", $"/api/v1/scorecards/{p.CardA}/red-flags/g{globalFlag}", ["checked:bool", "evidence:string", "version:int"], p.A),
            new("PUT", $"/api/v1/scorecards/{p.CardA}", ["recommendation:enum", "summary:string", "version:int"], p.A),
            new("PUT", $"/api/v1/scorecards/{p.CardA}/position", ["kitItemId:int"], p.A),
            new("POST", "/api/v1/kits", ["name:string", "role:string", "targetMinutes:int"], manager),
            new("POST", $"/api/v1/kits/{s.Kit.KitId}/items", ["questionId:int", "section:string", "minutes:int"], manager),
            new("PUT", $"/api/v1/kits/{s.Kit.KitId}/weights", ["weights:weights", "targetMinutes:int"], manager),
            new("POST", "/api/v1/positions", ["title:string", "location:string", "hiringManagerId:string", "kitId:int"], manager),
            new("PUT", $"/api/v1/positions/{s.PositionId}", ["title:string", "location:string", "hiringManagerId:string", "kitId:int"], manager),
            new("POST", "/api/v1/candidates", ["name:string", "email:string", "phone:string", "positionId:int", "stage:enum"], manager),
            new("PUT", $"/api/v1/candidates/{s.CandidateId}", ["name:string", "email:string", "phone:string", "positionId:int", "stage:enum"], manager),
            new("PUT", $"/api/v1/candidates/{s.CandidateId}/stage", ["stage:enum"], manager),
            new("POST", "/api/v1/interviews", ["candidateId:int", "kitVersionId:int", "scheduledAt:date", "interviewerIds:strings", "location:string"], manager),
            new("POST", $"/api/v1/interviews/{p.InterviewId}/interviewers", ["interviewerId:string"], manager),
            new("PUT", $"/api/v1/questions/{questionId}", ["text:string", "purpose:string", "guidance:string", "sampleAnswer:string", "type:enumOrInt", "topic:string", "competency:string", "secondaryCompetency:string", "anchorPoor:string", "anchorMeets:string", "anchorExcellent:string", "status:enumOrInt", "redFlags:flags", "version:int"], manager),
        ];

        // Values that reach past the binder into the services: real ids and names from this database.
        var ids = new[] { p.CardA, p.Item1, p.Item2, s.Kit.KitId, s.Kit.VersionId, s.PositionId, s.CandidateId, questionId, p.InterviewId, 0, 1, 2, 3, 5 };
        var names = new[] { s.InterviewerId, s.SecondInterviewerId, "D1", "D3", "Core", "sam@example.org", "Riverside", "x" };
        var plausible = new Plausible(ids, names);

        var baseline = Fingerprint(app, p, s, questionId);
        var statuses = new Dictionary<string, int>();
        var property = Prop.ForAll(Arb.From(Requests(targets, plausible)), request =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Target.Method), request.Target.Url)
            {
                Content = new ByteArrayContent(request.Body),
            };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = request.Target.Client.SendAsync(message).GetAwaiter().GetResult();
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            statuses[$"{request.Target} {status}"] = statuses.GetValueOrDefault($"{request.Target} {status}") + 1;
            Assert.True(status < 500, $"{status} for {request}: {body}");
            var after = Fingerprint(app, p, s, questionId);
            if (status >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} without problem details for {request}: {body}");
                Assert.True(baseline == after, $"{status} for {request}, but the database changed:\n{baseline}\n→\n{after}");
            }

            baseline = after;
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property));
        log.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: " + string.Join(", ", statuses.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} ×{x.Value}")));
    }

    /// <summary>Found by the property above: enum text like "Hired, Withdrawn" or 99 was saved as a value no enum names.</summary>
    [Fact]
    public async Task EnumFields_AcceptOnlyNamedValues_NotNumbersOrCombinations()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        using var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var questionId = app.WithScope(db => db.Questions.OrderBy(q => q.Id).Select(q => q.Id).First());
        var version = (await manager.GetJsonAsync($"/api/v1/questions/{questionId}")).GetProperty("version").GetInt32();
        var before = Fingerprint(app, p, p.Scenario, questionId);

        (HttpClient Client, string Url, string Body)[] requests =
        [
            (manager, $"/api/v1/questions/{questionId}", $"{{\"status\": \"NeedsReview, Archived\", \"version\": {version}}}"),
            (manager, $"/api/v1/questions/{questionId}", $"{{\"type\": 99, \"version\": {version}}}"),
            (manager, $"/api/v1/questions/{questionId}", $"{{\"redFlags\": [{{\"text\": \"Shares a diagnosis\", \"severity\": 7}}], \"version\": {version}}}"),
            (manager, $"/api/v1/candidates/{p.Scenario.CandidateId}/stage", "{\"stage\": \"Hired, Withdrawn\"}"),
            (p.A, $"/api/v1/scorecards/{p.CardA}", "{\"recommendation\": \"Yes, No\", \"version\": 0}"),
        ];
        foreach (var (client, url, body) in requests)
        {
            var response = await client.PutAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            await ScoringSetup.ProblemAsync(response, HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, Fingerprint(app, p, p.Scenario, questionId));
    }

    public sealed record Target(string Method, string Url, string[] Fields, HttpClient Client)
    {
        public override string ToString() => $"{Method} {Url}";
    }

    public sealed record HostileRequest(Target Target, byte[] Body, string How)
    {
        public override string ToString()
        {
            var text = Encoding.UTF8.GetString(Body);
            return $"{Target} with {How}: {(text.Length > 300 ? text[..300] + $"… ({text.Length:N0} chars)" : text)}";
        }
    }

    public sealed record Plausible(int[] Ids, string[] Names);

    private static Gen<HostileRequest> Requests(Target[] targets, Plausible plausible) =>
        from target in Gen.Elements(targets)
        from body in Gen.Frequency(
            (7, Shaped(target, plausible).Select(json => (Encoding.UTF8.GetBytes(json), "fields of hostile values"))),
            (1, Value(3, plausible).Select(json => (Encoding.UTF8.GetBytes(json), "a random JSON value"))),
            (1, DeepNesting().Select(json => (Encoding.UTF8.GetBytes(json), "deep nesting"))),
            (1, Shaped(target, plausible).SelectMany(json => Broken(Encoding.UTF8.GetBytes(json)))))
        select new HostileRequest(target, body.Item1, body.Item2);

    /// <summary>
    /// An object with the endpoint's own field names (some left out, an unknown one added): mostly of the right JSON type
    /// with hostile values (so the request reaches the service), sometimes of a wrong type.
    /// </summary>
    private static Gen<string> Shaped(Target target, Plausible plausible) =>
        from values in Gen.CollectToArray(target.Fields, field => Gen.Frequency(
            (8, Typed(field.Split(':')[1], plausible).Select(v => (string?)v)),
            (1, Value(2, plausible).Select(v => (string?)v)),
            (2, Gen.Constant<string?>(null))))
        from extra in Gen.Elements("", ",\"unexpected\": 1", ",\"__proto__\": {}", ",\"id\": 99999")
        select "{" + string.Join(",", target.Fields.Zip(values).Where(f => f.Second is not null).Select(f => $"{Quote(f.First.Split(':')[0])}: {f.Second}")) + extra + "}";

    private static Gen<string> Typed(string kind, Plausible plausible) => kind switch
    {
        "int" => Gen.Frequency(
            (4, Gen.Elements(plausible.Ids).Select(Number)),
            (2, Gen.Elements(0, -1, 1, 5, 6, 999, 1000, 100_000, int.MaxValue, int.MinValue).Select(Number)),
            (1, Gen.Choose(int.MinValue, int.MaxValue).Select(Number)),
            (1, Gen.Elements("null", "1.0", "2147483648"))),
        "bool" => Gen.Elements("true", "false"),
        "enum" => Gen.Elements("\"Yes\"", "\"StrongNo\"", "\"StrongYes\"", "\"yes\"", "\"Applied\"", "\"Interviewing\"", "\"Hired\"", "\"NotHired\"", "\"Withdrawn\"",
            "\"Decision\"", "\"Maybe\"", "\"\"", "\" \"", "\"99\"", "\"-1\"", "\"Hired,Withdrawn\"", "null"),
        "enumOrInt" => Gen.Elements("\"Active\"", "\"Archived\"", "\"NeedsReview\"", "\"Behavioural\"", "\"Situational\"", "\"Unknown\"", "\"\"", "99", "-1", "0", "1", "\"7\"", "null"),
        "date" => Gen.Elements("\"2026-12-01T10:00:00Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59-14:00\"", "\"0001-01-01\"", "\"9999-12-31T23:59:59Z\"",
            "\"2026-13-45T99:99:99\"", "\"yesterday\"", "\"\"", "\"1900-01-01T00:00:00Z\"", "\"2026-12-01T10:00:00+15:00\""),
        "strings" => Gen.Frequency(
            (3, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Elements(plausible.Names), n)).Select(a => "[" + string.Join(",", a.Select(Quote)) + "]")),
            (1, Gen.Elements("[]", "[null]", "[\"\"]", "[" + string.Join(",", Enumerable.Repeat(Quote(plausible.Names[0]), 500)) + "]"))),
        "weights" => Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(
                from code in Gen.Elements("D1", "D2", "D3", "D7", "X9", "", "d1")
                from weight in Gen.Elements("0", "50", "100", "-5", "100.5", "1e308", "33.333333333", "0.0000001")
                select $"{Quote(code)}: {weight}", n))
            .Select(pairs => "{" + string.Join(",", pairs.DistinctBy(p => p.Split(':')[0])) + "}"),
        "flags" => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(
                from text in Typed("string", plausible)
                from severity in Gen.Elements("\"Concern\"", "\"KnockOut\"", "99", "-1", "\"\"", "null")
                from id in Gen.Elements("null", "1", "-1", "99999")
                select $"{{\"id\": {id}, \"text\": {text}, \"severity\": {severity}}}", n))
            .Select(items => "[" + string.Join(",", items) + "]"),
        _ => Gen.Frequency(
            (3, Gen.Elements(plausible.Names).Select(Quote)),
            (3, ArbMap.Default.GeneratorFor<string>().Select(t => Quote(t ?? ""))),
            (2, Gen.Elements("", " ", "\t\n", "<script>alert(1)</script>", "javascript:alert(1)", "\u0000", "a\u0000b", "\ud800", "\ufeff", "Robert'); DROP TABLE Questions;--",
                "%s%n", "../../etc/passwd", "名前", "🙂").Select(Quote)),
            (1, Gen.Elements(201, 401, 1_001, 2_001, 20_001, 300_000).Select(n => Quote(new string('a', n))))),
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Gen<string> Value(int depth, Plausible plausible)
    {
        var scalar = Gen.Frequency(
            (3, Gen.Elements("int", "string", "bool", "enum", "date").SelectMany(kind => Typed(kind, plausible))),
            (2, Gen.Elements("null", "true", "false", "0", "-1", "1.5", "-0", "2147483648", "-2147483649", "9223372036854775808",
                "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "0.000000000000000000001")));
        if (depth <= 0)
        {
            return scalar;
        }

        return Gen.Frequency(
            (6, scalar),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Value(depth - 1, plausible), n)).Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Value(depth - 1, plausible), n))
                .Select(items => "{" + string.Join(",", items.Select((v, i) => $"\"k{i}\": {v}")) + "}")));
    }

    private static Gen<string> DeepNesting() =>
        from depth in Gen.Elements(40, 65, 200, 5_000)
        from kind in Gen.Elements("[", "{\"a\":")
        select kind == "["
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat(kind, depth)) + "1" + new string('}', depth);

    /// <summary>A valid body broken: cut short, invalid UTF-8 spliced in, or bytes replaced at random.</summary>
    private static Gen<(byte[], string)> Broken(byte[] json) =>
        from kind in Gen.Choose(0, 2)
        from at in Gen.Choose(0, Math.Max(0, json.Length - 1))
        from noise in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 8)
        select kind switch
        {
            0 => (json[..at], "a body cut short"),
            1 => ([.. json[..at], 0xC3, 0x28, 0xFF, 0xFE, .. json[at..]], "invalid UTF-8"),
            _ => ([.. json[..at], .. noise, .. json[Math.Min(json.Length, at + noise.Length)..]], "random bytes spliced in"),
        };

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Counts(TestApp app) => app.WithScope(db =>
    {
        db.Database.OpenConnection();
        return Counts(db);
    });

    private static string Counts(AppDbContext db) => string.Join(",",
        db.Questions.Count(), db.QuestionSources.Count(), db.SourceDocuments.Count(), db.RedFlags.Count(), db.DuplicateGroups.Count(),
        db.Kits.Count(), db.KitVersions.Count(), db.KitSections.Count(), db.KitItems.Count(), db.KitItemRedFlags.Count(), db.KitCompetencyWeights.Count(),
        db.Positions.Count(), db.Candidates.Count(), db.Interviews.Count(), db.Scorecards.Count(), db.Ratings.Count(), db.RedFlagChecks.Count(),
        db.ScorecardEvents.Count(), db.AuditEntries.Count(), db.Competencies.Count(), db.Users.Count());

    /// <summary>Row counts of every table and the full rows every target can change.</summary>
    private static string Fingerprint(TestApp app, ScoringPanel p, Scenario s, int questionId) => app.WithScope(db =>
    {
        db.Database.OpenConnection();
        return JsonSerializer.Serialize(new
    {
        Counts = Counts(db),
        Question = db.Questions.AsNoTracking().Include(q => q.RedFlags).Single(q => q.Id == questionId),
        Card = db.Scorecards.AsNoTracking().Single(c => c.Id == p.CardA),
        Ratings = db.Ratings.AsNoTracking().Where(r => r.ScorecardId == p.CardA).OrderBy(r => r.Id).ToList(),
        Checks = db.RedFlagChecks.AsNoTracking().Where(c => c.ScorecardId == p.CardA).OrderBy(c => c.Id).ToList(),
        Position = db.Positions.AsNoTracking().Single(x => x.Id == s.PositionId),
        Candidate = db.Candidates.AsNoTracking().Single(c => c.Id == s.CandidateId),
        Versions = db.KitVersions.AsNoTracking().Where(v => v.KitId == s.Kit.KitId).OrderBy(v => v.Id).ToList(),
        Items = db.KitItems.AsNoTracking().Where(i => db.KitVersions.Any(v => v.Id == i.KitVersionId && v.KitId == s.Kit.KitId)).OrderBy(i => i.Id).ToList(),
        Weights = db.KitCompetencyWeights.AsNoTracking().OrderBy(w => w.Id).ToList(),
        Interview = db.Interviews.AsNoTracking().Single(i => i.Id == p.InterviewId),
    }, Snapshot);
    });
}
