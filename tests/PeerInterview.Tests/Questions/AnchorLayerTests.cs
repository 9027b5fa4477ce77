using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Questions;

namespace PeerInterview.Tests.Questions;

/// <summary>Three anchor layers (question, competency, generic) as raters, builders and the bank see them.</summary>
public class AnchorLayerTests
{
    [Fact]
    public async Task FreshBank_EverySeededQuestion_HasStarterAnchorsAndListenFor_NotYetReviewed()
    {
        using var app = new TestApp();

        var questions = await app.WithScopeAsync(db => db.Questions.AsNoTracking()
            .Select(q => new { q.Id, q.AnchorPoor, q.AnchorMeets, q.AnchorExcellent, q.ListenFor, q.AnchorsReviewed }).ToListAsync());
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var detail = await manager.GetJsonAsync($"/api/v1/questions/{questions[0].Id}");

        Assert.Equal(109, questions.Count);
        Assert.All(questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.AnchorPoor), $"question {q.Id} has no 1 anchor");
            Assert.False(string.IsNullOrWhiteSpace(q.AnchorMeets), $"question {q.Id} has no 3 anchor");
            Assert.False(string.IsNullOrWhiteSpace(q.AnchorExcellent), $"question {q.Id} has no 5 anchor");
            Assert.InRange(q.ListenFor.Count, 3, 5);
            Assert.False(q.AnchorsReviewed);
        });
        Assert.Equal(109, questions.Select(q => q.AnchorExcellent).Distinct().Count());
        Assert.False(detail.GetProperty("anchorsReviewed").GetBoolean());
        Assert.True(detail.GetProperty("anchorsAreStarter").GetBoolean());
        Assert.InRange(detail.GetProperty("listenFor").GetArrayLength(), 3, 5);
        Assert.Equal(0, (await manager.GetJsonAsync("/api/v1/questions/starter-anchors")).GetProperty("available").GetInt32());
    }

    [Fact]
    public void StarterAnchors_PassTheLint_AreTheProjectsOwnWords_AndNeverProbeTheCandidatesHealth()
    {
        var entries = StarterAnchors.Load(Path.Combine(RepoPaths.SeedData, StarterAnchors.FileName));
        var competencyTexts = PeerInterview.Web.Seeding.DefaultCompetencies.Create().SelectMany(c => new[] { c.AnchorPoor!, c.AnchorMeets!, c.AnchorExcellent! });
        var texts = entries.SelectMany(e => new[] { e.Poor, e.Meets, e.Excellent }.Concat(e.ListenFor)).Concat(competencyTexts).ToList();

        // Eight-word runs of the source documents: an anchor that shares one copied the source's sentence.
        var sourceRuns = Directory.GetFiles(RepoPaths.SeedData, "*.txt").SelectMany(f => Runs(File.ReadAllText(f))).ToHashSet();

        Assert.Equal(109, entries.Count);
        Assert.Equal(109, entries.Select(e => (e.Document, e.Line)).Distinct().Count());
        Assert.All(texts, text =>
        {
            Assert.Empty(PeerInterview.Web.Import.QuestionLint.Check(text));
            Assert.DoesNotMatch(CandidateHealth, text);
            Assert.DoesNotContain(Runs(text), sourceRuns.Contains);
        });
    }

    // About the candidate's own history rather than how they use it (the interviewer guidance may say "do not ask about their health").
    private static readonly System.Text.RegularExpressions.Regex CandidateHealth = new(
        @"\btheir own (?:recovery|diagnos|medication|treatment|sobriety|relapse|mental health|illness|condition|addiction|history)|\b(?:sober|clean) (?:date|time)\b|\bhow long (?:they have|they've) been\b|(?<!not )(?<!never )\bask(?:s|ing)? about their (?:health|diagnos|medication|recovery)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static IEnumerable<string> Runs(string text)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), "[a-z']+").Select(m => m.Value).ToList();
        for (var i = 0; i + 8 <= words.Count; i++)
        {
            yield return string.Join(' ', words.Skip(i).Take(8));
        }
    }

    [Fact]
    public async Task Competencies_CarryBehaviouralAnchors_InTheApi()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.Interviewer);

        var list = (await client.GetJsonAsync("/api/v1/competencies")).EnumerateArray().ToList();
        var crisis = list.Single(c => c.GetProperty("code").GetString() == "D5").GetProperty("anchors");

        Assert.All(list, c =>
        {
            var anchors = c.GetProperty("anchors");
            Assert.All(new[] { "poor", "meets", "excellent" }, level => Assert.False(string.IsNullOrWhiteSpace(anchors.GetProperty(level).GetString())));
        });
        Assert.Contains("secret", crisis.GetProperty("poor").GetString(), StringComparison.Ordinal);
        Assert.Contains("safety plan", crisis.GetProperty("excellent").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scorecard_NamesTheLayerOfEachItem_AndAPublishedVersionKeepsItsLayersAndCompetencyAnchors()
    {
        using var app = new TestApp();
        var k = await ThreeLayerKitAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var interviewer = await app.ApiClientAsAsync(Roles.Interviewer);

        var first = await ScorecardItemsAsync(interviewer, k.ScorecardId);

        // After publishing: the competency's anchors are rewritten and the generic item's question gains anchors.
        var edited = await manager.PutAsJsonAsync($"/api/v1/competencies/{k.CompetencyBId}", new { anchorPoor = "Edited poor", anchorMeets = "Edited meets", anchorExcellent = "Edited excellent" });
        await app.WithScopeAsync(async db =>
        {
            var q = await db.Questions.SingleAsync(q => q.Id == k.GenericQuestionId);
            (q.AnchorPoor, q.AnchorMeets, q.AnchorExcellent) = ("Later poor", "Later meets", "Later excellent");
            return await db.SaveChangesAsync();
        });
        var after = await ScorecardItemsAsync(interviewer, k.ScorecardId);
        var competencies = (await manager.GetJsonAsync("/api/v1/competencies")).EnumerateArray().ToList();
        var guide = await Html.GetAsync(await app.BrowserClientAsAsync(Roles.HiringManager), $"/Guide/{k.VersionId}");

        Assert.Equal(["question", "competency", "generic"], first.Select(i => i.GetProperty("anchorSource").GetString()));
        Assert.Equal(k.QuestionAnchorPoor, first[0].GetProperty("anchorPoor").GetString());
        Assert.Equal(k.CompetencyBPoor, first[1].GetProperty("anchorPoor").GetString());
        Assert.Equal(RatingScale.GenericPoor, first[2].GetProperty("anchorPoor").GetString());
        Assert.Contains("competency anchors", first[1].GetProperty("anchorSourceText").GetString(), StringComparison.Ordinal);
        Assert.Equal(["question", "question", "question"], first[0].GetProperty("anchorLevelSources").EnumerateArray().Select(s => s.GetString()));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Edited poor", competencies.Single(c => c.GetProperty("id").GetInt32() == k.CompetencyBId).GetProperty("anchors").GetProperty("poor").GetString());
        Assert.Equal(first.Select(i => i.GetProperty("anchorSource").GetString()), after.Select(i => i.GetProperty("anchorSource").GetString()));
        Assert.Equal(k.CompetencyBPoor, after[1].GetProperty("anchorPoor").GetString());
        Assert.Equal(RatingScale.GenericPoor, after[2].GetProperty("anchorPoor").GetString());
        Assert.Equal(["question", "competency", "generic"], guide.QuerySelectorAll(".guide-item [data-anchor-source]").Select(e => e.GetAttribute("data-anchor-source")));
        Assert.Contains(k.CompetencyBPoor, guide.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Edited poor", guide.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KitCoverage_CountsItemsOnReviewedStarterCompetencyAndGenericAnchors()
    {
        using var app = new TestApp();
        var k = await ThreeLayerKitAsync(app, publish: false);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var before = (await manager.GetJsonAsync($"/api/v1/kits/{k.KitId}")).GetProperty("coverage").GetProperty("anchors");
        var accepted = await manager.PostAsJsonAsync($"/api/v1/questions/{k.QuestionId}/anchors/accept", new { });
        var after = (await manager.GetJsonAsync($"/api/v1/kits/{k.KitId}")).GetProperty("coverage").GetProperty("anchors");
        var builder = await Html.GetAsync(await app.BrowserClientAsAsync(Roles.HiringManager), $"/Kits/Edit/{k.KitId}");

        Assert.Equal((0, 1, 1, 1), Counts(before));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal((1, 0, 1, 1), Counts(after));
        Assert.Contains("1 on reviewed question anchors, 1 on competency anchors, 1 on the generic scale.", builder.QuerySelector(".anchor-counts")!.TextContent, StringComparison.Ordinal);

        static (int, int, int, int) Counts(JsonElement a) =>
            (a.GetProperty("reviewed").GetInt32(), a.GetProperty("starter").GetInt32(), a.GetProperty("competency").GetInt32(), a.GetProperty("generic").GetInt32());
    }

    [Fact]
    public async Task Accept_MarksTheStarterAnchorsReviewed_IsAudited_AndOnlyManagersMayDoIt()
    {
        using var app = new TestApp();
        var id = await app.WithScopeAsync(db => db.Questions.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync());
        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var interviewer = await app.ApiClientAsAsync(Roles.Interviewer);

        var page = await Html.GetAsync(manager, $"/Questions/Details/{id}");
        var refused = await interviewer.PostAsJsonAsync($"/api/v1/questions/{id}/anchors/accept", new { });
        var accepted = await Html.SubmitAsync(manager, (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(".starter-anchors form")!, []);
        var after = await Html.GetAsync(manager, $"/Questions/Details/{id}");
        var api = await (await app.ApiClientAsAsync(Roles.HR)).GetJsonAsync($"/api/v1/questions/{id}");
        var audit = await app.WithScopeAsync(db => db.AuditEntries.Where(a => a.Action == "question.anchors-accept" && a.EntityId == id.ToString()).CountAsync());

        Assert.Contains("Starter anchors, not yet reviewed by your organisation", page.QuerySelector(".starter-anchors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Null(after.QuerySelector(".starter-anchors"));
        Assert.NotNull(after.QuerySelector(".reviewed-anchors"));
        Assert.True(api.GetProperty("anchorsReviewed").GetBoolean());
        Assert.False(api.GetProperty("anchorsAreStarter").GetBoolean());
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task EditingAnchorsByHand_MarksThemReviewed_WhileOtherEditsLeaveThemStarter()
    {
        using var app = new TestApp();
        var ids = await app.WithScopeAsync(db => db.Questions.OrderBy(q => q.Id).Select(q => q.Id).Take(2).ToListAsync());
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var v0 = (await manager.GetJsonAsync($"/api/v1/questions/{ids[0]}")).GetProperty("version").GetInt32();
        var v1 = (await manager.GetJsonAsync($"/api/v1/questions/{ids[1]}")).GetProperty("version").GetInt32();
        await manager.PutAsJsonAsync($"/api/v1/questions/{ids[0]}", new { anchorMeets = "Names one boundary and how they kept it", version = v0 });
        await manager.PutAsJsonAsync($"/api/v1/questions/{ids[1]}", new { topic = "Motivation", version = v1 });
        var edited = await manager.GetJsonAsync($"/api/v1/questions/{ids[0]}");
        var other = await manager.GetJsonAsync($"/api/v1/questions/{ids[1]}");

        Assert.True(edited.GetProperty("anchorsReviewed").GetBoolean());
        Assert.Equal("Names one boundary and how they kept it", edited.GetProperty("anchorMeets").GetString());
        Assert.False(other.GetProperty("anchorsReviewed").GetBoolean());
        Assert.True(other.GetProperty("anchorsAreStarter").GetBoolean());
    }

    [Fact]
    public async Task ExistingBank_IsOfferedStarterAnchors_ForQuestionsWithoutAnchors_NeverOverwritingWrittenOnes()
    {
        using var app = new TestApp();
        var ids = await app.WithScopeAsync(async db =>
        {
            var two = await db.Questions.OrderBy(q => q.Id).Take(2).ToListAsync();
            (two[0].AnchorPoor, two[0].AnchorMeets, two[0].AnchorExcellent, two[0].ListenFor) = (null, null, null, []);
            (two[1].AnchorPoor, two[1].AnchorMeets, two[1].AnchorExcellent, two[1].AnchorsReviewed) = ("Ours 1", "Ours 3", "Ours 5", true);
            await db.SaveChangesAsync();
            return two.Select(q => q.Id).ToList();
        });
        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);

        var bank = await Html.GetAsync(manager, "/Questions");
        var applied = await Html.SubmitAsync(manager, (AngleSharp.Html.Dom.IHtmlFormElement)bank.QuerySelector(".starter-offer form")!, []);
        var again = await (await app.ApiClientAsAsync(Roles.HiringManager)).PostAsync("/api/v1/questions/starter-anchors/apply", null);
        var questions = await app.WithScopeAsync(db => db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).OrderBy(q => q.Id).ToListAsync());
        var audit = await app.WithScopeAsync(db => db.AuditEntries.CountAsync(a => a.Action == "question.starter-anchors" && a.UserId != null));

        Assert.Contains("Apply starter anchors to 1 question without anchors", bank.QuerySelector(".starter-offer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(0, (await Json.ReadAsync(again)).GetProperty("applied").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(questions[0].AnchorMeets));
        Assert.NotEmpty(questions[0].ListenFor);
        Assert.False(questions[0].AnchorsReviewed);
        Assert.Equal(("Ours 1", "Ours 3", "Ours 5"), (questions[1].AnchorPoor, questions[1].AnchorMeets, questions[1].AnchorExcellent));
        Assert.True(questions[1].AnchorsReviewed);
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Restart_FillsDefaultCompetencyAnchorsNeverSet_AndLeavesClearedOnesCleared()
    {
        using var app = new TestApp();
        await app.WithScopeAsync(async db =>
        {
            var d1 = await db.Competencies.SingleAsync(c => c.Code == "D1");
            var d2 = await db.Competencies.SingleAsync(c => c.Code == "D2");
            (d1.AnchorPoor, d1.AnchorMeets, d1.AnchorExcellent) = (null, null, null);
            (d2.AnchorPoor, d2.AnchorMeets, d2.AnchorExcellent) = ("", "", "");
            return await db.SaveChangesAsync();
        });

        using (var restarted = TestApp.SharingDatabaseOf(app))
        {
            await (await restarted.ApiClientAsAsync(Roles.Interviewer)).GetJsonAsync("/api/v1/competencies");
        }

        var anchors = await app.WithScopeAsync(db => db.Competencies.AsNoTracking().Where(c => c.Code == "D1" || c.Code == "D2").OrderBy(c => c.Code).Select(c => c.AnchorMeets).ToListAsync());
        Assert.False(string.IsNullOrWhiteSpace(anchors[0]));
        Assert.Equal("", anchors[1]);
    }

    [Fact]
    public async Task DemoKit_ShowsQuestionSpecificAnchorsOnEveryItem()
    {
        using var app = new TestApp(settings: new() { ["Seed:DemoHiring"] = "true" });
        var interviewer = await app.ApiClientAsAsync(Roles.Interviewer);

        var cardId = await app.WithScopeAsync(db => db.Scorecards.Where(s => s.Interviewer!.Email == Demo.EmailFor(Roles.Interviewer)).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var items = await ScorecardItemsAsync(interviewer, cardId);

        Assert.Equal(14, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("question", i.GetProperty("anchorSource").GetString());
            Assert.NotEqual(RatingScale.GenericMeets, i.GetProperty("anchorMeets").GetString());
            Assert.NotEqual(0, i.GetProperty("listenFor").GetArrayLength());
        });
    }

    private static async Task<List<JsonElement>> ScorecardItemsAsync(HttpClient client, int scorecardId) =>
        (await client.GetJsonAsync($"/api/v1/scorecards/{scorecardId}")).GetProperty("items").EnumerateArray().ToList();

    private sealed record ThreeLayers(int KitId, int VersionId, int ScorecardId, int QuestionId, string QuestionAnchorPoor, int CompetencyBId, string CompetencyBPoor, int GenericQuestionId);

    /// <summary>
    /// A kit of three active questions: the first keeps its starter anchors (question layer), the second's are cleared
    /// (its competency's anchors apply), the third's and its competency's are cleared (generic scale). Published and
    /// scheduled with the demo interviewer unless <paramref name="publish"/> is false.
    /// </summary>
    private static async Task<ThreeLayers> ThreeLayerKitAsync(TestApp app, bool publish = true)
    {
        var picks = await app.WithScopeAsync(async db =>
        {
            var active = await db.Questions.Where(q => q.Status == QuestionStatus.Active && !q.HasLintWarning).OrderBy(q => q.Id).ToListAsync();
            var a = active[0];
            var b = active.First(q => q.CompetencyId != a.CompetencyId);
            var c = active.First(q => q.CompetencyId != a.CompetencyId && q.CompetencyId != b.CompetencyId);
            (b.AnchorPoor, b.AnchorMeets, b.AnchorExcellent) = (null, null, null);
            (c.AnchorPoor, c.AnchorMeets, c.AnchorExcellent) = (null, null, null);
            var cc = await db.Competencies.SingleAsync(x => x.Id == c.CompetencyId);
            (cc.AnchorPoor, cc.AnchorMeets, cc.AnchorExcellent) = ("", "", "");
            await db.SaveChangesAsync();
            var bPoor = await db.Competencies.Where(x => x.Id == b.CompetencyId).Select(x => x.AnchorPoor!).SingleAsync();
            return (A: a.Id, APoor: a.AnchorPoor!, B: b.Id, BCompetency: b.CompetencyId, BPoor: bPoor, C: c.Id);
        });

        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var kit = await Json.ReadAsync(await manager.PostAsJsonAsync("/api/v1/kits", new { name = "Layers", role = "Peer Support Specialist", targetMinutes = 60 }));
        var kitId = kit.GetProperty("kitId").GetInt32();
        foreach (var q in new[] { picks.A, picks.B, picks.C })
        {
            var added = await manager.PostAsJsonAsync($"/api/v1/kits/{kitId}/items", new { questionId = q, section = "Behavioural", minutes = 5 });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        if (!publish)
        {
            return new ThreeLayers(kitId, kit.GetProperty("versionId").GetInt32(), 0, picks.A, picks.APoor, picks.BCompetency, picks.BPoor, picks.C);
        }

        // Every competency is a hurdle-free one here only if D5 and D7 are covered; make them not hurdles for this kit's sake.
        await app.WithScopeAsync(async db =>
        {
            await db.Competencies.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsHurdle, false));
            return 0;
        });
        var published = await manager.PostAsync($"/api/v1/kits/{kitId}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var versionId = (await Json.ReadAsync(published)).GetProperty("versionId").GetInt32();

        var positionId = await TestData.PositionAsync(app, kitId: kitId);
        var candidateId = await TestData.CandidateAsync(app, positionId);
        var interviewerId = await TestData.UserIdForRoleAsync(app, Roles.Interviewer);
        var scheduled = await manager.PostAsJsonAsync("/api/v1/interviews",
            new { candidateId, kitVersionId = versionId, scheduledAt = DateTimeOffset.UtcNow.AddDays(1), interviewerIds = new[] { interviewerId } });
        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
        var cardId = (await Json.ReadAsync(scheduled)).GetProperty("scorecards")[0].GetProperty("id").GetInt32();
        return new ThreeLayers(kitId, versionId, cardId, picks.A, picks.APoor, picks.BCompetency, picks.BPoor, picks.C);
    }
}
